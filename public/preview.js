// The plan's amount question (components/debtor/plan-live.tsx): while the person types an amount
// a month or a number of months, asks the server for the other one and shows it.
(() => {
  const run = () => {
    const line = document.querySelector("[data-plan-preview]");
    const form = line && document.getElementById(line.dataset.form);
    if (!form || line.dataset.started) return;
    line.dataset.started = "1";
    let timer;
    let latest = 0;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const call = ++latest;
        const query = new URLSearchParams(new FormData(form));
        try {
          const response = await fetch(`${line.dataset.planPreview}?${query}`, { headers: { Accept: "application/json" } });
          const { line: text } = await response.json();
          if (call === latest && line.textContent !== text) line.textContent = text;
        } catch {
          if (call === latest) line.textContent = "";
        }
      }, 300);
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
  };
  // React puts this script in the head, and from the cache it can run before the body is read.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
})();
