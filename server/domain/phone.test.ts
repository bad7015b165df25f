import { describe, expect, it } from "vitest";
import { parseSwedishPhone, swedishPhone } from "./phone";

describe("Swedish phone numbers", () => {
  it.each([
    ["070-123 45 67", "+46701234567", "070-123 45 67"],
    ["0701234567", "+46701234567", "070-123 45 67"],
    ["+46 70 123 45 67", "+46701234567", "070-123 45 67"],
    ["+46 (0)70-123 45 67", "+46701234567", "070-123 45 67"],
    ["0046701234567", "+46701234567", "070-123 45 67"],
    ["073.123.45.67", "+46731234567", "073-123 45 67"],
    ["08-123 456 78", "+46812345678", "08-123 456 78"],
    ["031-12 34 56", "+4631123456", "031123456"],
  ])("reads %s", (input, e164, display) => {
    expect(swedishPhone(input)).toMatchObject({ e164, display });
  });

  it("knows a mobile from a landline", () => {
    expect(swedishPhone("0701234567").mobile).toBe(true);
    expect(swedishPhone("08-123 456 78").mobile).toBe(false);
  });

  it.each([
    ["", "phone_required"],
    ["   ", "phone_required"],
    ["+47 912 34 567", "phone_not_swedish"],
    ["0047 912 34 567", "phone_not_swedish"],
    ["070-123 45 6", "phone_invalid"],
    ["070-123 45 678", "phone_invalid"],
    ["701234567", "phone_invalid"],
    ["070 123 45 67 ring efter 5", "phone_invalid"],
    ["07+01234567", "phone_invalid"],
    ["0-123 45", "phone_invalid"],
    ["00 1 234 5678", "phone_not_swedish"],
    ["08-1234", "phone_invalid"],
  ])("refuses %j with %s", (input, problem) => {
    expect(parseSwedishPhone(input)).toEqual({ ok: false, problem });
    expect(() => swedishPhone(input)).toThrow(expect.objectContaining({ code: problem }));
  });
});
