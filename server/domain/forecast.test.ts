import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBankDay, paydayDueDate } from "./calendar";
import { DomainError } from "./errors";
import { debtFreeForecast, interestAvoided, MAX_FORECAST_MONTHS } from "./forecast";

describe("debtFreeForecast", () => {
  it("pays a case without interest down month by month, on the payday-aware date", () => {
    const r = debtFreeForecast({ cases: [{ leftOre: 100_000, principalLeftOre: 100_000, annualRateBp: 0 }], monthlyOre: 30_000, start: "2026-11-26" });
    expect(r.months).toEqual([
      { date: "2026-11-26", leftOre: 70_000 },
      { date: "2026-12-28", leftOre: 40_000 }, // 26 Dec Boxing Day, 27 a Sunday
      { date: "2027-01-26", leftOre: 10_000 },
      { date: "2027-02-26", leftOre: 0 },
    ]);
    expect(r.debtFreeDate).toBe("2027-02-26");
    expect(r.interestOre).toBe(0);
  });

  it("starts at the first payday-aware date on or after start", () => {
    const r = debtFreeForecast({ cases: [{ leftOre: 50_000, principalLeftOre: 50_000, annualRateBp: 0 }], monthlyOre: 30_000, start: "2026-09-29" });
    expect(r.months.map((m) => m.date)).toEqual(["2026-10-26", "2026-11-26"]);
    expect(r.months[0]!.date).toBe(paydayDueDate("2026-09-29"));
  });

  it("adds a month's interest on principal only, and the payment covers it first", () => {
    // 12 000 kr principal at 12 %: 120 kr a month. 2 000 kr of fees and interest already due.
    const r = debtFreeForecast({ cases: [{ leftOre: 1_400_000, principalLeftOre: 1_200_000, annualRateBp: 1200 }], monthlyOre: 500_000, start: "2026-11-26" });
    // Month 1: +12 000 interest; pays 212 000 other, 288 000 principal → 912 000 left
    // Month 2: +9 120; pays 9 120, 490 880 principal → 421 120 left
    // Month 3: +4 211; 425 331 settled in full
    expect(r.months.map((m) => m.leftOre)).toEqual([912_000, 421_120, 0]);
    expect(r.interestOre).toBe(12_000 + 9_120 + 4_211);
    expect(r.debtFreeDate).toBe("2027-01-26");
  });

  it("pays several cases: interest and fees of all first, then principal in the order given", () => {
    const r = debtFreeForecast({
      cases: [
        { leftOre: 10_000, principalLeftOre: 10_000, annualRateBp: 0 },
        { leftOre: 20_000, principalLeftOre: 15_000, annualRateBp: 0 },
      ],
      monthlyOre: 12_000,
      start: "2026-11-26",
    });
    // Month 1: 5 000 fees of case 2, then 7 000 principal of case 1.
    expect(r.months.map((m) => m.leftOre)).toEqual([18_000, 6_000, 0]);
  });

  it("more a month means an earlier date and less interest", () => {
    const cases = [{ leftOre: 1_200_000, principalLeftOre: 1_000_000, annualRateBp: 1200 }];
    const slow = debtFreeForecast({ cases, monthlyOre: 50_000, start: "2026-11-26" });
    const fast = debtFreeForecast({ cases, monthlyOre: 200_000, start: "2026-11-26" });
    expect(slow.debtFreeDate! > fast.debtFreeDate!).toBe(true);
    expect(slow.interestOre).toBeGreaterThan(fast.interestOre);
    expect(fast.months.at(-1)!.leftOre).toBe(0);
    for (const m of [...fast.months, ...slow.months]) {
      expect(isBankDay(m.date)).toBe(true);
      expect(Number(m.date.slice(8))).toBeGreaterThanOrEqual(26); // after payday
    }
  });

  it("says never when the amount does not cover the interest", () => {
    // 100 000 kr at 12 %: 1 000 kr interest a month.
    const cases = [{ leftOre: 10_000_000, principalLeftOre: 10_000_000, annualRateBp: 1200 }];
    expect(debtFreeForecast({ cases, monthlyOre: 5_000, start: "2026-11-26" })).toEqual({ months: [], debtFreeDate: null, interestOre: 0 });
    expect(debtFreeForecast({ cases, monthlyOre: 100_000, start: "2026-11-26" }).debtFreeDate).toBeNull(); // exactly the interest
    expect(debtFreeForecast({ cases, monthlyOre: 100_001, start: "2026-11-26" }).debtFreeDate).toBeNull(); // would take centuries
    expect(debtFreeForecast({ cases: [{ leftOre: 100, principalLeftOre: 100, annualRateBp: 0 }], monthlyOre: 0, start: "2026-11-26" }).debtFreeDate).toBeNull();
  });

  it("stops at 600 months", () => {
    const r = debtFreeForecast({ cases: [{ leftOre: 59_900, principalLeftOre: 59_900, annualRateBp: 0 }], monthlyOre: 100, start: "2026-11-26" });
    expect(r.months).toHaveLength(599);
    expect(debtFreeForecast({ cases: [{ leftOre: 60_000, principalLeftOre: 60_000, annualRateBp: 0 }], monthlyOre: 100, start: "2026-11-26" }).months).toHaveLength(MAX_FORECAST_MONTHS);
    expect(debtFreeForecast({ cases: [{ leftOre: 60_001, principalLeftOre: 60_001, annualRateBp: 0 }], monthlyOre: 100, start: "2026-11-26" }).debtFreeDate).toBeNull();
  });

  it("is free already when nothing is owed", () => {
    expect(debtFreeForecast({ cases: [], monthlyOre: 10_000, start: "2026-11-22" })).toEqual({ months: [], debtFreeDate: "2026-11-22", interestOre: 0 });
    expect(debtFreeForecast({ cases: [{ leftOre: 0, principalLeftOre: 0, annualRateBp: 1000 }], monthlyOre: 0, start: "2026-11-22" }).debtFreeDate).toBe("2026-11-22");
  });

  it("compares with paying only the minimum", () => {
    const cases = [{ leftOre: 1_200_000, principalLeftOre: 1_000_000, annualRateBp: 1200 }];
    const r = debtFreeForecast({ cases, monthlyOre: 200_000, start: "2026-11-26", minimumMonthlyOre: 50_000 });
    expect(r.interestIfMinimumOre).toBe(debtFreeForecast({ cases, monthlyOre: 50_000, start: "2026-11-26" }).interestOre);
    expect(r.interestIfMinimumOre).toBeGreaterThan(r.interestOre);
    expect(debtFreeForecast({ cases, monthlyOre: 200_000, start: "2026-11-26", minimumMonthlyOre: 1000 }).interestIfMinimumOre).toBeUndefined();
  });

  it("refuses fractions of öre and principal greater than the whole", () => {
    expect(() => debtFreeForecast({ cases: [], monthlyOre: 10.5, start: "2026-11-26" })).toThrow(DomainError);
    expect(() => debtFreeForecast({ cases: [{ leftOre: 100, principalLeftOre: 200, annualRateBp: 0 }], monthlyOre: 100, start: "2026-11-26" })).toThrow(
      expect.objectContaining({ code: "invalid_amount" }),
    );
  });

  it("always ends at zero, falling every month, when it ends", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ principal: fc.integer({ min: 0, max: 5_000_000 }), other: fc.integer({ min: 0, max: 100_000 }), rate: fc.integer({ min: 0, max: 2000 }) }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3000 }),
        (specs, monthlyOre, offset) => {
          const cases = specs.map((s) => ({ leftOre: s.principal + s.other, principalLeftOre: s.principal, annualRateBp: s.rate }));
          const start = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const r = debtFreeForecast({ cases, monthlyOre, start });
          if (r.debtFreeDate === null) return r.months.length === 0;
          const total = cases.reduce((s, c) => s + c.leftOre, 0);
          if (total === 0) return r.debtFreeDate === start;
          const left = r.months.map((m) => m.leftOre);
          const paid = monthlyOre * left.length;
          return (
            left.at(-1) === 0 &&
            left.every((v, i) => i === 0 || v < left[i - 1]!) &&
            r.months.every((m, i) => i === 0 || m.date > r.months[i - 1]!.date) &&
            // Everything paid is the debt plus the interest, less what the last payment did not need.
            total + r.interestOre <= paid &&
            paid - (total + r.interestOre) < monthlyOre
          );
        },
      ),
    );
  });
});

