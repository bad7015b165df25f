import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateByWeights, formatMoney, parseMoney } from "./money";

describe("money", () => {
  it("splits exactly, larger parts first", () => {
    expect(allocate(1000, 3)).toEqual([334, 333, 333]);
    expect(allocate(-1000, 3)).toEqual([-334, -333, -333]);
    expect(allocate(0, 2)).toEqual([0, 0]);
    expect(() => allocate(10.5, 2)).toThrow();
    expect(() => allocate(10, 0)).toThrow();
  });

  it("any split adds up to the total and differs by at most one öre", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 120 }), (total, parts) => {
        const split = allocate(total, parts);
        return split.length === parts && split.reduce((a, b) => a + b, 0) === total && Math.max(...split) - Math.min(...split) <= 1;
      }),
    );
  });

  it("splits by weights exactly", () => {
    expect(allocateByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (total, weights) =>
        allocateByWeights(total, weights).reduce((a, b) => a + b, 0) === total,
      ),
    );
  });

  it("formats like money in both languages", () => {
    expect(formatMoney(123450, "sv").replace(/\s/g, " ")).toBe("1 234,50 kr");
    expect(formatMoney(145000, "sv").replace(/\s/g, " ")).toBe("1 450 kr");
    expect(formatMoney(123450, "en")).toBe("SEK 1,234.50");
    expect(formatMoney(145000, "en")).toBe("SEK 1,450");
  });

  it("reads what people type", () => {
    expect(parseMoney("1 234,50")).toBe(123450);
    expect(parseMoney("1234.5")).toBe(123450);
    expect(parseMoney("1 234 kr")).toBe(123400);
    expect(parseMoney("1,234.50")).toBe(123450);
    expect(parseMoney("500")).toBe(50000);
    expect(parseMoney("12.345")).toBe(1234500); // Swedish thousands separator
    expect(parseMoney("SEK 20")).toBe(2000);
    for (const bad of ["", "abc", "-5", "1,234,5", "1.2.3", "5 0 0 x", "12.3456"]) expect(parseMoney(bad), bad).toBeNull();
  });
});
