import { addDays, isIsoDate, type IsoDate } from "./calendar";
import { DomainError } from "./errors";
import { FEE_RULES, type FeeKind } from "./fees";
import { accrueInterest, dailyInterestOre, rateOn, type RatePeriod } from "./interest";

export type Component = "principal" | "interest" | "fee";
export type AllocationOrder = ("fees" | "interest" | "principal")[];
export const DEFAULT_ALLOCATION_ORDER: AllocationOrder = ["fees", "interest", "principal"];

export interface LedgerCharge {
  id: string;
  kind: FeeKind;
  amountOre: number;
  chargedOn: IsoDate;
}

export interface LedgerAllocation {
  paymentId: string;
  bookedOn: IsoDate;
  component: Component;
  /** Which fee a "fee" allocation pays. */
  chargeId?: string;
  amountOre: number;
}

/**
 * Part of the claim the creditor no longer asks for (an upheld dispute): it lowers what is left of
 * one component as a payment would, but it is not money paid.
 */
export interface LedgerCredit {
  id: string;
  bookedOn: IsoDate;
  component: Component;
  chargeId?: string;
  amountOre: number;
}

export interface LedgerInput {
  principalOre: number;
  originalDueDate: IsoDate;
  charges: LedgerCharge[];
  allocations: LedgerAllocation[];
  /** Credits on the claim (upheld disputes); none when left out. */
  credits?: LedgerCredit[];
  rates: RatePeriod[];
  marginBp: number;
  /** Interest runs from the day after this date; defaults to the original due date. */
  interestFrom?: IsoDate;
  /** The last day that bears interest (the claim was disputed, waived or settled). */
  interestStoppedOn?: IsoDate;
  asOf: IsoDate;
}

export type BreakdownKey = "principal" | "interest" | FeeKind | "paid" | "credited";

export interface BreakdownLine {
  key: BreakdownKey;
  amountOre: number;
  paidOre: number;
  leftOre: number;
  /**
   * Facts for the sentence that explains the line, unformatted (the edge formats them per locale):
   * interest → annualRateBp, since, perDayOre; a fee → capOre, legalBasis, messageKey;
   * paid → payments, lastPaidOn (when any).
   */
  facts: Record<string, string | number>;
}

export interface FeeBalance {
  chargeId: string;
  kind: FeeKind;
  amountOre: number;
  paidOre: number;
  leftOre: number;
  capOre: number;
  legalBasis: string;
}

