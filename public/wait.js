// A payment that is still open (components/debtor/payment-watcher.tsx): asks every two seconds how
// it went and loads the page again once Swish or the card page has answered.
(() => {
  const run = () => {
    const status = document.querySelector("[data-wait-payment]");
    if (!status || status.dataset.started) return;
    status.dataset.started = "1";
    const input = encodeURIComponent(JSON.stringify({ json: { requestId: status.dataset.waitPayment } }));
    const tick = async () => {
      try {
        const response = await fetch(`/api/trpc/debtor.payments.get?input=${input}`, { headers: { Accept: "application/json" } });
        if (response.ok && (await response.json()).result.data.json.status !== "created") return location.reload();
      } catch {
        // A dropped connection: ask again on the next tick.
      }
      setTimeout(tick, 2000);
    };
    setTimeout(tick, 2000);
  };
  // React puts this script in the head, and from the cache it can run before the body is read.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
})();
