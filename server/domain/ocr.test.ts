import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { isValidOcr, luhnCheckDigit, makeOcr } from "./ocr";

describe("luhnCheckDigit", () => {
  it("computes the modulus-10 digit", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3); // the textbook example
    expect(luhnCheckDigit("12345")).toBe(5);
    expect(luhnCheckDigit("0")).toBe(0);
    expect(luhnCheckDigit("9")).toBe(1);
    expect(luhnCheckDigit("121212121")).toBe(2); // Tolvan's personnummer, 121212-1212
  });

  it("refuses what is not digits", () => {
    expect(() => luhnCheckDigit("")).toThrow(DomainError);
    expect(() => luhnCheckDigit("12a")).toThrow(expect.objectContaining({ code: "invalid_digits" }));
    expect(() => luhnCheckDigit("1 2")).toThrow(DomainError);
  });
});

describe("makeOcr", () => {
  it("appends the Luhn digit", () => {
    expect(makeOcr("12345")).toBe("123455");
    expect(makeOcr("1")).toBe("18");
  });

  it("appends the length digit (total length mod 10) before the Luhn digit", () => {
    const ref = makeOcr("12345", { withLength: true });
    expect(ref).toBe(`123457${luhnCheckDigit("123457")}`);
    expect(ref).toHaveLength(7);
    const long = makeOcr("12345678", { withLength: true });
    expect(long).toHaveLength(10);
    expect(long.at(-2)).toBe("0");
    expect(() => makeOcr("", { withLength: true })).toThrow(expect.objectContaining({ code: "invalid_ocr" })); // the base needs a digit
  });

  it("keeps to 2–25 digits", () => {
    expect(makeOcr("1".repeat(24))).toHaveLength(25);
    expect(() => makeOcr("1".repeat(25))).toThrow(expect.objectContaining({ code: "invalid_ocr" }));
    expect(makeOcr("1".repeat(23), { withLength: true })).toHaveLength(25);
    expect(() => makeOcr("1".repeat(24), { withLength: true })).toThrow(expect.objectContaining({ code: "invalid_ocr" }));
    expect(() => makeOcr("")).toThrow(expect.objectContaining({ code: "invalid_ocr" }));
    expect(() => makeOcr("12-3")).toThrow(expect.objectContaining({ code: "invalid_ocr" }));
  });
});

describe("isValidOcr", () => {
  it("checks the Luhn digit and, when asked, the length digit", () => {
    expect(isValidOcr("123455")).toBe(true);
    expect(isValidOcr("123456")).toBe(false); // bad check digit
    const withLength = makeOcr("12345", { withLength: true });
    expect(isValidOcr(withLength, { withLength: true })).toBe(true);
    expect(isValidOcr(withLength)).toBe(true); // the length digit is just a digit without the option
    expect(isValidOcr("123455", { withLength: true })).toBe(false);
  });

  it("ignores spaces and refuses letters and bad lengths", () => {
    expect(isValidOcr(" 1234 55 ")).toBe(true);
    expect(isValidOcr("12a455")).toBe(false);
    expect(isValidOcr("1")).toBe(false);
    expect(isValidOcr("")).toBe(false);
    expect(isValidOcr(makeOcr("1".repeat(24)))).toBe(true);
    expect(isValidOcr(`${makeOcr("1".repeat(24))}0`)).toBe(false); // 26 digits
  });

  it("accepts everything makeOcr makes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,23}$/), fc.boolean(), (base, withLength) => isValidOcr(makeOcr(base, { withLength }), { withLength })),
    );
  });

  it("catches any single changed digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3,20}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const ref = makeOcr(base, { withLength: true });
        const i = pos % ref.length;
        const changed = ref.slice(0, i) + String((Number(ref[i]) + delta) % 10) + ref.slice(i + 1);
        return !isValidOcr(changed, { withLength: true }) && !isValidOcr(changed);
      }),
    );
  });

  it("catches a dropped digit when the length digit is used", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3,20}$/), fc.nat(), (base, pos) => {
        const ref = makeOcr(base, { withLength: true });
        // Any digit of the number itself (the length and check digits are the ones doing the catching).
        const i = pos % (ref.length - 2);
        return !isValidOcr(ref.slice(0, i) + ref.slice(i + 1), { withLength: true });
      }),
    );
  });
});
