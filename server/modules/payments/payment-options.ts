import type { Db } from "../../db/client";
import { addBankDays, todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { paymentLimits } from "../../domain/payment-choice";
import { env } from "../../env";
import { caseState } from "../cases/case-state";
import { loadDebtorLedgers } from "../cases/load-ledgers";

/**
 * What the "pay" page offers for one case of the debtor, or for all of them: what is left, the
 * smallest and largest amount, and what a bank transfer needs (bankgiro, each case's OCR number,
 * and the day it will show up here).
 */
export async function getPaymentOptions(db: Db, input: { debtorId: string; caseId?: string; now: Date }) {
  const today = todayInStockholm(input.now);
  const ledgers = await loadDebtorLedgers(db, { debtorId: input.debtorId, caseId: input.caseId, asOf: today });
  if (input.caseId && ledgers.length === 0) throw new DomainError("case_not_found");
  // A disputed part is set aside while the dispute is open: only the rest is offered.
  const payable = ledgers.filter((l) => !["paid", "closed"].includes(caseState(l)) && l.payableOre > 0);
  const cases = payable.map((l) => ({
    id: l.case.id,
    caseNumber: l.case.caseNumber,
    creditorName: l.creditor.name,
    description: l.case.description,
    leftOre: l.payableOre,
    dueDate: l.case.dueDate,
    ocrReference: l.case.ocrReference,
  }));
  const { minOre, maxOre } = paymentLimits(cases);
  return {
    cases,
    totalOre: maxOre,
    minOre,
    maxOre,
    bankgiro: env().KVITT_BANKGIRO,
    // A transfer made today reaches Bankgirot's file the next bank day.
    bankTransferArrivesBy: addBankDays(today, 1),
  };
}
