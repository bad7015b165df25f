import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { DomainError } from "./errors";
import { accrueInterest, dailyInterestOre, rateOn, type RatePeriod, STATUTORY_MARGIN_BP, SWEDISH_REFERENCE_RATES } from "./interest";

const rates = SWEDISH_REFERENCE_RATES;

/** Half-up rounding of a/b for non-negative big integers, written out for the oracle. */
function roundHalfUp(a: bigint, b: bigint): number {
  const q = a / b;
  return Number(2n * (a % b) >= b ? q + 1n : q);
}

describe("the reference-rate table", () => {
  it("holds the published half-year rates as data", () => {
    expect(rates.map((r) => [r.from, r.referenceRateBp])).toEqual([
      ["2023-01-01", 200],
      ["2023-07-01", 350],
      ["2024-01-01", 400],
      ["2024-07-01", 400],
      ["2025-01-01", 300],
      ["2025-07-01", 200],
      ["2026-01-01", 200],
      ["2026-07-01", 200],
    ]);
    expect(STATUTORY_MARGIN_BP).toBe(800);
  });
});

describe("rateOn", () => {
  it("is the reference rate plus the margin, changing on 1 January and 1 July", () => {
    expect(rateOn("2025-06-30", rates, STATUTORY_MARGIN_BP)).toBe(1100);
    expect(rateOn("2025-07-01", rates, STATUTORY_MARGIN_BP)).toBe(1000);
    expect(rateOn("2024-12-31", rates, STATUTORY_MARGIN_BP)).toBe(1200);
    expect(rateOn("2025-01-01", rates, STATUTORY_MARGIN_BP)).toBe(1100);
    expect(rateOn("2030-01-01", rates, STATUTORY_MARGIN_BP)).toBe(1000); // the last known rate holds
    expect(rateOn("2025-07-01", rates, 0)).toBe(200); // a contract's own margin
  });

  it("reads an unsorted table and takes the first rate for a day before it", () => {
    const shuffled: RatePeriod[] = [rates[5]!, rates[0]!, rates[3]!];
    expect(rateOn("2024-08-01", shuffled, 800)).toBe(1200);
    expect(rateOn("2022-06-01", shuffled, 800)).toBe(1000);
  });

  it("reads a table as it is now, after it has changed", () => {
    const table: RatePeriod[] = [{ from: "2025-01-01", referenceRateBp: 300 }];
    expect(rateOn("2025-08-01", table, 800)).toBe(1100);
    table.push({ from: "2025-07-01", referenceRateBp: 200 });
    expect(rateOn("2025-08-01", table, 800)).toBe(1000);
    table[1] = { from: "2025-09-01", referenceRateBp: 100 };
    expect(rateOn("2025-08-01", table, 800)).toBe(1100);
  });

  it("refuses an empty table", () => {
    expect(() => rateOn("2026-01-01", [], 800)).toThrow(expect.objectContaining({ code: "no_reference_rate" }));
  });
});

describe("dailyInterestOre", () => {
  it("is a day's interest at actual/365, rounded half up for display", () => {
    expect(dailyInterestOre(365_000, 1000)).toBe(100);
    expect(dailyInterestOre(100_000, 1000)).toBe(27); // 27.397…
    expect(dailyInterestOre(1_000_000, 1000)).toBe(274); // 273.97…
    expect(dailyInterestOre(1825, 1000)).toBe(1); // exactly 0.5 rounds up
    expect(dailyInterestOre(1824, 1000)).toBe(0);
    expect(dailyInterestOre(0, 1000)).toBe(0);
  });

  it("refuses fractions and negatives", () => {
    expect(() => dailyInterestOre(10.5, 1000)).toThrow(DomainError);
    expect(() => dailyInterestOre(-1, 1000)).toThrow(DomainError);
  });
});