export interface CaseBalance {
  principal: { originalOre: number; paidOre: number; creditedOre: number; leftOre: number };
  interest: {
    accruedOre: number;
    paidOre: number;
    leftOre: number;
    /** The yearly rate on the last day that bears interest (or on asOf). */
    annualRateBp: number;
    sinceDate: IsoDate;
    /** Whole öre a day at today's rate on the principal left; 0 once interest has stopped. */
    perDayOre: number;
  };
  /** Fees charged up to asOf, oldest first (the order a payment settles them). */
  fees: FeeBalance[];
  paidOre: number;
  /** What was credited (taken off the claim), over every component. */
  creditedOre: number;
  /** Original principal + fees + interest accrued so far. */
  totalOre: number;
  leftOre: number;
  /**
   * principal, interest, each fee (oldest first), then "paid" (and "credited" when anything was).
   * The "paid" and "credited" lines sum what was paid or credited and leave nothing: Σ amount over
   * the other lines is totalOre and Σ left over all is leftOre.
   */
  lines: BreakdownLine[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function assertDate(value: IsoDate, name: string): void {
  if (!isIsoDate(value)) throw new DomainError("invalid_date", `${name} must be a real date YYYY-MM-DD`, { [name]: value });
}

function assertOre(value: number, name: string, min = Number.MIN_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min) throw new DomainError("invalid_amount", `${name} must be whole öre`, { [name]: value });
}

function validate(input: LedgerInput): void {
  assertOre(input.principalOre, "principalOre", 0);
  assertDate(input.originalDueDate, "originalDueDate");
  assertDate(input.asOf, "asOf");
  if (input.interestFrom !== undefined) assertDate(input.interestFrom, "interestFrom");
  if (input.interestStoppedOn !== undefined) assertDate(input.interestStoppedOn, "interestStoppedOn");
  const chargedOn = new Map<string, IsoDate>();
  for (const c of input.charges) {
    assertOre(c.amountOre, "charge.amountOre", 0);
    assertDate(c.chargedOn, "charge.chargedOn");
    if (!FEE_RULES[c.kind]) throw new DomainError("unknown_fee_kind", `unknown fee kind ${String(c.kind)}`, { chargeId: c.id });
    if (chargedOn.has(c.id)) throw new DomainError("duplicate_charge", "two charges share an id", { chargeId: c.id });
    chargedOn.set(c.id, c.chargedOn);
  }
  for (const a of [...input.allocations, ...(input.credits ?? []).map((c) => ({ ...c, paymentId: c.id }))]) {
    assertOre(a.amountOre, "allocation.amountOre");
    assertDate(a.bookedOn, "allocation.bookedOn");
    if (a.component !== "fee") continue;
    const charged = a.chargeId === undefined ? undefined : chargedOn.get(a.chargeId);
    // A fee payment that names no known charge would vanish from the breakdown.
    if (charged === undefined) {
      throw new DomainError("allocation_unknown_charge", "a fee allocation must name one of the case's charges", { paymentId: a.paymentId, chargeId: a.chargeId });
    }
    if (a.bookedOn < charged) {
      throw new DomainError("allocation_before_charge", "a fee was paid before it was charged", { paymentId: a.paymentId, chargeId: a.chargeId });
    }
  }
}

/**
 * A case's balance on `asOf` and its plain-language breakdown as data. Only charges and
 * allocations dated on or before `asOf` count. Interest accrues per day on the principal still
 * outstanding (a principal payment stops interest from the day after it was booked); fees never
 * bear interest. Adds up to the öre: left = principal left + interest left + fees left
 * = total − paid.
 */
export function computeCaseBalance(input: LedgerInput): CaseBalance {
  validate(input);
  const sinceDate = input.interestFrom ?? input.originalDueDate;
  const firstInterestDay = addDays(sinceDate, 1);
  const allocations = input.allocations.filter((a) => a.bookedOn <= input.asOf);
  const credits = (input.credits ?? []).filter((c) => c.bookedOn <= input.asOf);
  const charges = [...input.charges]
    .filter((c) => c.chargedOn <= input.asOf)
    .sort((a, b) => (a.chargedOn < b.chargedOn ? -1 : a.chargedOn > b.chargedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // The principal outstanding from each day on: payments and credits booked on day D lower it from D + 1.
  // One pass over the days in order, so a long ledger costs no more than its length.
  const loweredFrom = new Map<IsoDate, number>();
  for (const a of [...allocations, ...credits]) {
    if (a.component !== "principal") continue;
    const from = addDays(a.bookedOn, 1);
    loweredFrom.set(from, (loweredFrom.get(from) ?? 0) + a.amountOre);
  }
  const days = [...loweredFrom.keys()].sort();
  let lowered = 0;
  let next = 0;
  for (; next < days.length && days[next]! <= firstInterestDay; next++) lowered += loweredFrom.get(days[next]!)!;
  const timeline = [{ from: firstInterestDay, principalOre: Math.max(0, input.principalOre - lowered) }];
  for (; next < days.length; next++) {
    lowered += loweredFrom.get(days[next]!)!;
    timeline.push({ from: days[next]!, principalOre: Math.max(0, input.principalOre - lowered) });
  }
  const stopped = input.interestStoppedOn !== undefined && input.interestStoppedOn < input.asOf;
  const end = stopped ? input.interestStoppedOn! : input.asOf;
  const accrued = accrueInterest({ principalTimeline: timeline, start: sinceDate, end, rates: input.rates, marginBp: input.marginBp }).totalOre;

  const of = (list: { component: Component; chargeId?: string; amountOre: number }[], component: Component, chargeId?: string) =>
    sum(list.filter((a) => a.component === component && (chargeId === undefined || a.chargeId === chargeId)).map((a) => a.amountOre));
  const principalPaid = of(allocations, "principal");
  const principalCredited = of(credits, "principal");
  const interestPaid = of(allocations, "interest");
  const interestCredited = of(credits, "interest");
  const feeCredited = new Map(charges.map((c) => [c.id, of(credits, "fee", c.id)]));
  const fees: FeeBalance[] = charges.map((c) => {
    const paid = of(allocations, "fee", c.id);
    const rule = FEE_RULES[c.kind];
    return { chargeId: c.id, kind: c.kind, amountOre: c.amountOre, paidOre: paid, leftOre: c.amountOre - paid - feeCredited.get(c.id)!, capOre: rule.capOre, legalBasis: rule.legalBasis };
  });

  const principalLeft = input.principalOre - principalPaid - principalCredited;
  const interestLeft = accrued - interestPaid - interestCredited;
  const annualRateBp = rateOn(end, input.rates, input.marginBp);
  const interestRunning = !stopped && input.interestStoppedOn !== input.asOf && principalLeft > 0;
  const perDayOre = interestRunning ? dailyInterestOre(principalLeft, Math.max(0, annualRateBp)) : 0;
  const paidOre = principalPaid + interestPaid + sum(fees.map((f) => f.paidOre));
  const creditedOre = principalCredited + interestCredited + sum([...feeCredited.values()]);
  const totalOre = input.principalOre + accrued + sum(fees.map((f) => f.amountOre));
  const paymentIds = new Set(allocations.map((a) => a.paymentId));
  const lastPaidOn = allocations.map((a) => a.bookedOn).sort().at(-1);

  const lines: BreakdownLine[] = [
    { key: "principal", amountOre: input.principalOre, paidOre: principalPaid, leftOre: principalLeft, facts: {} },
    { key: "interest", amountOre: accrued, paidOre: interestPaid, leftOre: interestLeft, facts: { annualRateBp, since: sinceDate, perDayOre } },
    ...fees.map((f) => ({
      key: f.kind,
      amountOre: f.amountOre,
      paidOre: f.paidOre,
      leftOre: f.leftOre,
      facts: { capOre: f.capOre, legalBasis: f.legalBasis, messageKey: FEE_RULES[f.kind].messageKey },
    })),
    { key: "paid", amountOre: paidOre, paidOre, leftOre: 0, facts: lastPaidOn ? { payments: paymentIds.size, lastPaidOn } : { payments: 0 } },
  ];
  if (creditedOre > 0) {
    lines.push({ key: "credited", amountOre: creditedOre, paidOre: 0, leftOre: 0, facts: { lastCreditedOn: credits.map((c) => c.bookedOn).sort().at(-1)! } });
  }

  return {
    principal: { originalOre: input.principalOre, paidOre: principalPaid, creditedOre: principalCredited, leftOre: principalLeft },
    interest: { accruedOre: accrued, paidOre: interestPaid, leftOre: interestLeft, annualRateBp, sinceDate, perDayOre },
    fees,
    paidOre,
    creditedOre,
    totalOre,
    leftOre: totalOre - paidOre - creditedOre,
    lines,
  };
}

export type PaymentAllocation = { component: Component; chargeId?: string; amountOre: number };

/** What a payment can settle: the parts of a case still open, as `allocatePayment` reads them. */
export interface OpenParts {
  fees: readonly { chargeId: string; leftOre: number }[];
  interest: { leftOre: number };
  principal: { leftOre: number };
  leftOre: number;
}

/** The parts of a balance a payment can settle. */
export function openParts(balance: CaseBalance): OpenParts {
  return {
    fees: balance.fees.map((f) => ({ chargeId: f.chargeId, leftOre: f.leftOre })),
    interest: { leftOre: balance.interest.leftOre },
    principal: { leftOre: balance.principal.leftOre },
    leftOre: balance.leftOre,
  };
}

/**
 * The open parts after allocations booked on the balance's own day: the same as computing the
 * balance again with them (a principal payment lowers interest only from the next day on), without
 * going over the whole ledger once more. Booking many payments to one case reads its ledger once.
 */
export function settleParts(parts: OpenParts, allocations: readonly PaymentAllocation[]): OpenParts {
  const paid = (component: Component, chargeId?: string) =>
    sum(allocations.filter((a) => a.component === component && (chargeId === undefined || a.chargeId === chargeId)).map((a) => a.amountOre));
  return {
    fees: parts.fees.map((f) => ({ chargeId: f.chargeId, leftOre: f.leftOre - paid("fee", f.chargeId) })),
    interest: { leftOre: parts.interest.leftOre - paid("interest") },
    principal: { leftOre: parts.principal.leftOre - paid("principal") },
    leftOre: parts.leftOre - sum(allocations.map((a) => a.amountOre)),
  };
}

/**
 * How a payment settles a case: in the creditor's order (by default fees, oldest first, then
 * interest, then principal). What is more than the case owes is an overpayment.
 */
export function allocatePayment(
  amountOre: number,
  balance: Omit<OpenParts, "leftOre">,
  order: AllocationOrder = DEFAULT_ALLOCATION_ORDER,
): { allocations: PaymentAllocation[]; overpaymentOre: number } {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) throw new DomainError("invalid_amount", "a payment is a positive whole number of öre", { amountOre });
  if (new Set(order).size !== order.length || order.some((step) => !DEFAULT_ALLOCATION_ORDER.includes(step))) {
    throw new DomainError("invalid_allocation_order", "each of fees, interest and principal at most once", { order });
  }
  let rest = amountOre;
  const allocations: PaymentAllocation[] = [];
  const take = (component: Component, available: number, chargeId?: string) => {
    const part = Math.min(rest, Math.max(0, available));
    if (part > 0) {
      allocations.push(chargeId === undefined ? { component, amountOre: part } : { component, chargeId, amountOre: part });
      rest -= part;
    }
  };
  for (const step of order) {
    if (step === "fees") for (const fee of balance.fees) take("fee", fee.leftOre, fee.chargeId);
    if (step === "interest") take("interest", balance.interest.leftOre);
    if (step === "principal") take("principal", balance.principal.leftOre);
  }
  return { allocations, overpaymentOre: rest };
}
