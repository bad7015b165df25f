import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { caseDocuments, cases, charges, creditorPolicies, creditors, paymentAllocations, payments, referenceRates } from "../../db/schema";
import type { FeeKind } from "../../domain/fees";
import type { RatePeriod } from "../../domain/interest";
import { computeCaseBalance, type CaseBalance } from "../../domain/ledger";

export type CaseRow = typeof cases.$inferSelect;

export interface CaseLedger {
  case: CaseRow;
  creditor: { id: string; name: string; kind: string };
  policy: typeof creditorPolicies.$inferSelect | null;
  balance: CaseBalance;
}

/** Reference rates as data; small, read per request (cached by the database). */
export async function loadRates(db: Queryable): Promise<RatePeriod[]> {
  const rows = await db.select().from(referenceRates).orderBy(asc(referenceRates.fromDate));
  return rows.map((r) => ({ from: r.fromDate, referenceRateBp: r.referenceRateBp }));
}

/**
 * Every case of a debtor (or one of them) with its balance as of `asOf`: four queries whatever
 * the number of cases, never one per case. Filtering by debtor here is the authorisation.
 */
export async function loadDebtorLedgers(
  db: Queryable,
  input: { debtorId: string; caseId?: string; asOf: string },
): Promise<CaseLedger[]> {
  const where = input.caseId
    ? and(eq(cases.debtorId, input.debtorId), eq(cases.id, input.caseId))
    : eq(cases.debtorId, input.debtorId);
  const caseRows = await db
    .select({ case: cases, creditor: { id: creditors.id, name: creditors.name, kind: creditors.kind }, policy: creditorPolicies })
    .from(cases)
    .innerJoin(creditors, eq(creditors.id, cases.creditorId))
    .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
    .where(where)
    .orderBy(asc(cases.dueDate), asc(cases.caseNumber));
  if (caseRows.length === 0) return [];
  const ids = caseRows.map((r) => r.case.id);
  const [chargeRows, allocationRows, rates] = await Promise.all([
    db.select().from(charges).where(inArray(charges.caseId, ids)).orderBy(asc(charges.chargedOn)),
    db.select().from(paymentAllocations).where(inArray(paymentAllocations.caseId, ids)).orderBy(asc(paymentAllocations.bookedOn)),
    loadRates(db),
  ]);
  return caseRows.map((row) => ({
    case: row.case,
    creditor: row.creditor,
    policy: row.policy,
    balance: computeCaseBalance({
      principalOre: row.case.principalOre,
      originalDueDate: row.case.originalDueDate,
      charges: chargeRows
        .filter((c) => c.caseId === row.case.id)
        .map((c) => ({ id: c.id, kind: c.kind as FeeKind, amountOre: c.amountOre, chargedOn: c.chargedOn })),
      allocations: allocationRows
        .filter((a) => a.caseId === row.case.id)
        .map((a) => ({
          paymentId: a.paymentId,
          bookedOn: a.bookedOn,
          component: a.component,
          chargeId: a.chargeId ?? undefined,
          amountOre: a.amountOre,
        })),
      rates,
      marginBp: row.case.interestMarginBp,
      interestStoppedOn: row.case.interestStoppedOn ?? undefined,
      asOf: input.asOf,
    }),
  }));
}

export async function loadCasePayments(db: Queryable, caseId: string) {
  return db
    .select({ id: payments.id, method: payments.method, amountOre: payments.amountOre, bookedOn: payments.bookedOn, overpaymentOre: payments.overpaymentOre })
    .from(payments)
    .where(and(eq(payments.caseId, caseId), eq(payments.status, "booked")))
    .orderBy(asc(payments.bookedOn), asc(payments.createdAt));
}

export async function loadCaseDocuments(db: Queryable, caseId: string) {
  return db.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).orderBy(asc(caseDocuments.issuedOn));
}
