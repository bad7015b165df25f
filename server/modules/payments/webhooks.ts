import type { Db } from "../../db/client";
import { verifyWebhook } from "../../integrations/card/client";
import { parseSwishCallback, parseSwishRefundCallback } from "../../integrations/swish/client";
import type { PaymentDeps } from "./clients";
import { confirmCardPayment, confirmSwishPayment, confirmSwishRefund } from "./settle-request";

export type WebhookAnswer = { status: number; body: string };

/**
 * Swish's callback: unsigned and at least once, so the body only tells which request to look at;
 * what Swish answers for that id is what counts. Answers 200 once handled (also for repeats and for
 * requests that are not ours), 400 for a body that is not a Swish payment, 503 when Swish could not
 * be asked, so that Swish sends it again.
 */
export async function handleSwishCallback(db: Db, deps: PaymentDeps, body: unknown, now: Date): Promise<WebhookAnswer> {
  let id: string;
  if (body && typeof body === "object" && "originalPaymentReference" in body) {
    // A refund's callback comes to the same address.
    try {
      id = parseSwishRefundCallback(body).id;
      const status = await confirmSwishRefund(db, deps, id, now);
      return { status: 200, body: status ?? "unknown refund" };
    } catch {
      return { status: 503, body: "could not confirm the refund with Swish" };
    }
  }
  try {
    id = parseSwishCallback(body).id;
  } catch {
    return { status: 400, body: "not a Swish payment" };
  }
  try {
    const result = await confirmSwishPayment(db, deps, id, now);
    return { status: 200, body: result ? result.status : "unknown request" };
  } catch {
    return { status: 503, body: "could not confirm with Swish" };
  }
}

const CARD_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired"]);

/**
 * Stripe's webhook: the signature over the exact bytes is checked first (a forged or replayed
 * event gets 400 and changes nothing), then the session is read back from Stripe and settled.
 */
export async function handleCardWebhook(
  db: Db,
  deps: PaymentDeps,
  input: { rawBody: string; signature: string | null; secret: string; now: Date },
): Promise<WebhookAnswer> {
  let event;
  try {
    // Freshness is judged by the real clock, as Stripe signs with it.
    event = verifyWebhook(input.rawBody, input.signature, input.secret);
  } catch {
    return { status: 400, body: "invalid signature" };
  }
  // Signed is not the same as well-formed: anything but an event object is refused, not thrown on.
  const shaped = event as unknown as { type?: unknown; data?: { object?: { id?: unknown } | null } | null } | null;
  if (!shaped || typeof shaped !== "object" || typeof shaped.type !== "string") return { status: 400, body: "not an event" };
  if (!CARD_EVENTS.has(shaped.type)) return { status: 200, body: "ignored" };
  const sessionId = shaped.data && typeof shaped.data === "object" && shaped.data.object && typeof shaped.data.object === "object" ? shaped.data.object.id : undefined;
  if (typeof sessionId !== "string") return { status: 400, body: "no session" };
  try {
    const result = await confirmCardPayment(db, deps, sessionId, input.now, shaped.type === "checkout.session.async_payment_failed");
    return { status: 200, body: result ? result.status : "unknown session" };
  } catch {
    return { status: 503, body: "could not confirm with Stripe" };
  }
}
