// Progressive enhancement for every page, with or without React: what a page does with
// JavaScript that it cannot do without. Pages work without this file.
(() => {
  const root = document.documentElement;
  if (root.hasAttribute("data-enhanced")) return;
  // Controls that need JavaScript (copy buttons) are hidden by CSS until this attribute is set.
  root.setAttribute("data-enhanced", "");

  // Copy buttons: <button data-copy="value" data-copied="Copied">…<span data-copy-label>…</span>
  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    const label = button.querySelector("[data-copy-label]");
    try {
      await navigator.clipboard.writeText(button.getAttribute("data-copy") ?? "");
    } catch {
      return; // no clipboard (an insecure page, or refused): the value stays on screen to copy by hand
    }
    if (!label) return;
    label.dataset.label ??= label.textContent ?? "";
    label.textContent = button.getAttribute("data-copied") ?? "";
    clearTimeout(Number(label.dataset.timer));
    label.dataset.timer = String(setTimeout(() => (label.textContent = label.dataset.label ?? ""), 2000));
  });

  // GOV.UK's error summary takes focus when a page shows one, so keyboard and screen-reader users
  // start there: on load, and when a page rendered in the browser brings one.
  let focused = null;
  const focusErrorSummary = () => {
    const summary = document.getElementById("error-summary");
    if (summary && summary !== focused) {
      focused = summary;
      summary.focus();
    }
  };
  const start = () => {
    focusErrorSummary();
    new MutationObserver(focusErrorSummary).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
