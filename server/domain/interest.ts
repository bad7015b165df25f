import { addDays, daysBetween, type IsoDate } from "./calendar";
import { DomainError } from "./errors";

/** Riksbanken's reference rate from a date (1 January and 1 July), in basis points. */
export interface RatePeriod {
  from: IsoDate;
  referenceRateBp: number;
}

/**
 * Reference rates as found in public sources; the database is seeded from this and holds the
 * table used at run time, passed in as data.
 */
export const SWEDISH_REFERENCE_RATES: RatePeriod[] = [
  { from: "2023-01-01", referenceRateBp: 200 },
  { from: "2023-07-01", referenceRateBp: 350 },
  { from: "2024-01-01", referenceRateBp: 400 },
  { from: "2024-07-01", referenceRateBp: 400 },
  { from: "2025-01-01", referenceRateBp: 300 },
  { from: "2025-07-01", referenceRateBp: 200 },
  { from: "2026-01-01", referenceRateBp: 200 },
  // Assumed: not yet published when this table was written; replace when Riksbanken sets it.
  { from: "2026-07-01", referenceRateBp: 200 },
];

/** Räntelagen 6 §: reference rate plus eight percentage points. */
export const STATUTORY_MARGIN_BP = 800;

function byFrom<T extends { from: IsoDate }>(a: T, b: T): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : 0;
}

/**
 * The yearly late-payment rate on a day, in basis points: the reference rate in force plus the
 * margin. A day before the first period in the table takes the first period's rate.
 */
export function rateOn(date: IsoDate, rates: RatePeriod[], marginBp: number): number {
  if (rates.length === 0) throw new DomainError("no_reference_rate", "the reference-rate table is empty");
  const sorted = sortedRates(rates);
  let inForce = sorted[0]!;
  for (const r of sorted) {
    if (r.from > date) break;
    inForce = r;
  }
  return inForce.referenceRateBp + marginBp;
}

/** A rate table in date order: the table itself when it already is (as read from the database), without copying it. */
function sortedRates(rates: RatePeriod[]): RatePeriod[] {
  for (let i = 1; i < rates.length; i++) if (rates[i - 1]!.from > rates[i]!.from) return [...rates].sort(byFrom);
  return rates;
}

export interface InterestSegment {
  /** First and last day of the segment, both included. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  annualRateBp: number;
  principalOre: number;
  /** Unrounded interest of the segment, in öre (for showing the arithmetic; never summed rounded). */
  exactOre: number;
}

/** Actual/365: a day's interest is principal × rate(bp) / 10 000 / 365. */
const DAY_DENOMINATOR = 10_000n * 365n;

/** Half up, exactly, for a non-negative fraction of big integers. */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * One day's interest on a principal at a yearly rate, rounded half up to whole öre for display
 * ("grows by 2,74 kr a day"). Accrual never adds rounded days: see accrueInterest.
 */
export function dailyInterestOre(principalOre: number, annualRateBp: number): number {
  assertNonNegativeInteger(principalOre, "principalOre");
  assertNonNegativeInteger(annualRateBp, "annualRateBp");
  return roundHalfUp(BigInt(principalOre) * BigInt(annualRateBp), DAY_DENOMINATOR);
}

function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError("invalid_amount", `${name} must be a whole number ≥ 0`, { [name]: value });
}

/**
 * Late-payment interest per räntelagen: per day, on the principal only, from the day after
 * `start` (the original due date) up to and including `end`, actual/365 (also in leap years).
 * `principalTimeline` says the outstanding principal from each date on; its first entry also
 * covers any earlier day. Segments split where the reference rate (1 January, 1 July) or the
 * principal changes. The total is the exact sum of all segments rounded once, half up.
 */
export function accrueInterest(input: {
  principalTimeline: { from: IsoDate; principalOre: number }[];
  start: IsoDate;
  end: IsoDate;
  rates: RatePeriod[];
  marginBp: number;
}): { totalOre: number; segments: InterestSegment[] } {
  assertNonNegativeInteger(input.marginBp, "marginBp");
  for (const p of input.principalTimeline) assertNonNegativeInteger(p.principalOre, "principalOre");
  // Reference rates may be negative (they were in 2016–2019); the margin keeps the total positive.
  for (const r of input.rates) {
    if (!Number.isSafeInteger(r.referenceRateBp)) throw new DomainError("invalid_rate", "referenceRateBp must be whole basis points", { ...r });
  }
  const first = addDays(input.start, 1);
  if (input.end < first) return { totalOre: 0, segments: [] };
  const timeline = [...input.principalTimeline].sort(byFrom);
  // The segments start in order, so the principal in force is found by walking the timeline once.
  let inForce = 0;
  const principalOn = (d: IsoDate) => {
    while (inForce + 1 < timeline.length && timeline[inForce + 1]!.from <= d) inForce++;
    return timeline[inForce]?.principalOre ?? 0;
  };
  const boundaries = new Set<IsoDate>([first]);
  for (const r of input.rates) if (r.from > first && r.from <= input.end) boundaries.add(r.from);
  for (const p of timeline) if (p.from > first && p.from <= input.end) boundaries.add(p.from);
  const starts = [...boundaries].sort();
  const segments: InterestSegment[] = [];
  let numerator = 0n;
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next ? addDays(next, -1) : input.end;
    const days = daysBetween(from, to) + 1;
    const principalOre = principalOn(from);
    const annualRateBp = Math.max(0, rateOn(from, input.rates, input.marginBp));
    const part = BigInt(principalOre) * BigInt(annualRateBp) * BigInt(days);
    numerator += part;
    segments.push({ from, to, days, annualRateBp, principalOre, exactOre: Number(part) / Number(DAY_DENOMINATOR) });
  });
  return { totalOre: roundHalfUp(numerator, DAY_DENOMINATOR), segments };
}
