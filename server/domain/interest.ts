import { addDays, daysBetween, type IsoDate } from "./calendar";

/** Riksbanken's reference rate from a date (1 January and 1 July), in basis points. */
export interface RatePeriod {
  from: IsoDate;
  referenceRateBp: number;
}

/**
 * Reference rates as found in public sources; the database holds the table used at run time.
 * The rate from 2026-07-01 is assumed unchanged until it is published.
 */
export const SWEDISH_REFERENCE_RATES: RatePeriod[] = [
  { from: "2023-01-01", referenceRateBp: 200 },
  { from: "2023-07-01", referenceRateBp: 350 },
  { from: "2024-01-01", referenceRateBp: 400 },
  { from: "2024-07-01", referenceRateBp: 400 },
  { from: "2025-01-01", referenceRateBp: 300 },
  { from: "2025-07-01", referenceRateBp: 200 },
  { from: "2026-01-01", referenceRateBp: 200 },
  { from: "2026-07-01", referenceRateBp: 200 },
];

/** Räntelagen 6 §: reference rate plus eight percentage points. */
export const STATUTORY_MARGIN_BP = 800;

/** The yearly late-payment rate on a day: the reference rate in force plus the margin. */
export function rateOn(date: IsoDate, rates: RatePeriod[], marginBp: number): number {
  const sorted = [...rates].sort((a, b) => (a.from < b.from ? -1 : 1));
  const reference = sorted.filter((r) => r.from <= date).at(-1)?.referenceRateBp ?? sorted[0]?.referenceRateBp ?? 0;
  return reference + marginBp;
}

export interface InterestSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  annualRateBp: number;
  principalOre: number;
  /** Unrounded interest of the segment, in öre. */
  exactOre: number;
}

/** Interest for one day on a principal at a yearly rate, unrounded (actual/365). */
export function dailyInterestOre(principalOre: number, annualRateBp: number): number {
  return (principalOre * annualRateBp) / 10000 / 365;
}

/**
 * Late-payment interest per räntelagen: per day, on the principal only, from the day after
 * `start` (the original due date) up to and including `end`. Segments split where the rate or the
 * outstanding principal changes; only the total is rounded (half up).
 */
export function accrueInterest(input: {
  principalTimeline: { from: IsoDate; principalOre: number }[];
  start: IsoDate;
  end: IsoDate;
  rates: RatePeriod[];
  marginBp: number;
}): { totalOre: number; segments: InterestSegment[] } {
  const first = addDays(input.start, 1);
  if (input.end < first) return { totalOre: 0, segments: [] };
  const timeline = [...input.principalTimeline].sort((a, b) => (a.from < b.from ? -1 : 1));
  const principalOn = (d: IsoDate) => timeline.filter((p) => p.from <= d).at(-1)?.principalOre ?? timeline[0]?.principalOre ?? 0;
  const boundaries = new Set<IsoDate>([first]);
  for (const r of input.rates) if (r.from > first && r.from <= input.end) boundaries.add(r.from);
  for (const p of timeline) if (p.from > first && p.from <= input.end) boundaries.add(p.from);
  const starts = [...boundaries].sort();
  const segments: InterestSegment[] = [];
  let total = 0;
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next ? addDays(next, -1) : input.end;
    const days = daysBetween(from, to) + 1;
    const principalOre = principalOn(from);
    const annualRateBp = rateOn(from, input.rates, input.marginBp);
    const exactOre = (principalOre * annualRateBp * days) / 10000 / 365;
    total += exactOre;
    segments.push({ from, to, days, annualRateBp, principalOre, exactOre });
  });
  return { totalOre: Math.floor(total + 0.5 + 1e-9), segments };
}
