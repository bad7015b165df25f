import type { Queryable } from "../../db/client";
import { caseState, type CaseState } from "./case-state";
import { loadDebtorLedgers } from "./load-ledgers";

export interface DebtorCaseSummary {
  id: string;
  caseNumber: string;
  creditorName: string;
  description: string;
  leftOre: number;
  /** Set aside by an open dispute, and what may be paid now. */
  disputedOre: number;
  payableOre: number;
  state: CaseState;
  /** The next date that matters: pay by, or the next instalment of the case's plan. */
  nextDate: string | null;
  /** What is due then, for an instalment (a case to pay shows what is left). */
  nextAmountOre: number | null;
}

/** Every case of this debtor across creditors, with the total left to pay. */
export async function listDebtorCases(db: Queryable, input: { debtorId: string; asOf: string }) {
  const ledgers = await loadDebtorLedgers(db, input);
  const cases: DebtorCaseSummary[] = ledgers.map((l) => {
    const state = caseState(l);
    return {
      id: l.case.id,
      caseNumber: l.case.caseNumber,
      creditorName: l.creditor.name,
      description: l.case.description,
      leftOre: Math.max(0, l.balance.leftOre),
      disputedOre: l.disputedOre,
      payableOre: l.payableOre,
      state,
      nextDate: state === "to_pay" ? l.case.dueDate : state === "in_plan" ? (l.plan?.next?.dueDate ?? null) : null,
      nextAmountOre: state === "in_plan" ? (l.plan?.next?.amountOre ?? null) : null,
    };
  });
  const order: Record<CaseState, number> = { to_pay: 0, in_plan: 1, disputed: 2, paid: 3, closed: 4 };
  cases.sort((a, b) => order[a.state] - order[b.state]);
  // A disputed part is not counted as owed while the dispute is open.
  const totalLeftOre = cases.reduce((sum, c) => sum + c.payableOre, 0);
  return { cases, totalLeftOre };
}
