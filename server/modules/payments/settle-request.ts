import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { deepLinkTokens, paymentRequests, refunds } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import type { CheckoutSessionView } from "../../integrations/card/client";
import type { SwishPayment } from "../../integrations/swish/types";
import { recordAudit } from "../audit/record";
import { bookPayments, inBookingTransaction, type BookOutcome } from "./book";
import type { PaymentDeps } from "./clients";

/** What the provider says happened to a request, read from the provider itself. */
export interface ObservedPayment {
  status: "created" | "paid" | "declined" | "error" | "cancelled";
  amountOre: number | null;
  /** The provider's id of the money movement (Swish paymentReference, Stripe payment intent). */
  externalReference: string | null;
  paidAt: Date | null;
  errorCode: string | null;
  payerName?: string | null;
}

export interface SettleResult {
  requestId: string;
  status: ObservedPayment["status"];
  /** False when the request had been settled already (a repeated or late callback). */
  changed: boolean;
  booked: BookOutcome[];
}

/**
 * Brings a payment request to the state its provider reports, once. The request row is locked, so
 * the same callback delivered twenty times at once books one payment; a request that has ended is
 * never reopened by an older state arriving late. A paid request books one payment per case.
 */
export async function settleRequest(db: Db, ref: { method: "swish" | "card"; externalId: string }, observed: ObservedPayment, now: Date): Promise<SettleResult | null> {
  return inBookingTransaction(db, async (tx) => {
    const [request] = await tx
      .select()
      .from(paymentRequests)
      .where(and(eq(paymentRequests.method, ref.method), eq(paymentRequests.externalId, ref.externalId)))
      .for("update");
    if (!request) return null;
    const unchanged = { requestId: request.id, status: request.status, changed: false, booked: [] };
    if (request.status !== "created" || observed.status === "created") return unchanged;

    if (observed.status !== "paid") {
      await tx.update(paymentRequests).set({ status: observed.status, errorCode: observed.errorCode, settledAt: now }).where(eq(paymentRequests.id, request.id));
      await recordAudit(tx, { actorKind: "system", actorId: null, action: `payment.${observed.status}`, subjectKind: "payment_request", subjectId: request.id, debtorId: request.debtorId, details: { errorCode: observed.errorCode } });
      return { requestId: request.id, status: observed.status, changed: true, booked: [] };
    }

    const bookedOn = todayInStockholm(observed.paidAt ?? now);
    const reference = observed.externalReference ?? ref.externalId;
    // A provider that reports another amount than we asked for is booked whole, for staff to place.
    const sameAmount = observed.amountOre === request.amountOre;
    const link = request.deepLinkId
      ? (await tx.select({ outboxId: deepLinkTokens.outboxId, channel: deepLinkTokens.channel }).from(deepLinkTokens).where(eq(deepLinkTokens.id, request.deepLinkId)))[0]
      : undefined;
    const attribution = link ? { outboxId: link.outboxId, channel: link.channel } : undefined;
    const items = sameAmount
      ? request.targets.map((t) => ({
          idempotencyKey: `${ref.method}:${reference}:${t.caseId}`,
          method: ref.method,
          amountOre: t.amountOre,
          bookedOn,
          caseId: t.caseId,
          requestId: request.id,
          instalmentId: request.instalmentId ?? undefined,
          externalReference: reference,
          payerName: observed.payerName ?? null,
          attribution,
        }))
      : [
          {
            idempotencyKey: `${ref.method}:${reference}`,
            method: ref.method,
            amountOre: observed.amountOre ?? request.amountOre,
            bookedOn,
            requestId: request.id,
            externalReference: reference,
            details: { amountAskedOre: request.amountOre },
          },
        ];
    const booked = await bookPayments(tx, items, { kind: "system", id: null });
    await tx.update(paymentRequests).set({ status: "paid", settledAt: now }).where(eq(paymentRequests.id, request.id));
    return { requestId: request.id, status: "paid" as const, changed: true, booked };
  });
}

const SWISH_STATUS: Record<SwishPayment["status"], ObservedPayment["status"]> = {
  CREATED: "created",
  PAID: "paid",
  DECLINED: "declined",
  ERROR: "error",
  CANCELLED: "cancelled",
};

/**
 * A Swish callback, or a check of a request whose callback never came. Callbacks are unsigned, so
 * only what Swish itself answers for the id is acted on; the callback body is just a nudge.
 */
export async function confirmSwishPayment(db: Db, deps: PaymentDeps, swishId: string, now: Date): Promise<SettleResult | null> {
  const payment = await deps.swish.getPaymentRequest(swishId);
  if (payment.payeeAlias && payment.payeeAlias !== deps.swishPayeeAlias) return null;
  return settleRequest(
    db,
    { method: "swish", externalId: payment.id },
    {
      status: SWISH_STATUS[payment.status],
      amountOre: payment.amountOre,
      externalReference: payment.paymentReference ?? null,
      paidAt: payment.datePaid ? new Date(payment.datePaid) : null,
      errorCode: payment.errorCode ?? null,
    },
    now,
  );
}

/** Maps a Checkout Session (as Stripe reports it now) to what happened to the request. */
export function observedFromSession(session: CheckoutSessionView, failed = false): ObservedPayment {
  const base = { amountOre: session.amountOre, externalReference: session.paymentIntentId, paidAt: null, errorCode: null };
  if (session.status === "complete" && session.paymentStatus === "paid") return { ...base, status: "paid" };
  if (session.status === "expired") return { ...base, status: "cancelled" };
  if (session.status === "complete" && failed) return { ...base, status: "error", errorCode: "async_payment_failed" };
  return { ...base, status: "created" };
}

/** A card checkout, read back from Stripe (after a verified webhook, or when the payer returns). */
export async function confirmCardPayment(db: Db, deps: PaymentDeps, sessionId: string, now: Date, failed = false): Promise<SettleResult | null> {
  const session = await deps.card.retrieveSession(sessionId);
  return settleRequest(db, { method: "card", externalId: session.id }, observedFromSession(session, failed), now);
}

/**
 * Asks the providers about requests still open after `olderThanMs`: the callback may never come.
 * Returns how many changed.
 */
export async function reconcileOpenRequests(db: Db, deps: PaymentDeps, now: Date, olderThanMs = 60_000): Promise<number> {
  const open = await db
    .select({ method: paymentRequests.method, externalId: paymentRequests.externalId })
    .from(paymentRequests)
    .where(and(eq(paymentRequests.status, "created"), lt(paymentRequests.createdAt, new Date(now.getTime() - olderThanMs))))
    .limit(500);
  let changed = 0;
  for (const r of open) {
    try {
      const result = r.method === "swish" ? await confirmSwishPayment(db, deps, r.externalId, now) : await confirmCardPayment(db, deps, r.externalId, now);
      if (result?.changed) changed++;
    } catch {
      // The provider is unreachable or forgot the request; the next round asks again.
    }
  }
  return changed;
}

/** A Swish refund's callback: the refund as Swish reports it settles our record of it. */
export async function confirmSwishRefund(db: Db, deps: PaymentDeps, swishId: string, now: Date): Promise<string | null> {
  const refund = await deps.swish.getRefund(swishId);
  const status = refund.status === "PAID" ? "paid" : refund.status === "ERROR" ? "failed" : null;
  if (!status) return "requested";
  const updated = await db
    .update(refunds)
    .set({ status, settledAt: now })
    .where(and(eq(refunds.externalId, refund.id), eq(refunds.method, "swish"), eq(refunds.status, "requested")))
    .returning({ id: refunds.id });
  return updated.length > 0 ? status : null;
}
