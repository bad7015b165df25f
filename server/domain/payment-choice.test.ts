import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MINIMUM_PART_PAYMENT_ORE, paymentLimits, splitOverCases } from "./payment-choice";

const caseArb = fc.record({
  id: fc.uuid(),
  leftOre: fc.integer({ min: 0, max: 5_000_000 }),
  dueDate: fc.date({ min: new Date("2025-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
});

describe("paying several cases at once", () => {
  it("splits any allowed amount exactly, earliest due first, never beyond a case's balance", () => {
    fc.assert(
      fc.property(fc.uniqueArray(caseArb, { minLength: 1, maxLength: 6, selector: (c) => c.id }), fc.double({ min: 0, max: 1, noNaN: true }), (cases, share) => {
        const { minOre, maxOre } = paymentLimits(cases);
        fc.pre(maxOre > 0);
        const amount = Math.max(minOre, Math.round(maxOre * share));
        const targets = splitOverCases(cases, amount);
        expect(targets.reduce((s, t) => s + t.amountOre, 0)).toBe(amount);
        for (const t of targets) {
          const c = cases.find((x) => x.id === t.caseId)!;
          expect(t.amountOre).toBeGreaterThan(0);
          expect(t.amountOre).toBeLessThanOrEqual(c.leftOre);
        }
        // Every case before the last one paid is paid in full.
        for (const t of targets.slice(0, -1)) expect(t.amountOre).toBe(cases.find((x) => x.id === t.caseId)!.leftOre);
      }),
    );
  });

  it("refuses less than the minimum, more than is owed, and paying nothing", () => {
    const cases = [{ id: "a", leftOre: 50_000, dueDate: "2026-12-01" }];
    expect(() => splitOverCases(cases, MINIMUM_PART_PAYMENT_ORE - 1)).toThrow(expect.objectContaining({ code: "amount_below_minimum" }));
    expect(() => splitOverCases(cases, 50_001)).toThrow(expect.objectContaining({ code: "amount_above_balance" }));
    expect(() => splitOverCases([{ ...cases[0]!, leftOre: 0 }], 100)).toThrow(expect.objectContaining({ code: "nothing_to_pay" }));
    // Less than the minimum left: that is the minimum.
    expect(splitOverCases([{ id: "b", leftOre: 4_000, dueDate: "2026-12-01" }], 4_000)).toEqual([{ caseId: "b", amountOre: 4_000 }]);
  });
});
