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

  // A form marked data-submit-once (paying) cannot be sent twice by a second press: the button says
  // it is sending and further submits are dropped until the next page.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) return;
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "1";
    const button = form.querySelector("button[type=submit]");
    if (button) {
      button.setAttribute("aria-disabled", "true");
      if (button.dataset.sending) button.textContent = button.dataset.sending;
    }
  });
  // Coming back with the browser's back button shows the form ready again.
  addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const form of document.querySelectorAll("form[data-sent]")) delete form.dataset.sent;
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
