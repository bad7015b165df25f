import { DomainError } from "./errors";

/** The smallest part payment we take, unless less than that is left. */
export const MINIMUM_PART_PAYMENT_ORE = 100_00;

export interface PayableCase {
  id: string;
  leftOre: number;
  /** The date that matters for the case; the earliest is paid first. */
  dueDate: string;
}

/** What a person may pay now for these cases: at least the minimum (or all of it), at most all of it. */
export function paymentLimits(cases: PayableCase[]): { minOre: number; maxOre: number } {
  const maxOre = cases.reduce((s, c) => s + Math.max(0, c.leftOre), 0);
  return { minOre: Math.min(MINIMUM_PART_PAYMENT_ORE, maxOre), maxOre };
}

/**
 * Splits one payment over several cases: the case due first is paid first, each up to what it has
 * left. The parts add up to the amount exactly; nothing is paid beyond what the cases owe.
 */
export function splitOverCases(cases: PayableCase[], amountOre: number): { caseId: string; amountOre: number }[] {
  const { minOre, maxOre } = paymentLimits(cases);
  if (maxOre <= 0) throw new DomainError("nothing_to_pay");
  if (!Number.isSafeInteger(amountOre) || amountOre < minOre) throw new DomainError("amount_below_minimum", undefined, { minOre });
  if (amountOre > maxOre) throw new DomainError("amount_above_balance", undefined, { maxOre });
  const ordered = [...cases].filter((c) => c.leftOre > 0).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
  let rest = amountOre;
  const targets: { caseId: string; amountOre: number }[] = [];
  for (const c of ordered) {
    if (rest === 0) break;
    const part = Math.min(rest, c.leftOre);
    targets.push({ caseId: c.id, amountOre: part });
    rest -= part;
  }
  return targets;
}