describe("accrueInterest (räntelagen)", () => {
  it("accrues per day from the day after the due date up to and including the end", () => {
    // 10 000 kr at 10 % for 30 days: 1 000 000 × 0.10 × 30 / 365 = 8219.18 öre
    const r = accrueInterest({ principalTimeline: [{ from: "2025-09-01", principalOre: 1_000_000 }], start: "2025-08-31", end: "2025-09-30", rates, marginBp: 800 });
    expect(r.segments).toEqual([{ from: "2025-09-01", to: "2025-09-30", days: 30, annualRateBp: 1000, principalOre: 1_000_000, exactOre: 300_000_000 / 36_500 }]);
    expect(r.totalOre).toBe(8219);
  });

  it("is one day's interest the day after the due date, nothing on it", () => {
    const input = { principalTimeline: [{ from: "2026-01-01", principalOre: 365_000 }], start: "2026-01-10", rates, marginBp: 800 };
    expect(accrueInterest({ ...input, end: "2026-01-10" })).toEqual({ totalOre: 0, segments: [] });
    expect(accrueInterest({ ...input, end: "2026-01-09" }).totalOre).toBe(0);
    expect(accrueInterest({ ...input, end: "2026-01-11" }).totalOre).toBe(100);
  });

  it("splits at a reference-rate change and adds the two parts", () => {
    const r = accrueInterest({ principalTimeline: [{ from: "2025-06-01", principalOre: 500_000 }], start: "2025-05-31", end: "2025-07-31", rates, marginBp: 800 });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.annualRateBp])).toEqual([
      ["2025-06-01", "2025-06-30", 30, 1100],
      ["2025-07-01", "2025-07-31", 31, 1000],
    ]);
    // 500 000 × 11 % × 30/365 = 4520.548…, 500 000 × 10 % × 31/365 = 4246.575…; 8767.12 in all
    expect(r.totalOre).toBe(8767);
    expect(r.segments[0]!.exactOre + r.segments[1]!.exactOre).toBeCloseTo(8767.123, 3);
  });

  it("splits over several half-years and a year boundary", () => {
    const r = accrueInterest({ principalTimeline: [{ from: "2024-01-01", principalOre: 100_000 }], start: "2024-06-30", end: "2025-07-01", rates, marginBp: 800 });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.annualRateBp])).toEqual([
      ["2024-07-01", "2024-12-31", 184, 1200],
      ["2025-01-01", "2025-06-30", 181, 1100],
      ["2025-07-01", "2025-07-01", 1, 1000],
    ]);
    expect(r.totalOre).toBe(roundHalfUp(100_000n * (1200n * 184n + 1100n * 181n + 1000n * 1n), 3_650_000n));
  });

  it("rounds only the total: three segments of 0.4 öre make 1, not 0", () => {
    // 14,60 kr at 1000 bp: 0.4 öre a day; split into three one-day segments by principal entries.
    const r = accrueInterest({
      principalTimeline: [
        { from: "2026-01-01", principalOre: 1460 },
        { from: "2026-01-02", principalOre: 1460 },
        { from: "2026-01-03", principalOre: 1460 },
      ],
      start: "2025-12-31",
      end: "2026-01-03",
      rates,
      marginBp: 800,
    });
    expect(r.segments).toHaveLength(3);
    expect(r.segments.map((s) => Math.round(s.exactOre))).toEqual([0, 0, 0]);
    expect(r.totalOre).toBe(1);
  });

  it("counts a leap day, still dividing by 365", () => {
    const r = accrueInterest({ principalTimeline: [{ from: "2028-02-01", principalOre: 365_000 }], start: "2028-02-27", end: "2028-03-01", rates, marginBp: 800 });
    expect(r.segments[0]!.days).toBe(3); // 28 Feb, 29 Feb, 1 Mar
    expect(r.totalOre).toBe(300);
    const year = accrueInterest({ principalTimeline: [{ from: "2028-01-01", principalOre: 365_000 }], start: "2027-12-31", end: "2028-06-30", rates, marginBp: 800 });
    expect(year.segments[0]!.days).toBe(182);
  });

  it("follows the principal as it is paid down", () => {
    const r = accrueInterest({
      principalTimeline: [
        { from: "2026-01-01", principalOre: 730_000 },
        { from: "2026-01-11", principalOre: 365_000 },
      ],
      start: "2025-12-31",
      end: "2026-01-20",
      rates,
      marginBp: 800,
    });
    // 10 days on 7 300 kr and 10 days on 3 650 kr at 10 %: 2 000 + 1 000 öre
    expect(r.totalOre).toBe(3000);
    expect(r.segments.map((s) => [s.from, s.to, s.principalOre])).toEqual([
      ["2026-01-01", "2026-01-10", 730_000],
      ["2026-01-11", "2026-01-20", 365_000],
    ]);
  });

  it("stays exact for a large claim over many years", () => {
    const principal = 5_000_000_000; // 50 million kr
    const r = accrueInterest({ principalTimeline: [{ from: "2023-01-01", principalOre: principal }], start: "2022-12-31", end: "2026-12-31", rates, marginBp: 800 });
    const numerator = r.segments.reduce((s, seg) => s + BigInt(seg.principalOre) * BigInt(seg.annualRateBp) * BigInt(seg.days), 0n);
    expect(r.totalOre).toBe(roundHalfUp(numerator, 3_650_000n));
    expect(r.segments.reduce((s, seg) => s + seg.days, 0)).toBe(1461);
  });

  it("never lets a negative reference rate make interest negative", () => {
    const r = accrueInterest({ principalTimeline: [{ from: "2016-01-01", principalOre: 365_000 }], start: "2015-12-31", end: "2016-01-10", rates: [{ from: "2016-01-01", referenceRateBp: -50 }], marginBp: 0 });
    expect(r.totalOre).toBe(0);
    const withMargin = accrueInterest({ principalTimeline: [{ from: "2016-01-01", principalOre: 365_000 }], start: "2015-12-31", end: "2016-01-10", rates: [{ from: "2016-01-01", referenceRateBp: -50 }], marginBp: 800 });
    expect(withMargin.totalOre).toBe(750); // 7.5 % × 10 days
  });

  it("refuses fractions of öre", () => {
    expect(() => accrueInterest({ principalTimeline: [{ from: "2026-01-01", principalOre: 1.5 }], start: "2026-01-01", end: "2026-02-01", rates, marginBp: 800 })).toThrow(DomainError);
  });

  it("across a reference-rate change equals the two halves computed by hand", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 1, max: 180 }), fc.integer({ min: 0, max: 180 }), (principal, before, after) => {
        const change = "2025-07-01";
        const start = addDays(change, -before - 1); // first interest day is `before` days ahead of the change
        const end = addDays(change, after);
        const r = accrueInterest({ principalTimeline: [{ from: addDays(start, 1), principalOre: principal }], start, end, rates, marginBp: 800 });
        const byHand = BigInt(principal) * (1100n * BigInt(before) + 1000n * BigInt(after + 1));
        return r.totalOre === roundHalfUp(byHand, 3_650_000n) && r.segments.length === 2 && r.segments[0]!.days === before && r.segments[1]!.days === after + 1;
      }),
    );
  });
});
