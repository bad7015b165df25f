import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, paymentRequests, payments } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { PaymentDeps } from "./clients";
import { confirmCardPayment, confirmSwishPayment } from "./settle-request";

/** After this long without a callback, reading a request also asks the provider. */
const ASK_PROVIDER_AFTER_MS = 8_000;

/**
 * A payment the debtor started, as its status page shows it: the state, and once paid the
 * payments booked (each with its receipt). Someone else's request is "not found".
 */
export async function getDebtorPaymentRequest(db: Db, deps: PaymentDeps | null, input: { debtorId: string; requestId: string; now: Date }) {
  const load = () =>
    db
      .select()
      .from(paymentRequests)
      .where(and(eq(paymentRequests.id, input.requestId), eq(paymentRequests.debtorId, input.debtorId)))
      .then((rows) => rows[0]);
  let request = await load();
  if (!request) throw new DomainError("payment_request_not_found");
  if (deps && request.status === "created" && input.now.getTime() - request.createdAt.getTime() > ASK_PROVIDER_AFTER_MS) {
    try {
      const result = request.method === "swish" ? await confirmSwishPayment(db, deps, request.externalId, input.now) : await confirmCardPayment(db, deps, request.externalId, input.now);
      if (result?.changed) request = (await load())!;
    } catch {
      // The provider did not answer; the page shows what we know and asks again.
    }
  }
  const caseIds = request.targets.map((t) => t.caseId);
  const [caseRows, booked] = await Promise.all([
    db.select({ id: cases.id, caseNumber: cases.caseNumber }).from(cases).where(and(inArray(cases.id, caseIds), eq(cases.debtorId, input.debtorId))),
    db
      .select({ id: payments.id, caseId: payments.caseId, amountOre: payments.amountOre, overpaymentOre: payments.overpaymentOre, bookedOn: payments.bookedOn })
      .from(payments)
      .where(eq(payments.requestId, request.id))
      .orderBy(asc(payments.createdAt)),
  ]);
  const numbers = new Map(caseRows.map((c) => [c.id, c.caseNumber]));
  return {
    id: request.id,
    method: request.method as "swish" | "card",
    status: request.status,
    amountOre: request.amountOre,
    swishToken: request.method === "swish" && request.status === "created" ? request.token : null,
    payUrl: request.method === "card" && request.status === "created" ? request.payUrl : null,
    errorCode: request.errorCode,
    createdAt: request.createdAt.toISOString(),
    targets: request.targets.map((t) => ({ caseId: t.caseId, caseNumber: numbers.get(t.caseId) ?? "", amountOre: t.amountOre })),
    payments: booked.map((p) => ({ ...p, caseId: p.caseId ?? null })),
  };
}

export type DebtorPaymentRequest = Awaited<ReturnType<typeof getDebtorPaymentRequest>>;
