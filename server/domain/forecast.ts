import { addMonths, paydayDueDate, type IsoDate } from "./calendar";
import { DomainError } from "./errors";

/** Fifty years: beyond that the answer is "never" for any purpose of the forecast. */
export const MAX_FORECAST_MONTHS = 600;

export interface ForecastCase {
  /** Everything left on the case: principal, interest and fees. */
  leftOre: number;
  /** The part of leftOre that bears interest. */
  principalLeftOre: number;
  annualRateBp: number;
}

export interface DebtFreeForecast {
  /** One row per payment, the payment date and what is left after it. Empty when never. */
  months: { date: IsoDate; leftOre: number }[];
  /** The date of the last payment, or null when the monthly amount never clears the debt. */
  debtFreeDate: IsoDate | null;
  /** Interest added over the forecast (0 when never). */
  interestOre: number;
  /** With `minimumMonthlyOre`: the interest paying only that much, when that ever clears the debt. */
  interestIfMinimumOre?: number;
}

function assertOre(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError("invalid_amount", `${name} must be whole öre ≥ 0`, { [name]: value });
}

/** The payment dates: the payday-aware due date on or after `start`, then the same each month. */
function paymentDate(start: IsoDate, month: number): IsoDate {
  const first = paydayDueDate(start);
  if (month === 0) return first;
  return paydayDueDate(addMonths(`${first.slice(0, 7)}-01`, month));
}

function simulate(cases: ForecastCase[], monthlyOre: number, start: IsoDate): Omit<DebtFreeForecast, "interestIfMinimumOre"> {
  const open = cases.filter((c) => c.leftOre > 0).map((c) => ({ principal: c.principalLeftOre, other: c.leftOre - c.principalLeftOre, rateBp: c.annualRateBp }));
  if (open.length === 0) return { months: [], debtFreeDate: start, interestOre: 0 };
  const never = { months: [], debtFreeDate: null, interestOre: 0 };
  const months: { date: IsoDate; leftOre: number }[] = [];
  let interestOre = 0;
  for (let m = 0; m < MAX_FORECAST_MONTHS; m++) {
    // A month's interest on each case's principal (a twelfth of the yearly rate, half up), then
    // the payment settles interest and fees first, then principal, case by case in the order given.
    let added = 0;
    for (const c of open) {
      const interest = Number((BigInt(c.principal) * BigInt(c.rateBp) + 60_000n) / 120_000n);
      c.other += interest;
      added += interest;
    }
    if (monthlyOre <= added) return never;
    interestOre += added;
    let pay = monthlyOre;
    for (const c of open) {
      const part = Math.min(pay, c.other);
      c.other -= part;
      pay -= part;
    }
    for (const c of open) {
      const part = Math.min(pay, c.principal);
      c.principal -= part;
      pay -= part;
    }
    const left = open.reduce((s, c) => s + c.other + c.principal, 0);
    const date = paymentDate(start, m);
    months.push({ date, leftOre: left });
    if (left === 0) return { months, debtFreeDate: date, interestOre };
  }
  return never;
}

/**
 * "If I pay X a month, when am I free?" Payments fall on the payday-aware due date (first bank
 * day on or after the 26th) from `start` on. Before each payment a month's interest is added on
 * each case's principal; the payment covers interest and fees first, then principal. Null when
 * the amount does not cover the interest or would take more than 600 months. With
 * `minimumMonthlyOre`, also the interest paying only that much, for comparison.
 */
export function debtFreeForecast(input: { cases: ForecastCase[]; monthlyOre: number; start: IsoDate; minimumMonthlyOre?: number }): DebtFreeForecast {
  assertOre(input.monthlyOre, "monthlyOre");
  for (const c of input.cases) {
    assertOre(c.leftOre, "leftOre");
    assertOre(c.principalLeftOre, "principalLeftOre");
    assertOre(c.annualRateBp, "annualRateBp");
    if (c.principalLeftOre > c.leftOre) throw new DomainError("invalid_amount", "principalLeftOre cannot exceed leftOre", { ...c });
  }
  const result: DebtFreeForecast = simulate(input.cases, input.monthlyOre, input.start);
  if (input.minimumMonthlyOre !== undefined) {
    assertOre(input.minimumMonthlyOre, "minimumMonthlyOre");
    const minimum = simulate(input.cases, input.minimumMonthlyOre, input.start);
    if (minimum.debtFreeDate !== null) result.interestIfMinimumOre = minimum.interestOre;
  }
  return result;
}

/**
 * The interest saved by paying `monthlyOre` instead of `baselineMonthlyOre` (e.g. the creditors'
 * smallest instalment). `avoidedOre` is null when either amount never clears the debt; it is
 * never negative.
 */
export function interestAvoided(input: { cases: ForecastCase[]; monthlyOre: number; baselineMonthlyOre: number; start: IsoDate }): {
  interestOre: number | null;
  baselineInterestOre: number | null;
  avoidedOre: number | null;
} {
  const chosen = debtFreeForecast({ cases: input.cases, monthlyOre: input.monthlyOre, start: input.start });
  const baseline = debtFreeForecast({ cases: input.cases, monthlyOre: input.baselineMonthlyOre, start: input.start });
  const interestOre = chosen.debtFreeDate === null ? null : chosen.interestOre;
  const baselineInterestOre = baseline.debtFreeDate === null ? null : baseline.interestOre;
  return {
    interestOre,
    baselineInterestOre,
    avoidedOre: interestOre === null || baselineInterestOre === null ? null : Math.max(0, baselineInterestOre - interestOre),
  };
}
