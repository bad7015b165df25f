import { describe, expect, it } from "vitest";
import { checkFee, FEE_RULES } from "./fees";

describe("fees capped by law", () => {
  it("has the legal caps", () => {
    expect(FEE_RULES.reminder_fee.capOre).toBe(6000);
    expect(FEE_RULES.collection_fee.capOre).toBe(18000);
    expect(FEE_RULES.plan_fee.capOre).toBe(17000);
    expect(FEE_RULES.payment_order_application_fee.capOre + FEE_RULES.payment_order_legal_fee.capOre).toBe(68000);
  });

  it("refuses a fee over its cap, a second one, or a reminder fee not agreed", () => {
    const ctx = { consumer: true, reminderAgreed: true, existingCharges: [] };
    expect(() => checkFee("collection_fee", 18000, ctx)).not.toThrow();
    expect(() => checkFee("collection_fee", 18001, ctx)).toThrow(expect.objectContaining({ code: "fee_over_cap" }));
    expect(() => checkFee("reminder_fee", 6000, { ...ctx, existingCharges: [{ kind: "reminder_fee" }] })).toThrow(expect.objectContaining({ code: "fee_duplicate" }));
    expect(() => checkFee("reminder_fee", 6000, { ...ctx, reminderAgreed: false })).toThrow(expect.objectContaining({ code: "fee_not_allowed" }));
    expect(() => checkFee("plan_fee", 0, ctx)).toThrow(expect.objectContaining({ code: "fee_invalid_amount" }));
  });

  it("never charges a consumer the business late fee", () => {
    expect(() => checkFee("late_payment_compensation", 45000, { consumer: true, existingCharges: [] })).toThrow(expect.objectContaining({ code: "fee_not_allowed" }));
    expect(() => checkFee("late_payment_compensation", 45000, { consumer: false, existingCharges: [] })).not.toThrow();
  });
});