describe("interestAvoided", () => {
  const cases = [{ leftOre: 1_200_000, principalLeftOre: 1_000_000, annualRateBp: 1200 }];

  it("is the interest saved by paying more than the baseline", () => {
    const r = interestAvoided({ cases, monthlyOre: 200_000, baselineMonthlyOre: 50_000, start: "2026-11-26" });
    const chosen = debtFreeForecast({ cases, monthlyOre: 200_000, start: "2026-11-26" }).interestOre;
    const baseline = debtFreeForecast({ cases, monthlyOre: 50_000, start: "2026-11-26" }).interestOre;
    expect(r).toEqual({ interestOre: chosen, baselineInterestOre: baseline, avoidedOre: baseline - chosen });
    expect(r.avoidedOre).toBeGreaterThan(0);
  });

  it("is never negative, and unknown when either amount never clears the debt", () => {
    expect(interestAvoided({ cases, monthlyOre: 50_000, baselineMonthlyOre: 200_000, start: "2026-11-26" }).avoidedOre).toBe(0);
    expect(interestAvoided({ cases, monthlyOre: 200_000, baselineMonthlyOre: 5_000, start: "2026-11-26" })).toMatchObject({ baselineInterestOre: null, avoidedOre: null });
    expect(interestAvoided({ cases, monthlyOre: 5_000, baselineMonthlyOre: 200_000, start: "2026-11-26" })).toMatchObject({ interestOre: null, avoidedOre: null });
  });
});
