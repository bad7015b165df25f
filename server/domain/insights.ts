import { daysBetween, type IsoDate } from "./calendar";

/** Below this many cases a share is not shown: it would say more about chance than about people. */
export const MIN_N = 20;

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for k successes out of n (Wilson 1927; Newcombe 1998, method 3). Unlike
 * the plain ±1.96·SE interval it stays inside 0–1 and behaves at 0 % and 100 %.
 */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0 || k < 0 || k > n) throw new RangeError(`k and n must be whole numbers with 0 ≤ k ≤ n (k=${k}, n=${n})`);
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}

export interface Rate extends Interval {
  k: number;
  n: number;
  rate: number;
  /** n < MIN_N: show "too few", not the share. */
  tooFew: boolean;
}

/** A share with its count and 95 % Wilson interval. */
export function rate(k: number, n: number): Rate {
  const { low, high } = wilson(k, n);
  return { k, n, rate: n === 0 ? 0 : k / n, low, high, tooFew: n < MIN_N };
}

export interface Difference extends Interval {
  /** p2 − p1: how much higher the second share is than the first. */
  difference: number;
  tooFew: boolean;
}

/**
 * The difference of two independent shares (p2 − p1) with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10), built from each share's Wilson interval.
 */
export function differenceOfProportions(k1: number, n1: number, k2: number, n2: number): Difference {
  const a = wilson(k1, n1);
  const b = wilson(k2, n2);
  const p1 = n1 === 0 ? 0 : k1 / n1;
  const p2 = n2 === 0 ? 0 : k2 / n2;
  const d = p2 - p1;
  return {
    difference: d,
    low: d - Math.sqrt((p2 - b.low) ** 2 + (a.high - p1) ** 2),
    high: d + Math.sqrt((b.high - p2) ** 2 + (p1 - a.low) ** 2),
    tooFew: n1 < MIN_N || n2 < MIN_N,
  };
}

/** What a difference says, in the words the page uses. */
export type Verdict = "too_few" | "not_yet" | "first_higher" | "second_higher";

export function verdict(d: Difference): Verdict {
  if (d.tooFew) return "too_few";
  if (d.low > 0) return "second_higher";
  if (d.high < 0) return "first_higher";
  return "not_yet";
}

export interface Mean extends Interval {
  n: number;
  mean: number;
  tooFew: boolean;
}

/** A mean from a count, a sum and a sum of squares, with a normal-approximation 95 % interval. */
export function meanOf(n: number, sum: number, squares: number): Mean {
  if (n === 0) return { n, mean: 0, low: 0, high: 0, tooFew: true };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  const half = Z95 * Math.sqrt(variance / n);
  return { n, mean, low: Math.max(0, mean - half), high: mean + half, tooFew: n < MIN_N };
}

export const AGE_BANDS = ["18-25", "26-40", "41-65", "66+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years of age on a day. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The age band of a person on a day (anyone under 26, including the few under 18, is 18–25). */
export function ageBand(birthDate: IsoDate, on: IsoDate): AgeBand {
  const age = ageOn(birthDate, on);
  return age <= 25 ? "18-25" : age <= 40 ? "26-40" : age <= 65 ? "41-65" : "66+";
}

export const DUE_GROUPS = ["before", "on", "after"] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

/** A due date against payday, the 25th: before, on or after it in its month. */
export function dueGroup(dueDate: IsoDate): DueGroup {
  const day = Number(dueDate.slice(8, 10));
  return day < 25 ? "before" : day === 25 ? "on" : "after";
}

export const WINDOWS = [5, 14, 30] as const;
export type Window = (typeof WINDOWS)[number];

/**
 * Whether a case counts as paid within a window: it is counted only once the window has passed
 * (a letter sent yesterday cannot yet be "unpaid within 14 days"), and then as paid when it was
 * paid in full or put in a plan within that many days of the first letter.
 */
export function withinWindow(letterOn: IsoDate, settledOn: IsoDate | null, today: IsoDate, days: number): { eligible: boolean; paid: boolean } {
  const eligible = daysBetween(letterOn, today) >= days;
  return { eligible, paid: eligible && settledOn !== null && daysBetween(letterOn, settledOn) <= days };
}
