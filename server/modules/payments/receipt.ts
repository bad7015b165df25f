import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, creditors, paymentAllocations, payments } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { loadDebtorLedgers } from "../cases/load-ledgers";

/** One booked payment of the debtor, for its receipt: what it paid and what is left now. */
export async function getDebtorReceipt(db: Db, input: { debtorId: string; paymentId: string; now: Date }) {
  const [row] = await db
    .select({ p: payments, caseNumber: cases.caseNumber, caseId: cases.id, creditorName: creditors.name })
    .from(payments)
    .innerJoin(cases, eq(cases.id, payments.caseId))
    .innerJoin(creditors, eq(creditors.id, cases.creditorId))
    .where(and(eq(payments.id, input.paymentId), eq(cases.debtorId, input.debtorId), eq(payments.status, "booked")));
  if (!row) throw new DomainError("payment_not_found");
  const parts = await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, row.p.id)).orderBy(asc(paymentAllocations.id));
  const [ledger] = await loadDebtorLedgers(db, { debtorId: input.debtorId, caseId: row.caseId, asOf: todayInStockholm(input.now) });
  const sum = (component: string) => parts.filter((a) => a.component === component).reduce((s, a) => s + a.amountOre, 0);
  return {
    id: row.p.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    creditorName: row.creditorName,
    method: row.p.method,
    amountOre: row.p.amountOre,
    bookedOn: row.p.bookedOn,
    reference: row.p.externalReference ?? row.p.ocrReference,
    feesOre: sum("fee"),
    interestOre: sum("interest"),
    principalOre: sum("principal"),
    overpaymentOre: row.p.overpaymentOre,
    refundedOre: row.p.refundedOre,
    leftNowOre: ledger?.balance.leftOre ?? 0,
  };
}
