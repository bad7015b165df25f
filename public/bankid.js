// BankID on a page without React (components/debtor/bankid-flow.tsx): while the order is pending,
// asks every second for its state, redraws the QR code and BankID's message, and when BankID has
// answered (or the order failed) submits "continue" for the server to finish. Without this file the
// page refreshes itself and the person presses "continue".
(() => {
  const run = () => {
    const result = document.getElementById("bankid-result");
    if (result) result.focus();
    const box = document.querySelector("[data-bankid-wait]");
    if (!box || box.dataset.started) return;
    box.dataset.started = "1";
    const form = box.querySelector("form[data-bankid-continue]");
    const finish = () => {
      if (form && !box.dataset.done) {
        box.dataset.done = "1";
        form.requestSubmit();
      }
    };
    if (box.dataset.bankidWait === "complete") return finish();
    const texts = JSON.parse(box.dataset.texts || "{}");
    const qr = box.querySelector("[data-bankid-qr]");
    const status = box.querySelector("[data-bankid-status]");
    let errors = 0;
    const tick = async () => {
      try {
        const response = await fetch("/api/trpc/auth.bankid.poll", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ json: { orderId: box.dataset.order } }),
        });
        if (!response.ok) throw new Error(String(response.status));
        const order = (await response.json()).result.data.json;
        errors = 0;
        if (order.status !== "pending") return finish();
        if (qr && order.qrSvg && order.qr !== qr.getAttribute("data-qr")) {
          qr.innerHTML = order.qrSvg;
          qr.setAttribute("data-qr", order.qr);
        }
        const text = texts[order.rfa];
        if (status && text && status.textContent !== text) status.textContent = text;
      } catch {
        // A dropped request is retried; only a lasting failure hands over to the server.
        if (++errors >= 4) return finish();
      }
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);
  };
  // React puts this script in the head, and from the cache it can run before the body is read.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
})();
