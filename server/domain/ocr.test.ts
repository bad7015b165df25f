import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidOcr, luhnCheckDigit, makeOcr } from "./ocr";

describe("OCR references", () => {
  it("computes the Luhn digit", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(luhnCheckDigit("12345")).toBe(5);
  });

  it("makes and checks references with and without a length digit", () => {
    expect(makeOcr("12345")).toBe("123455");
    expect(isValidOcr("123455")).toBe(true);
    const withLength = makeOcr("12345", { withLength: true });
    expect(withLength).toHaveLength(7);
    expect(withLength.at(-2)).toBe("7");
    expect(isValidOcr(withLength, { withLength: true })).toBe(true);
    expect(isValidOcr("123455", { withLength: true })).toBe(false);
  });

  it("refuses a bad check digit, letters and bad lengths", () => {
    expect(isValidOcr("123456")).toBe(false);
    expect(isValidOcr("12a455")).toBe(false);
    expect(isValidOcr("1")).toBe(false);
    expect(() => makeOcr("1".repeat(25))).toThrow();
    expect(isValidOcr("6559 69")).toBe(isValidOcr("655969"));
  });

  it("a single changed digit is always caught", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3,20}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const ref = makeOcr(base, { withLength: true });
        const i = pos % ref.length;
        const changed = ref.slice(0, i) + String((Number(ref[i]) + delta) % 10) + ref.slice(i + 1);
        return isValidOcr(ref, { withLength: true }) && !isValidOcr(changed, { withLength: true });
      }),
    );
  });
});
