import type { Queryable } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { disputeAnswerDue, disputeResumesOn } from "../../domain/disputes";
import { FEE_RULES } from "../../domain/fees";
import { caseState } from "./case-state";
import { loadDebtorCase } from "./load-ledgers";

/** The costs a payment order would add (Kronofogden's application fee and the legal fee). */
export const PAYMENT_ORDER_COST_ORE = FEE_RULES.payment_order_application_fee.capOre + FEE_RULES.payment_order_legal_fee.capOre;

/**
 * One case of this debtor with everything the case page shows. A case of someone else is
 * "not found", exactly like a case that does not exist.
 */
export async function getDebtorCase(db: Queryable, input: { debtorId: string; caseId: string; asOf: string }) {
  // The case, its balance, payments, documents and events in one round trip.
  const ledger = await loadDebtorCase(db, input);
  if (!ledger) throw new DomainError("case_not_found");
  const { payments: paymentRows, documents: documentRows, events: eventRows } = ledger;
  const c = ledger.case;
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    state: caseState(ledger),
    creditor: { name: ledger.creditor.name },
    description: c.description,
    invoiceNumber: c.invoiceNumber,
    invoiceDate: c.invoiceDate,
    originalDueDate: c.originalDueDate,
    reminderSentOn: c.reminderSentOn,
    collectionLetterSentOn: c.collectionLetterSentOn,
    dueDate: c.dueDate,
    dueDateMovedOn: c.dueDateMovedOn,
    dueDateMovedFrom: c.dueDateMovedFrom,
    paymentOrderFrom: c.paymentOrderFrom,
    paymentOrderCostOre: PAYMENT_ORDER_COST_ORE,
    ocrReference: c.ocrReference,
    plan: ledger.plan,
    balance: ledger.balance,
    disputedOre: ledger.disputedOre,
    payableOre: ledger.payableOre,
    dispute: ledger.dispute && {
      ...ledger.dispute,
      holdsToday: ledger.dispute.status === "open" || (ledger.dispute.status === "rejected" && !!ledger.dispute.resumesOn && ledger.dispute.resumesOn > input.asOf),
      answerBy: disputeAnswerDue(ledger.dispute.madeOn),
      lastDay: ledger.dispute.toldOn && ledger.dispute.status === "rejected" ? disputeResumesOn(ledger.dispute.toldOn).lastDay : null,
    },
    payments: paymentRows,
    documents: documentRows.map((d) => ({ id: d.id, kind: d.kind, issuedOn: d.issuedOn })),
    /** What the debtor changed themself (a moved date, a plan), newest first. */
    events: eventRows.map((e) => ({ kind: e.kind, occurredOn: e.occurredOn, details: e.details })),
  };
}

export type DebtorCase = Awaited<ReturnType<typeof getDebtorCase>>;
