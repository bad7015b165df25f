import { describe, expect, it } from "vitest";
import { accrueInterest, dailyInterestOre, rateOn, SWEDISH_REFERENCE_RATES, STATUTORY_MARGIN_BP } from "./interest";

const rates = SWEDISH_REFERENCE_RATES;

describe("late-payment interest (räntelagen)", () => {
  it("is the reference rate plus eight points, changing by half-year", () => {
    expect(rateOn("2025-06-30", rates, STATUTORY_MARGIN_BP)).toBe(1100);
    expect(rateOn("2025-07-01", rates, STATUTORY_MARGIN_BP)).toBe(1000);
    expect(rateOn("2024-12-31", rates, STATUTORY_MARGIN_BP)).toBe(1200);
  });

  it("accrues per day from the day after the due date, on the principal only", () => {
    // 10 000 kr at 10 % for 30 days: 1 000 000 öre × 0.10 × 30 / 365 = 8219.18 öre
    const r = accrueInterest({ principalTimeline: [{ from: "2025-09-01", principalOre: 1_000_000 }], start: "2025-08-31", end: "2025-09-30", rates, marginBp: 800 });
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]!.days).toBe(30);
    expect(r.totalOre).toBe(8219);
  });

  it("splits at a reference-rate change and adds the two parts", () => {
    const input = { principalTimeline: [{ from: "2025-06-01", principalOre: 500_000 }], start: "2025-05-31", end: "2025-07-31", rates, marginBp: 800 };
    const r = accrueInterest(input);
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.annualRateBp])).toEqual([
      ["2025-06-01", "2025-06-30", 30, 1100],
      ["2025-07-01", "2025-07-31", 31, 1000],
    ]);
    const byHand = (500_000 * 0.11 * 30) / 365 + (500_000 * 0.1 * 31) / 365;
    expect(r.totalOre).toBe(Math.round(byHand));
  });

  it("counts a leap day", () => {
    const r = accrueInterest({ principalTimeline: [{ from: "2028-02-01", principalOre: 365_000 }], start: "2028-02-27", end: "2028-03-01", rates, marginBp: 800 });
    expect(r.segments[0]!.days).toBe(3); // 28 Feb, 29 Feb, 1 Mar
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
    // 10 days on 7 300 kr and 10 days on 3 650 kr at 10 %
    expect(r.totalOre).toBe(Math.round((730_000 * 0.1 * 10) / 365 + (365_000 * 0.1 * 10) / 365));
  });

  it("is nothing before it starts", () => {
    expect(accrueInterest({ principalTimeline: [{ from: "2026-01-01", principalOre: 1000 }], start: "2026-01-10", end: "2026-01-10", rates, marginBp: 800 }).totalOre).toBe(0);
    expect(dailyInterestOre(365_000, 1000)).toBeCloseTo(100, 10);
  });
});
