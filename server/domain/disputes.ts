import { addBankDays, addDays, nextBankDay, type IsoDate } from "./calendar";
import { computeCaseBalance, type Component, type LedgerInput } from "./ledger";

export const DISPUTE_REASONS = ["not_received", "already_paid", "wrong_amount", "other"] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
export type DisputePart = "all" | "part";

/** The longest description a debtor may write. */
export const DISPUTE_DESCRIPTION_MAX = 5000;
/** We answer a dispute within this many bank days (the staff queue's deadline). */
export const DISPUTE_ANSWER_BANK_DAYS = 10;
/** After a rejection, the debtor has at least this many days to take it further before anything resumes. */
export const DISPUTE_APPEAL_DAYS = 10;

export type DisputeAmountError = "part_required" | "amount_required" | "amount_too_small" | "amount_too_large" | "nothing_left";

/**
 * The amount a dispute sets aside: everything left, or a part of it (more than 0, less than or
 * equal to what is left; the whole amount left counts as "all").
 */
export function disputedAmount(input: { part: string | undefined; amountOre: number | null; leftOre: number }): { ok: true; part: DisputePart; disputedOre: number } | { ok: false; error: DisputeAmountError } {
  if (input.leftOre <= 0) return { ok: false, error: "nothing_left" };
  if (input.part === "all") return { ok: true, part: "all", disputedOre: input.leftOre };
  if (input.part !== "part") return { ok: false, error: "part_required" };
  if (input.amountOre === null) return { ok: false, error: "amount_required" };
  if (input.amountOre <= 0) return { ok: false, error: "amount_too_small" };
  if (input.amountOre > input.leftOre) return { ok: false, error: "amount_too_large" };
  return input.amountOre === input.leftOre ? { ok: true, part: "all", disputedOre: input.leftOre } : { ok: true, part: "part", disputedOre: input.amountOre };
}

/** What the debtor may still pay while a dispute is open: what is left less the disputed part. */
export function payableOre(leftOre: number, disputedOre: number): number {
  return Math.max(0, leftOre - Math.max(0, Math.min(disputedOre, leftOre)));
}

/** When staff must have answered a dispute made on `madeOn`. */
export function disputeAnswerDue(madeOn: IsoDate): IsoDate {
  return addBankDays(madeOn, DISPUTE_ANSWER_BANK_DAYS);
}

/**
 * After a rejection told on `toldOn`: the debtor's last day to take it further (ten days on; a
 * deadline that falls on a weekend or holiday moves to the next bank day, lag 1930:173), and the
 * first day automated steps may run again (the day after).
 */
export function disputeResumesOn(toldOn: IsoDate): { lastDay: IsoDate; resumesOn: IsoDate } {
  const lastDay = nextBankDay(addDays(toldOn, DISPUTE_APPEAL_DAYS));
  return { lastDay, resumesOn: addDays(lastDay, 1) };
}

export interface Credit {
  component: Component;
  chargeId?: string;
  amountOre: number;
}

/**
 * The credits that uphold a dispute on `input.asOf`. Cancel: everything left of the claim (its
 * fees and interest follow it). Reduce by `reduceOre`: that much principal, and the interest the
 * credited principal bore since interest began; when no principal is left the fees and the rest of
 * the interest go too. Never more than is left of any component.
 */
export function upholdCredits(input: LedgerInput, remedy: "cancel" | "reduce", reduceOre = 0): Credit[] {
  const before = computeCaseBalance(input);
  const all = (): Credit[] => [
    ...before.fees.filter((f) => f.leftOre > 0).map((f) => ({ component: "fee" as const, chargeId: f.chargeId, amountOre: f.leftOre })),
    ...(before.interest.leftOre > 0 ? [{ component: "interest" as const, amountOre: before.interest.leftOre }] : []),
    ...(before.principal.leftOre > 0 ? [{ component: "principal" as const, amountOre: before.principal.leftOre }] : []),
  ];
  if (remedy === "cancel" || reduceOre >= before.principal.leftOre) return all();
  if (!Number.isSafeInteger(reduceOre) || reduceOre <= 0) return [];
  // The interest on the credited part since the start: the claim as if it had always been smaller.
  const smaller = computeCaseBalance({ ...input, principalOre: input.principalOre - reduceOre });
  const interestOre = Math.max(0, Math.min(before.interest.leftOre, before.interest.accruedOre - smaller.interest.accruedOre));
  return [{ component: "principal", amountOre: reduceOre }, ...(interestOre > 0 ? [{ component: "interest" as const, amountOre: interestOre }] : [])];
}
