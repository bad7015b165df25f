import { describe, expect, it } from "vitest";
import { isBankDay } from "./calendar";
import { debtFreeForecast } from "./forecast";

describe("debt-free forecast", () => {
  it("pays a case without interest down month by month", () => {
    const r = debtFreeForecast({ cases: [{ leftOre: 100_000, principalLeftOre: 100_000, annualRateBp: 0 }], monthlyOre: 30_000, start: "2026-11-26" });
    expect(r.months.map((m) => m.leftOre)).toEqual([70_000, 40_000, 10_000, 0]);
    expect(r.debtFreeDate).toBe("2027-02-26");
    expect(r.interestOre).toBe(0);
  });

  it("adds interest on principal and pays it first; more a month means less interest", () => {
    const cases = [{ leftOre: 1_200_000, principalLeftOre: 1_000_000, annualRateBp: 1200 }];
    const slow = debtFreeForecast({ cases, monthlyOre: 50_000, start: "2026-11-26" });
    const fast = debtFreeForecast({ cases, monthlyOre: 200_000, start: "2026-11-26" });
    expect(slow.debtFreeDate! > fast.debtFreeDate!).toBe(true);
    expect(slow.interestOre).toBeGreaterThan(fast.interestOre);
    expect(fast.months.at(-1)!.leftOre).toBe(0);
    for (const m of fast.months) {
      expect(isBankDay(m.date)).toBe(true);
      expect(Number(m.date.slice(8))).toBeGreaterThanOrEqual(26); // after payday
    }
  });

  it("says never when the amount does not cover the interest", () => {
    const r = debtFreeForecast({ cases: [{ leftOre: 10_000_000, principalLeftOre: 10_000_000, annualRateBp: 1200 }], monthlyOre: 5_000, start: "2026-11-26" });
    expect(r.debtFreeDate).toBeNull();
  });
});
