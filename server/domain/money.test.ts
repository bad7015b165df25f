import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { allocate, allocateByWeights, formatMoney, formatMoneyShort, kronor, parseMoney } from "./money";

/** Intl separates with no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("kronor", () => {
  it("turns kronor into öre without float noise", () => {
    expect(kronor(1234.5)).toBe(123450);
    expect(kronor(0)).toBe(0);
    expect(kronor(-0)).toBe(0);
    expect(kronor(1.005)).toBe(101);
    expect(kronor(0.1 + 0.2)).toBe(30);
    expect(kronor(-12.34)).toBe(-1234);
  });

  it("refuses what is not a finite amount", () => {
    expect(() => kronor(Number.NaN)).toThrow(DomainError);
    expect(() => kronor(Infinity)).toThrow(DomainError);
    expect(() => kronor(1e15)).toThrow(DomainError);
  });
});

describe("allocate", () => {
  it("splits exactly, larger parts first", () => {
    expect(allocate(1000, 3)).toEqual([334, 333, 333]);
    expect(allocate(1001, 3)).toEqual([334, 334, 333]);
    expect(allocate(-1000, 3)).toEqual([-334, -333, -333]);
    expect(allocate(0, 2)).toEqual([0, 0]);
    expect(allocate(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(allocate(-2, 3)).toEqual([-1, -1, 0]);
    expect(allocate(17, 1)).toEqual([17]);
    expect(Object.is(allocate(-1, 2)[1], 0)).toBe(true); // never −0
  });

  it("refuses fractions of öre and fewer than one part", () => {
    expect(() => allocate(10.5, 2)).toThrow(expect.objectContaining({ code: "invalid_amount" }));
    expect(() => allocate(10, 0)).toThrow(expect.objectContaining({ code: "invalid_parts" }));
    expect(() => allocate(10, 1.5)).toThrow(expect.objectContaining({ code: "invalid_parts" }));
    expect(() => allocate(Number.MAX_SAFE_INTEGER + 1, 2)).toThrow(DomainError);
  });

  it("any split adds up to the total, differs by at most one öre, larger first", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 120 }), (total, parts) => {
        const split = allocate(total, parts);
        const abs = split.map(Math.abs);
        return (
          split.length === parts &&
          sumOf(split) === total &&
          Math.max(...split) - Math.min(...split) <= 1 &&
          abs.every((v, i) => i === 0 || v <= abs[i - 1]!)
        );
      }),
    );
  });
});

describe("allocateByWeights", () => {
  it("splits by weights with the largest remainder", () => {
    expect(allocateByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateByWeights(100, [1, 2])).toEqual([33, 67]);
    expect(allocateByWeights(10, [0, 1, 0])).toEqual([0, 10, 0]);
    expect(allocateByWeights(-100, [1, 2])).toEqual([-33, -67]);
    expect(allocateByWeights(5, [0, 0])).toEqual([3, 2]); // all zero: even split
    expect(allocateByWeights(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
    expect(allocateByWeights(0, [3, 7])).toEqual([0, 0]);
  });

  it("is exact with amounts and weights where floats would drift", () => {
    const total = 9_007_199_254_740_991;
    const split = allocateByWeights(total, [1, 1, 1]);
    expect(split).toEqual([3_002_399_751_580_331, 3_002_399_751_580_330, 3_002_399_751_580_330]);
    expect(sumOf(split)).toBe(total);
  });

  it("refuses no weights, negative or non-finite ones", () => {
    expect(() => allocateByWeights(100, [])).toThrow(expect.objectContaining({ code: "invalid_weights" }));
    expect(() => allocateByWeights(100, [1, -1])).toThrow(expect.objectContaining({ code: "invalid_weights" }));
    expect(() => allocateByWeights(100, [1, Number.NaN])).toThrow(expect.objectContaining({ code: "invalid_weights" }));
    expect(() => allocateByWeights(1.5, [1])).toThrow(expect.objectContaining({ code: "invalid_amount" }));
  });

  it("always adds up, and each share is within one öre of its exact proportion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const split = allocateByWeights(total, weights);
          const sum = BigInt(sumOf(weights));
          // |share − total·w/sum| < 1  ⇔  |share·sum − total·w| < sum
          const close = split.every((share, i) => {
            const diff = BigInt(share) * sum - BigInt(total) * BigInt(weights[i]!);
            return (diff < 0n ? -diff : diff) < sum;
          });
          return split.length === weights.length && sumOf(split) === total && close;
        },
      ),
    );
  });

  it("adds up with fractional weights too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const split = allocateByWeights(total, weights);
          return sumOf(split) === total && split.every((v) => v >= 0);
        },
      ),
    );
  });
});

describe("formatMoney", () => {
  it("always shows two decimals, as Intl writes sv-SE and en-GB", () => {
    expect(plain(formatMoney(123450, "sv"))).toBe("1 234,50 kr");
    expect(plain(formatMoney(145000, "sv"))).toBe("1 450,00 kr");
    expect(plain(formatMoney(5, "sv"))).toBe("0,05 kr");
    expect(plain(formatMoney(0, "sv"))).toBe("0,00 kr");
    expect(plain(formatMoney(-123450, "sv"))).toBe("−1 234,50 kr"); // U+2212
    expect(plain(formatMoney(123450, "en"))).toBe("SEK 1,234.50");
    expect(plain(formatMoney(145000, "en"))).toBe("SEK 1,450.00");
    expect(plain(formatMoney(-50, "en"))).toBe("-SEK 0.50");
  });

  it("separates with a no-break space, so an amount never wraps", () => {
    expect(formatMoney(123450, "sv")).toBe("1\u00a0234,50\u00a0kr");
    expect(formatMoney(123450, "en")).toBe("SEK\u00a01,234.50");
  });

  it("is exact up to the largest safe amount", () => {
    expect(plain(formatMoney(Number.MAX_SAFE_INTEGER, "sv"))).toBe("90 071 992 547 409,91 kr");
    expect(() => formatMoney(1.5, "sv")).toThrow(DomainError);
  });

  it("drops ,00 only in the short form", () => {
    expect(plain(formatMoneyShort(145000, "sv"))).toBe("1 450 kr");
    expect(plain(formatMoneyShort(145050, "sv"))).toBe("1 450,50 kr");
    expect(plain(formatMoneyShort(18000, "sv"))).toBe("180 kr");
    expect(plain(formatMoneyShort(-100, "sv"))).toBe("−1 kr");
    expect(plain(formatMoneyShort(145000, "en"))).toBe("SEK 1,450");
    expect(plain(formatMoneyShort(145001, "en"))).toBe("SEK 1,450.01");
    expect(plain(formatMoneyShort(0, "en"))).toBe("SEK 0");
  });
});

describe("parseMoney", () => {
  it("reads what people type", () => {
    expect(parseMoney("1 234,50")).toBe(123450);
    expect(parseMoney("1234.5")).toBe(123450);
    expect(parseMoney("1 234 kr")).toBe(123400);
    expect(parseMoney("1234")).toBe(123400);
    expect(parseMoney("  500  ")).toBe(50000);
    expect(parseMoney("0,5")).toBe(50);
    expect(parseMoney("1,234.50")).toBe(123450);
    expect(parseMoney("1.234,50")).toBe(123450);
    expect(parseMoney("1,234,567")).toBe(123456700);
    expect(parseMoney("1.234.567,89")).toBe(123456789);
    expect(parseMoney("SEK 20")).toBe(2000);
    expect(parseMoney("SEK 1,234")).toBe(123400);
    expect(parseMoney("500:-")).toBe(50000);
    expect(parseMoney("1\u00a0234,50\u00a0kr")).toBe(123450);
    expect(parseMoney("1\u202f234 KR")).toBe(123400);
    expect(parseMoney("0")).toBe(0);
  });

  it("refuses garbage, negatives, more than two decimals and the ambiguous 1,234", () => {
    for (const bad of ["", " ", "abc", "kr", "-5", "−5", "+5", "1,234,5", "1.2.3", "5 0 0 x", "12.3456", "1,234", "12.345", "1,005", "1.", ",5,", "1e3", "0x10", "Infinity", "12345678901234"]) {
      expect(parseMoney(bad), bad).toBeNull();
    }
  });

  it("reads back whatever formatMoney and formatMoneyShort write", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), fc.constantFrom("sv" as const, "en" as const), (ore, locale) => {
        return parseMoney(formatMoney(ore, locale)) === ore && parseMoney(formatMoneyShort(ore, locale)) === ore;
      }),
    );
  });
});
