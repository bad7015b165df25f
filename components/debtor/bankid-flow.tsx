import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { api } from "@/server/api/server-caller";
import { cancelBankIdAction, continueBankIdAction, startBankIdAction } from "@/server/auth/bankid-actions";
import { BANKID_ORDER_COOKIE, flowPath, readOrderCookie, type BankIdPurpose } from "@/server/auth/bankid-order";
import { assetUrl } from "@/server/assets";
import { bankIdTexts } from "./bankid-texts";

const BUTTON = "w-full min-h-12 rounded-lg border-2 border-brand-700 px-6 py-3 text-lg font-semibold";
const PRIMARY = "bg-brand-700 text-on-brand hover:bg-brand-800";
const SECONDARY = "bg-transparent text-brand-700 hover:bg-brand-50";
// A touch-first screen counts as a phone even when its browser does not say so.
const TOUCH_PRIMARY = "touch:bg-brand-700 touch:text-on-brand touch:hover:bg-brand-800";
const TOUCH_SECONDARY = "touch:bg-transparent touch:text-brand-700 touch:hover:bg-brand-50";

/** What the page says after an order ended, from the `bankid` search parameter. */
function failureText(code: string | undefined, texts: Awaited<ReturnType<typeof bankIdTexts>>): string | null {
  if (!code) return null;
  if (code === "rate_limited") return texts.rateLimited;
  if (code === "refused") return texts.refused;
  if (code === "failed") return texts.failed;
  return texts.rfa[code] ?? texts.rfa.RFA22 ?? texts.failed;
}

/**
 * BankID on this device (the autostart link) or on another device (the QR code), as plain forms
 * that work without JavaScript: the page shows the order's state each time it loads, refreshes
 * itself while BankID is pending, and "I have identified, continue" finishes. With JavaScript,
 * `public/bankid.js` redraws the QR code every second and continues by itself when BankID answers.
 */
export async function BankIdFlow({ purpose, onPhone, result }: { purpose: BankIdPurpose; onPhone: boolean; result?: string }) {
  const texts = await bankIdTexts();
  const t = await getTranslations("bankidFlow");
  const signing = purpose.startsWith("plan:");
  const path = flowPath(purpose);
  const order = readOrderCookie((await cookies()).get(BANKID_ORDER_COOKIE)?.value, purpose);
  const hidden = <input type="hidden" name="purpose" value={purpose} />;

  const poll = order ? await (await api()).auth.bankid.poll({ orderId: order.orderId }).catch(() => null) : null;

  const failure = poll?.status === "failed" ? (texts.rfa[poll.rfa] ?? texts.rfa.RFA22 ?? texts.failed) : poll ? null : failureText(result, texts);
  if (failure) {
    return (
      <div className="space-y-4">
        <p id="bankid-result" tabIndex={-1} role="alert" className="text-lg font-medium">
          {failure}
        </p>
        {poll ? (
          // The failed order is still remembered: forget it, then choose again.
          <form action={cancelBankIdAction}>
            {hidden}
            <button type="submit" className={`${BUTTON} ${PRIMARY}`}>
              {texts.retry}
            </button>
          </form>
        ) : (
          <form action={path} method="get">
            <button type="submit" className={`${BUTTON} ${PRIMARY}`}>
              {texts.retry}
            </button>
          </form>
        )}
        <script src={assetUrl("bankid.js")} async />
      </div>
    );
  }

  if (!order || !poll) {
    const thisDevice = onPhone ? PRIMARY : `${SECONDARY} ${TOUCH_PRIMARY}`;
    const otherDevice = onPhone ? SECONDARY : `${PRIMARY} ${TOUCH_SECONDARY}`;
    return (
      <div className="flex flex-col gap-3">
        <form action={startBankIdAction}>
          {hidden}
          <input type="hidden" name="device" value="this" />
          <button type="submit" className={`${BUTTON} ${thisDevice}`} data-primary={onPhone ? "" : undefined}>
            {texts.thisDevice}
          </button>
        </form>
        <form action={startBankIdAction}>
          {hidden}
          <input type="hidden" name="device" value="other" />
          <button type="submit" className={`${BUTTON} ${otherDevice}`} data-primary={onPhone ? undefined : ""}>
            {texts.otherDevice}
          </button>
        </form>
      </div>
    );
  }

  const complete = poll.status === "complete";
  const statusText = complete ? t(signing ? "signed" : "identified") : (texts.rfa[poll.rfa] ?? texts.waiting);
  return (
    <div className="space-y-4" data-bankid-wait={complete ? "complete" : "pending"} data-order={order.orderId} data-texts={JSON.stringify(texts.rfa)}>
      {/* Without JavaScript the page asks again: every second for a new QR code, else every two. */}
      {!complete && (
        <noscript>
          <meta httpEquiv="refresh" content={order.sameDevice ? "2" : "1"} />
        </noscript>
      )}
      {!order.sameDevice && !complete && poll.qrSvg && (
        <div className="space-y-3">
          <p>{texts.qrHelp}</p>
          <div
            role="img"
            aria-label={texts.qrLabel}
            data-qr={poll.qr ?? ""}
            data-bankid-qr=""
            className="mx-auto w-64 h-64 bg-white p-2 rounded-lg border border-line [&_svg]:w-full [&_svg]:h-full"
            dangerouslySetInnerHTML={{ __html: poll.qrSvg }}
          />
        </div>
      )}
      <p role="status" aria-live="polite" className="text-lg" data-bankid-status="">
        {statusText}
      </p>
      <form action={continueBankIdAction} data-bankid-continue="">
        {hidden}
        <button type="submit" className={`${BUTTON} ${complete ? PRIMARY : SECONDARY}`}>
          {t(signing ? "continueSigned" : "continueIdentified")}
        </button>
      </form>
      {!complete && (
        <form action={cancelBankIdAction}>
          {hidden}
          <button type="submit" className={`${BUTTON} ${SECONDARY}`}>
            {texts.cancel}
          </button>
        </form>
      )}
      <script src={assetUrl("bankid.js")} async />
    </div>
  );
}
