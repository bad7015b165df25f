import { assetUrl } from "@/server/assets";

/**
 * While a payment is open the page asks how it went and shows itself anew when it has changed:
 * `public/wait.js` asks every two seconds, and without JavaScript the page refreshes itself. The
 * waiting text is a polite live region, so a screen reader hears it once.
 */
export function PaymentWatcher({ requestId, waiting }: { requestId: string; waiting: string }) {
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content="3" />
      </noscript>
      <p role="status" className="flex items-center gap-3 text-lg" data-wait-payment={requestId}>
        <span aria-hidden="true" className="inline-block h-3 w-3 animate-pulse rounded-full bg-brand-700 motion-reduce:animate-none" />
        {waiting}
      </p>
      <script src={assetUrl("wait.js")} async />
    </>
  );
}
