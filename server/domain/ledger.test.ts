import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { FEE_RULES, type FeeKind } from "./fees";
import { SWEDISH_REFERENCE_RATES } from "./interest";
import { allocatePayment, computeCaseBalance, type LedgerAllocation, type LedgerInput } from "./ledger";

const rates = SWEDISH_REFERENCE_RATES;

function base(overrides: Partial<LedgerInput> = {}): LedgerInput {
  return {
    principalOre: 100_000,
    originalDueDate: "2026-09-30",
    charges: [
      { id: "r", kind: "reminder_fee", amountOre: 6000, chargedOn: "2026-10-10" },
      { id: "c", kind: "collection_fee", amountOre: 18000, chargedOn: "2026-10-24" },
    ],
    allocations: [],
    rates,
    marginBp: 800,
    asOf: "2026-11-22",
    ...overrides,
  };
}

function check(b: ReturnType<typeof computeCaseBalance>) {
  const parts = b.principal.leftOre + b.interest.leftOre + b.fees.reduce((s, f) => s + f.leftOre, 0);
  expect(b.leftOre).toBe(parts);
  expect(b.leftOre).toBe(b.totalOre - b.paidOre);
  expect(b.lines.reduce((s, l) => s + l.amountOre, 0)).toBe(b.totalOre);
  expect(b.lines.reduce((s, l) => s + l.leftOre, 0)).toBe(b.leftOre);
}

describe("a case's balance and breakdown", () => {
  it("adds principal, interest and fees, and explains each line", () => {
    const b = computeCaseBalance(base());
    // 53 days (1 Oct – 22 Nov) on 1 000 kr at 10 %
    expect(b.interest.accruedOre).toBe(Math.round((100_000 * 0.1 * 53) / 365));
    expect(b.totalOre).toBe(100_000 + 6000 + 18000 + b.interest.accruedOre);
    expect(b.lines.map((l) => l.key)).toEqual(["principal", "interest", "reminder_fee", "collection_fee"]);
    expect(b.lines[2]!.facts.capOre).toBe(FEE_RULES.reminder_fee.capOre);
    expect(b.interest.perDayOre).toBeCloseTo((100_000 * 0.1) / 365, 6);
    check(b);
  });

  it("allocates fees first, then interest, then principal, and stops interest on what was paid", () => {
    const before = computeCaseBalance(base({ asOf: "2026-11-01" }));
    const { allocations, overpaymentOre } = allocatePayment(50_000, before);
    expect(allocations[0]).toEqual({ component: "fee", chargeId: "r", amountOre: 6000 });
    expect(allocations[1]).toEqual({ component: "fee", chargeId: "c", amountOre: 18000 });
    expect(allocations[2]!.component).toBe("interest");
    expect(allocations[3]!.component).toBe("principal");
    expect(overpaymentOre).toBe(0);
    const booked: LedgerAllocation[] = allocations.map((a) => ({ ...a, paymentId: "p1", bookedOn: "2026-11-01" }));
    const after = computeCaseBalance(base({ allocations: booked }));
    check(after);
    expect(after.fees.every((f) => f.leftOre === 0)).toBe(true);
    expect(after.paidOre).toBe(50_000);
  });

  it("turns the rest of a too-large payment into an overpayment", () => {
    const b = computeCaseBalance(base());
    const r = allocatePayment(b.leftOre + 1234, b);
    expect(r.overpaymentOre).toBe(1234);
    const after = computeCaseBalance(base({ allocations: r.allocations.map((a) => ({ ...a, paymentId: "p", bookedOn: "2026-11-22" })) }));
    expect(after.leftOre).toBe(0);
    expect(after.interest.perDayOre).toBe(0);
  });

  it("respects a creditor's own order", () => {
    const b = computeCaseBalance(base());
    const r = allocatePayment(1000, b, ["principal", "interest", "fees"]);
    expect(r.allocations).toEqual([{ component: "principal", amountOre: 1000 }]);
  });

  it("stops interest when told to", () => {
    const open = computeCaseBalance(base());
    const stopped = computeCaseBalance(base({ interestStoppedOn: "2026-10-31" }));
    expect(stopped.interest.accruedOre).toBe(Math.round((100_000 * 0.1 * 31) / 365));
    expect(stopped.interest.accruedOre).toBeLessThan(open.interest.accruedOre);
    expect(stopped.interest.perDayOre).toBe(0);
  });

  it("for generated cases and payments, always adds up to the öre and never goes negative", () => {
    const feeKinds: FeeKind[] = ["reminder_fee", "collection_fee", "plan_fee"];
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 50_000_000 }),
        fc.integer({ min: 0, max: 900 }),
        fc.subarray(feeKinds),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 1, max: 5_000_000 }) }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 500 }),
        (principalOre, dueOffset, kinds, payments, asOfOffset) => {
          const originalDueDate = addDays("2023-01-01", dueOffset);
          const charges = kinds.map((kind, i) => ({ id: kind, kind, amountOre: FEE_RULES[kind].capOre, chargedOn: addDays(originalDueDate, 10 + i * 10) }));
          const allocations: LedgerAllocation[] = [];
          const sorted = [...payments].sort((a, b) => a.day - b.day);
          let booked = 0;
          sorted.forEach((p, n) => {
            const on = addDays(originalDueDate, p.day);
            const balance = computeCaseBalance({ principalOre, originalDueDate, charges, allocations, rates, marginBp: 800, asOf: on });
            if (balance.leftOre <= 0) return;
            const r = allocatePayment(p.amount, balance);
            booked += p.amount - r.overpaymentOre;
            allocations.push(...r.allocations.map((a) => ({ ...a, paymentId: `p${n}`, bookedOn: on })));
          });
          const asOf = addDays(originalDueDate, 400 + asOfOffset);
          const b = computeCaseBalance({ principalOre, originalDueDate, charges, allocations, rates, marginBp: 800, asOf });
          check(b);
          expect(b.paidOre).toBe(booked);
          expect(b.principal.leftOre).toBeGreaterThanOrEqual(0);
          expect(b.interest.leftOre).toBeGreaterThanOrEqual(0);
          expect(b.fees.every((f) => f.leftOre >= 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
