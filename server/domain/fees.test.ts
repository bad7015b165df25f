import { describe, expect, it } from "vitest";
import { checkFee, FEE_KINDS, FEE_RULES, LATE_PAYMENT_COMPENSATION_ORE } from "./fees";

const ctx = { consumer: true, reminderAgreed: true, existingCharges: [] as { kind: string }[] };
const code = (c: string) => expect.objectContaining({ code: c });

describe("fee rules as data", () => {
  it("has the legal caps", () => {
    expect(FEE_RULES.reminder_fee.capOre).toBe(6000);
    expect(FEE_RULES.collection_fee.capOre).toBe(18000);
    expect(FEE_RULES.plan_fee.capOre).toBe(17000);
    expect(FEE_RULES.payment_order_application_fee.capOre).toBe(30000);
    expect(FEE_RULES.payment_order_legal_fee.capOre).toBe(38000);
    expect(LATE_PAYMENT_COMPENSATION_ORE).toBe(45000);
  });

  it("names the rule behind each fee and the sentence that explains it", () => {
    expect(FEE_KINDS).toEqual(["reminder_fee", "collection_fee", "plan_fee", "payment_order_application_fee", "payment_order_legal_fee"]);
    for (const kind of FEE_KINDS) {
      expect(FEE_RULES[kind].legalBasis, kind).toMatch(/^(lag|förordning) \(\d{4}:\d+\)/);
      expect(FEE_RULES[kind].legalBasis, kind).toMatch(/§/);
      expect(FEE_RULES[kind].messageKey, kind).toBe(`case.why.${kind}`);
    }
    expect(FEE_RULES.reminder_fee.legalBasis).toContain("lag (1981:739)");
    expect(FEE_RULES.collection_fee.legalBasis).toContain("lag (1981:739)");
    expect(FEE_RULES.plan_fee.legalBasis).toContain("lag (1981:739)");
  });
});

describe("checkFee", () => {
  it("allows each fee up to its cap", () => {
    for (const kind of FEE_KINDS) {
      expect(() => checkFee(kind, FEE_RULES[kind].capOre, ctx), kind).not.toThrow();
      expect(() => checkFee(kind, 1, ctx), kind).not.toThrow();
    }
  });

  it("refuses a fee over its cap, and says the cap", () => {
    for (const kind of FEE_KINDS) {
      expect(() => checkFee(kind, FEE_RULES[kind].capOre + 1, ctx), kind).toThrow(code("fee_over_cap"));
    }
    expect(() => checkFee("collection_fee", 20000, ctx)).toThrow(
      expect.objectContaining({ code: "fee_over_cap", details: { kind: "collection_fee", capOre: 18000 } }),
    );
  });

  it("allows a reminder fee only when agreed when the debt arose", () => {
    expect(() => checkFee("reminder_fee", 6000, { ...ctx, reminderAgreed: false })).toThrow(code("fee_not_allowed"));
    expect(() => checkFee("reminder_fee", 6000, { consumer: true, existingCharges: [] })).toThrow(code("fee_not_allowed"));
  });

  it("allows a reminder, collection and plan fee once", () => {
    for (const kind of ["reminder_fee", "collection_fee", "plan_fee"] as const) {
      expect(() => checkFee(kind, 100, { ...ctx, existingCharges: [{ kind }] }), kind).toThrow(code("fee_duplicate"));
    }
    // Another kind already charged is no obstacle.
    expect(() => checkFee("collection_fee", 18000, { ...ctx, existingCharges: [{ kind: "reminder_fee" }] })).not.toThrow();
  });

  it("refuses amounts that are not a positive whole number of öre", () => {
    for (const bad of [0, -100, 10.5, Number.NaN]) expect(() => checkFee("plan_fee", bad, ctx), String(bad)).toThrow(code("fee_invalid_amount"));
  });

  it("never charges a consumer the business late fee of 450 kr", () => {
    expect(() => checkFee("late_payment_compensation", 45000, { consumer: true, existingCharges: [] })).toThrow(code("fee_not_allowed"));
    expect(() => checkFee("late_payment_compensation", 1, { consumer: true, existingCharges: [] })).toThrow(code("fee_not_allowed"));
    expect(() => checkFee("late_payment_compensation", 45000, { consumer: false, existingCharges: [] })).not.toThrow();
    expect(() => checkFee("late_payment_compensation", 45001, { consumer: false, existingCharges: [] })).toThrow(code("fee_over_cap"));
    expect(() => checkFee("late_payment_compensation", 45000, { consumer: false, existingCharges: [{ kind: "late_payment_compensation" }] })).toThrow(code("fee_duplicate"));
  });
});
