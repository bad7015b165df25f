import type { CaseLedger } from "./load-ledgers";

export type CaseState = "to_pay" | "in_plan" | "disputed" | "paid" | "closed";

/** What the person should see a case as, from its stored status and its balance. */
export function caseState(ledger: Pick<CaseLedger, "case" | "balance" | "payableOre">): CaseState {
  const c = ledger.case;
  if (c.status === "closed" || c.status === "sent_to_enforcement") return "closed";
  if (c.status === "paid" || ledger.balance.leftOre <= 0) return "paid";
  // A partial dispute leaves the rest payable: the case is then still one to pay.
  if (c.disputed && ledger.payableOre <= 0) return "disputed";
  if (c.status === "in_plan") return "in_plan";
  return "to_pay";
}
