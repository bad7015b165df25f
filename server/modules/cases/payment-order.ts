import { and, eq, lte, not } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { cases } from "../../db/schema";
import { caseOnHold } from "../holds/paused";

/**
 * The payment-order step's question: which cases may be sent on to Kronofogden today. Only a
 * case still open whose `payment_order_from` has come, that is not disputed and not on hold (a
 * dispute, the ten days after a rejection, a staff hold). A disputed claim never gets a payment order.
 */
export async function casesReadyForPaymentOrder(db: Queryable, today: string, limit = 1000): Promise<{ id: string; caseNumber: string }[]> {
  return db
    .select({ id: cases.id, caseNumber: cases.caseNumber })
    .from(cases)
    .where(and(eq(cases.status, "open"), lte(cases.paymentOrderFrom, today), eq(cases.disputed, false), not(caseOnHold(cases.id, today))))
    .orderBy(cases.paymentOrderFrom)
    .limit(limit);
}
