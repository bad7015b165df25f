import { addDays, type IsoDate } from "./calendar";
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
  chargeId?: string;
  amountOre: number;
}

export interface LedgerInput {
  principalOre: number;
  originalDueDate: IsoDate;
  charges: LedgerCharge[];
  allocations: LedgerAllocation[];
  rates: RatePeriod[];
  marginBp: number;
  /** Interest runs from the day after this date; defaults to the original due date. */
  interestFrom?: IsoDate;
  /** Interest stops after this date (the creditor waived it, or the case was settled). */
  interestStoppedOn?: IsoDate;
  asOf: IsoDate;
}

export interface BreakdownLine {
  key: "principal" | "interest" | FeeKind;
  amountOre: number;
  paidOre: number;
  leftOre: number;
  /** Facts for the sentence that explains the line: rate, since, per day, cap, legal basis. */
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
  principal: { originalOre: number; paidOre: number; leftOre: number };
  interest: { accruedOre: number; paidOre: number; leftOre: number; annualRateBp: number; sinceDate: IsoDate; perDayOre: number };
  fees: FeeBalance[];
  paidOre: number;
  /** Original principal + fees + interest accrued so far. */
  totalOre: number;
  leftOre: number;
  lines: BreakdownLine[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A case's balance on `asOf` and its plain-language breakdown as data. Interest accrues per day
 * on the principal still outstanding (a payment's principal part stops interest from the day after
 * it was booked); fees never bear interest. Adds up to the öre: left = total − paid.
 */
export function computeCaseBalance(input: LedgerInput): CaseBalance {
  const sinceDate = input.interestFrom ?? input.originalDueDate;
  const allocations = input.allocations.filter((a) => a.bookedOn <= input.asOf);
  const principalAllocations = allocations.filter((a) => a.component === "principal").sort((a, b) => (a.bookedOn < b.bookedOn ? -1 : 1));
  const timeline: { from: IsoDate; principalOre: number }[] = [{ from: addDays(sinceDate, 1), principalOre: input.principalOre }];
  let outstanding = input.principalOre;
  for (const a of principalAllocations) {
    outstanding -= a.amountOre;
    timeline.push({ from: addDays(a.bookedOn, 1), principalOre: Math.max(0, outstanding) });
  }
  const end = input.interestStoppedOn && input.interestStoppedOn < input.asOf ? input.interestStoppedOn : input.asOf;
  const accrued = accrueInterest({ principalTimeline: timeline, start: sinceDate, end, rates: input.rates, marginBp: input.marginBp }).totalOre;

  const principalPaid = sum(principalAllocations.map((a) => a.amountOre));
  const interestPaid = sum(allocations.filter((a) => a.component === "interest").map((a) => a.amountOre));
  const fees: FeeBalance[] = [...input.charges]
    .sort((a, b) => (a.chargedOn < b.chargedOn ? -1 : a.chargedOn > b.chargedOn ? 1 : a.id < b.id ? -1 : 1))
    .filter((c) => c.chargedOn <= input.asOf)
    .map((c) => {
      const paid = sum(allocations.filter((a) => a.component === "fee" && a.chargeId === c.id).map((a) => a.amountOre));
      return {
        chargeId: c.id,
        kind: c.kind,
        amountOre: c.amountOre,
        paidOre: paid,
        leftOre: c.amountOre - paid,
        capOre: FEE_RULES[c.kind].capOre,
        legalBasis: FEE_RULES[c.kind].legalBasis,
      };
    });

  const principalLeft = input.principalOre - principalPaid;
  const interestLeft = accrued - interestPaid;
  const stopped = Boolean(input.interestStoppedOn && input.interestStoppedOn <= input.asOf);
  const annualRateBp = rateOn(end, input.rates, input.marginBp);
  const perDayOre = stopped || principalLeft <= 0 ? 0 : dailyInterestOre(principalLeft, annualRateBp);
  const feeTotal = sum(fees.map((f) => f.amountOre));
  const paidOre = principalPaid + interestPaid + sum(fees.map((f) => f.paidOre));
  const totalOre = input.principalOre + accrued + feeTotal;

  const lines: BreakdownLine[] = [
    { key: "principal", amountOre: input.principalOre, paidOre: principalPaid, leftOre: principalLeft, facts: {} },
    {
      key: "interest",
      amountOre: accrued,
      paidOre: interestPaid,
      leftOre: interestLeft,
      facts: { annualRateBp, since: sinceDate, perDayOre: Math.round(perDayOre * 100) / 100 },
    },
    ...fees.map((f) => ({
      key: f.kind,
      amountOre: f.amountOre,
      paidOre: f.paidOre,
      leftOre: f.leftOre,
      facts: { capOre: f.capOre, legalBasis: f.legalBasis },
    })),
  ];

  return {
    principal: { originalOre: input.principalOre, paidOre: principalPaid, leftOre: principalLeft },
    interest: { accruedOre: accrued, paidOre: interestPaid, leftOre: interestLeft, annualRateBp, sinceDate, perDayOre },
    fees,
    paidOre,
    totalOre,
    leftOre: totalOre - paidOre,
    lines,
  };
}

/**
 * How a payment settles a case: in the creditor's order (by default fees, oldest first, then
 * interest, then principal). What is more than the case owes is an overpayment.
 */
export function allocatePayment(
  amountOre: number,
  balance: CaseBalance,
  order: AllocationOrder = DEFAULT_ALLOCATION_ORDER,
): { allocations: { component: Component; chargeId?: string; amountOre: number }[]; overpaymentOre: number } {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) throw new DomainError("invalid_amount", "a payment is a positive number of öre");
  let rest = amountOre;
  const allocations: { component: Component; chargeId?: string; amountOre: number }[] = [];
  const take = (component: Component, available: number, chargeId?: string) => {
    const part = Math.min(rest, Math.max(0, available));
    if (part > 0) {
      allocations.push(chargeId ? { component, chargeId, amountOre: part } : { component, amountOre: part });
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
