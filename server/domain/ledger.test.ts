import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { DomainError } from "./errors";
import { FEE_RULES, type FeeKind } from "./fees";
import { SWEDISH_REFERENCE_RATES } from "./interest";
import { allocatePayment, type CaseBalance, computeCaseBalance, type LedgerAllocation, type LedgerCharge, type LedgerInput, openParts, settleParts } from "./ledger";

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

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every invariant of a balance, to the öre. */
function check(b: CaseBalance) {
  const parts = b.principal.leftOre + b.interest.leftOre + sumOf(b.fees.map((f) => f.leftOre));
  expect(b.leftOre).toBe(parts);
  expect(b.leftOre).toBe(b.totalOre - b.paidOre);
  expect(b.totalOre).toBe(b.principal.originalOre + b.interest.accruedOre + sumOf(b.fees.map((f) => f.amountOre)));
  expect(b.paidOre).toBe(b.principal.paidOre + b.interest.paidOre + sumOf(b.fees.map((f) => f.paidOre)));
  const owed = b.lines.filter((l) => l.key !== "paid");
  expect(sumOf(owed.map((l) => l.amountOre))).toBe(b.totalOre);
  expect(sumOf(owed.map((l) => l.paidOre))).toBe(b.paidOre);
  expect(sumOf(b.lines.map((l) => l.leftOre))).toBe(b.leftOre);
  for (const l of b.lines) expect(l.amountOre - l.paidOre, l.key).toBe(l.leftOre);
  const paid = b.lines.at(-1)!;
  expect(paid).toMatchObject({ key: "paid", amountOre: b.paidOre, paidOre: b.paidOre, leftOre: 0 });
}

/** Books a payment the way the payments module does: allocate against the balance on that day. */
function pay(input: LedgerInput, paymentId: string, amountOre: number, bookedOn: string): { input: LedgerInput; overpaymentOre: number } {
  const balance = computeCaseBalance({ ...input, asOf: bookedOn });
  const r = allocatePayment(amountOre, balance);
  const booked: LedgerAllocation[] = r.allocations.map((a) => ({ ...a, paymentId, bookedOn }));
  return { input: { ...input, allocations: [...input.allocations, ...booked] }, overpaymentOre: r.overpaymentOre };
}

/** Interest by hand, one day at a time: Σ principal outstanding that day × rate that day, rounded once. */
function interestByHand(principal: number, payments: { on: string; principalOre: number }[], due: string, end: string): number {
  let numerator = 0n;
  for (let d = addDays(due, 1); d <= end; d = addDays(d, 1)) {
    const paidBefore = sumOf(payments.filter((p) => p.on < d).map((p) => p.principalOre));
    const reference = [...rates].reverse().find((r) => r.from <= d)!.referenceRateBp;
    numerator += BigInt(Math.max(0, principal - paidBefore)) * BigInt(reference + 800);
  }
  const q = numerator / 3_650_000n;
  return Number(2n * (numerator % 3_650_000n) >= 3_650_000n ? q + 1n : q);
}

describe("a case's balance and breakdown", () => {
  it("adds principal, interest and fees, and explains each line", () => {
    const b = computeCaseBalance(base());
    // 53 days (1 Oct – 22 Nov) on 1 000 kr at 10 %: 1 452.05 öre
    expect(b.interest.accruedOre).toBe(1452);
    expect(b.totalOre).toBe(100_000 + 6000 + 18000 + 1452);
    expect(b.leftOre).toBe(b.totalOre);
    expect(b.paidOre).toBe(0);
    expect(b.lines.map((l) => l.key)).toEqual(["principal", "interest", "reminder_fee", "collection_fee", "paid"]);
    expect(b.lines[1]!.facts).toEqual({ annualRateBp: 1000, since: "2026-09-30", perDayOre: 27 });
    expect(b.lines[2]!.facts).toEqual({ capOre: 6000, legalBasis: FEE_RULES.reminder_fee.legalBasis, messageKey: "case.why.reminder_fee" });
    expect(b.lines[4]!.facts).toEqual({ payments: 0 });
    expect(b.interest).toEqual({ accruedOre: 1452, paidOre: 0, leftOre: 1452, annualRateBp: 1000, sinceDate: "2026-09-30", perDayOre: 27 });
    expect(b.fees[1]).toEqual({ chargeId: "c", kind: "collection_fee", amountOre: 18000, paidOre: 0, leftOre: 18000, capOre: 18000, legalBasis: FEE_RULES.collection_fee.legalBasis });
    check(b);
  });

  it("counts nothing dated after asOf", () => {
    const b = computeCaseBalance(base({ asOf: "2026-10-15" }));
    expect(b.fees.map((f) => f.chargeId)).toEqual(["r"]);
    const early = computeCaseBalance(base({ asOf: "2026-09-30" }));
    expect(early.interest.accruedOre).toBe(0);
    expect(early.fees).toEqual([]);
    expect(early.totalOre).toBe(100_000);
    check(early);
    const { input } = pay(base(), "p1", 50_000, "2026-11-01");
    const before = computeCaseBalance({ ...input, asOf: "2026-10-31" });
    expect(before.paidOre).toBe(0);
  });

  it("allocates fees oldest first, then interest, then principal, and stops interest on what was paid", () => {
    const before = computeCaseBalance(base({ asOf: "2026-11-01" }));
    // 32 days on 1 000 kr at 10 %: 876.7 öre
    expect(before.interest.accruedOre).toBe(877);
    const { allocations, overpaymentOre } = allocatePayment(50_000, before);
    expect(allocations).toEqual([
      { component: "fee", chargeId: "r", amountOre: 6000 },
      { component: "fee", chargeId: "c", amountOre: 18000 },
      { component: "interest", amountOre: 877 },
      { component: "principal", amountOre: 50_000 - 6000 - 18000 - 877 },
    ]);
    expect(overpaymentOre).toBe(0);
    const { input } = pay(base(), "p1", 50_000, "2026-11-01");
    const after = computeCaseBalance(input);
    check(after);
    expect(after.fees.every((f) => f.leftOre === 0)).toBe(true);
    expect(after.paidOre).toBe(50_000);
    expect(after.principal.leftOre).toBe(100_000 - 25_123);
    // 1 Oct – 1 Nov on 1 000 kr, then 2–22 Nov on 748.77 kr
    expect(after.interest.accruedOre).toBe(interestByHand(100_000, [{ on: "2026-11-01", principalOre: 25_123 }], "2026-09-30", "2026-11-22"));
    expect(after.interest.perDayOre).toBe(Math.round((74_877 * 0.1) / 365));
    expect(after.lines.at(-1)!.facts).toEqual({ payments: 1, lastPaidOn: "2026-11-01" });
  });

  it("lowers interest for a principal payment made before the due date", () => {
    const input = base({ charges: [], allocations: [{ paymentId: "early", bookedOn: "2026-09-15", component: "principal", amountOre: 40_000 }] });
    const b = computeCaseBalance(input);
    // 53 days on 600 kr at 10 %: 871.2 öre
    expect(b.interest.accruedOre).toBe(871);
    check(b);
  });

  it("turns the rest of a too-large payment into an overpayment, and a settled case stops interest", () => {
    const b = computeCaseBalance(base());
    const r = allocatePayment(b.leftOre + 1234, b);
    expect(r.overpaymentOre).toBe(1234);
    const after = computeCaseBalance(base({ allocations: r.allocations.map((a) => ({ ...a, paymentId: "p", bookedOn: "2026-11-22" })) }));
    expect(after.leftOre).toBe(0);
    expect(after.interest.perDayOre).toBe(0);
    check(after);
    // Paid in full on 22 Nov: the principal is gone from 23 Nov, so nothing more accrues.
    const later = computeCaseBalance({ ...base({ allocations: r.allocations.map((a) => ({ ...a, paymentId: "p", bookedOn: "2026-11-22" })) }), asOf: "2027-03-01" });
    expect(later.leftOre).toBe(0);
    check(later);
  });

  it("makes everything an overpayment when nothing is owed", () => {
    const b = computeCaseBalance(base({ principalOre: 0, charges: [] }));
    expect(allocatePayment(500, b)).toEqual({ allocations: [], overpaymentOre: 500 });
  });

  it("respects a creditor's own order", () => {
    const b = computeCaseBalance(base());
    expect(allocatePayment(1000, b, ["principal", "interest", "fees"]).allocations).toEqual([{ component: "principal", amountOre: 1000 }]);
    const r = allocatePayment(101_000, b, ["principal", "fees"]);
    expect(r.allocations).toEqual([
      { component: "principal", amountOre: 100_000 },
      { component: "fee", chargeId: "r", amountOre: 1000 },
    ]);
    expect(allocatePayment(5000, b, ["interest"])).toEqual({ allocations: [{ component: "interest", amountOre: b.interest.leftOre }], overpaymentOre: 5000 - b.interest.leftOre });
  });

  it("refuses a payment that is not a positive whole number of öre, and a muddled order", () => {
    const b = computeCaseBalance(base());
    for (const bad of [0, -1, 1.5]) expect(() => allocatePayment(bad, b), String(bad)).toThrow(expect.objectContaining({ code: "invalid_amount" }));
    expect(() => allocatePayment(100, b, ["fees", "fees"])).toThrow(expect.objectContaining({ code: "invalid_allocation_order" }));
  });

  it("stops interest when told to, the stop day included", () => {
    const open = computeCaseBalance(base());
    const stopped = computeCaseBalance(base({ interestStoppedOn: "2026-10-31" }));
    // 31 days (1–31 Oct) on 1 000 kr at 10 %: 849.3 öre
    expect(stopped.interest.accruedOre).toBe(849);
    expect(stopped.interest.accruedOre).toBeLessThan(open.interest.accruedOre);
    expect(stopped.interest.perDayOre).toBe(0);
    expect(stopped.lines[1]!.facts.perDayOre).toBe(0);
    expect(computeCaseBalance(base({ interestStoppedOn: "2026-11-22" })).interest).toMatchObject({ accruedOre: open.interest.accruedOre, perDayOre: 0 });
    expect(computeCaseBalance(base({ interestStoppedOn: "2026-09-01" })).interest.accruedOre).toBe(0);
    check(stopped);
  });

  it("runs interest from interestFrom when given", () => {
    const b = computeCaseBalance(base({ interestFrom: "2026-10-31" }));
    // 22 days (1–22 Nov): 602.7 öre
    expect(b.interest.accruedOre).toBe(603);
    expect(b.interest.sinceDate).toBe("2026-10-31");
    expect(b.lines[1]!.facts.since).toBe("2026-10-31");
  });

  it("splits interest at a reference-rate change", () => {
    const b = computeCaseBalance(base({ originalDueDate: "2025-05-31", asOf: "2025-07-31", charges: [], principalOre: 500_000 }));
    // 30 days at 11 % and 31 at 10 % on 5 000 kr: 4 520.55 + 4 246.58
    expect(b.interest.accruedOre).toBe(8767);
    expect(b.interest.annualRateBp).toBe(1000);
    check(b);
  });

  it("refuses a fee payment that names no charge, and one before the charge", () => {
    const orphan = base({ allocations: [{ paymentId: "p", bookedOn: "2026-11-01", component: "fee", chargeId: "nope", amountOre: 100 }] });
    expect(() => computeCaseBalance(orphan)).toThrow(expect.objectContaining({ code: "allocation_unknown_charge" }));
    const unnamed = base({ allocations: [{ paymentId: "p", bookedOn: "2026-11-01", component: "fee", amountOre: 100 }] });
    expect(() => computeCaseBalance(unnamed)).toThrow(expect.objectContaining({ code: "allocation_unknown_charge" }));
    const early = base({ allocations: [{ paymentId: "p", bookedOn: "2026-10-20", component: "fee", chargeId: "c", amountOre: 100 }] });
    expect(() => computeCaseBalance(early)).toThrow(expect.objectContaining({ code: "allocation_before_charge" }));
  });

  it("refuses fractions of öre, impossible dates and duplicate charge ids", () => {
    expect(() => computeCaseBalance(base({ principalOre: 10.5 }))).toThrow(DomainError);
    expect(() => computeCaseBalance(base({ asOf: "2026-02-30" }))).toThrow(expect.objectContaining({ code: "invalid_date" }));
    const charges: LedgerCharge[] = [
      { id: "x", kind: "reminder_fee", amountOre: 6000, chargedOn: "2026-10-10" },
      { id: "x", kind: "collection_fee", amountOre: 18000, chargedOn: "2026-10-24" },
    ];
    expect(() => computeCaseBalance(base({ charges }))).toThrow(expect.objectContaining({ code: "duplicate_charge" }));
  });
});

describe("properties of the ledger", () => {
  const feeKinds: FeeKind[] = ["reminder_fee", "collection_fee", "plan_fee", "payment_order_application_fee", "payment_order_legal_fee"];
  const charge = fc.record({ kind: fc.constantFrom(...feeKinds), day: fc.integer({ min: 0, max: 300 }), share: fc.integer({ min: 1, max: 100 }) });
  const payment = fc.record({ day: fc.integer({ min: -20, max: 500 }), amount: fc.integer({ min: 1, max: 5_000_000 }) });

  it("for generated cases and payments, always adds up to the öre and never goes negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 1100 }),
        fc.array(charge, { maxLength: 5 }),
        fc.array(payment, { maxLength: 8 }),
        fc.integer({ min: -30, max: 900 }),
        fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
        (principalOre, dueOffset, chargeSpecs, payments, asOfOffset, stopOffset) => {
          const originalDueDate = addDays("2023-01-01", dueOffset);
          // Charges under their caps; each kind once, as checkFee allows.
          const seen = new Set<FeeKind>();
          const charges: LedgerCharge[] = chargeSpecs
            .filter((c) => !seen.has(c.kind) && seen.add(c.kind))
            .map((c, i) => ({ id: `f${i}`, kind: c.kind, amountOre: Math.ceil((FEE_RULES[c.kind].capOre * c.share) / 100), chargedOn: addDays(originalDueDate, c.day) }));
          const interestStoppedOn = stopOffset === undefined ? undefined : addDays(originalDueDate, stopOffset);
          let input: LedgerInput = { principalOre, originalDueDate, charges, allocations: [], rates, marginBp: 800, interestStoppedOn, asOf: originalDueDate };
          let booked = 0;
          [...payments]
            .sort((a, b) => a.day - b.day)
            .forEach((p, n) => {
              const r = pay(input, `p${n}`, p.amount, addDays(originalDueDate, p.day));
              booked += p.amount - r.overpaymentOre;
              input = r.input;
            });
          const b = computeCaseBalance({ ...input, asOf: addDays(originalDueDate, asOfOffset) });
          check(b);
          expect(b.principal.leftOre).toBeGreaterThanOrEqual(0);
          expect(b.interest.leftOre).toBeGreaterThanOrEqual(0);
          expect(b.fees.every((f) => f.leftOre >= 0 && f.amountOre <= f.capOre)).toBe(true);
          expect(b.leftOre).toBeGreaterThanOrEqual(0);
          expect(b.interest.perDayOre).toBeGreaterThanOrEqual(0);
          if (asOfOffset >= 500) expect(b.paidOre).toBe(booked);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("interest across a reference-rate change equals the day-by-day sum by hand, payments included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 20_000_000 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 0, max: 150 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 300 }), amount: fc.integer({ min: 1, max: 10_000_000 }) }), { maxLength: 3 }),
        (principalOre, daysBefore, daysAfter, payments) => {
          // Due before 1 July 2025 (11 % → 10 %), asOf after it.
          const originalDueDate = addDays("2025-07-01", -daysBefore - 1);
          const asOf = addDays("2025-07-01", daysAfter);
          let input: LedgerInput = { principalOre, originalDueDate, charges: [], allocations: [], rates, marginBp: 800, asOf };
          payments
            .map((p) => ({ ...p, on: addDays(originalDueDate, p.day) }))
            .filter((p) => p.on <= asOf)
            .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
            .forEach((p, n) => {
              input = pay(input, `p${n}`, p.amount, p.on).input;
            });
          const principalPayments = input.allocations.filter((a) => a.component === "principal").map((a) => ({ on: a.bookedOn, principalOre: a.amountOre }));
          const b = computeCaseBalance(input);
          expect(b.interest.accruedOre).toBe(interestByHand(principalOre, principalPayments, originalDueDate, asOf));
          check(b);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("settling a day's payments on the open parts equals reading the whole ledger again after each", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(charge, { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom<("fees" | "interest" | "principal")[]>(["fees", "interest", "principal"], ["principal", "interest", "fees"], ["interest", "fees", "principal"]),
        (principalOre, chargeSpecs, amounts, dayOffset, order) => {
          const originalDueDate = "2025-03-31";
          const seen = new Set<FeeKind>();
          const charges: LedgerCharge[] = chargeSpecs
            .filter((c) => !seen.has(c.kind) && seen.add(c.kind))
            .map((c, i) => ({ id: `f${i}`, kind: c.kind, amountOre: Math.ceil((FEE_RULES[c.kind].capOre * c.share) / 100), chargedOn: addDays(originalDueDate, c.day) }));
          const asOf = addDays(originalDueDate, dayOffset);
          let input: LedgerInput = { principalOre, originalDueDate, charges, allocations: [], rates, marginBp: 800, asOf };
          let parts = openParts(computeCaseBalance(input));
          amounts.forEach((amountOre, n) => {
            const { allocations } = allocatePayment(amountOre, parts, order);
            parts = settleParts(parts, allocations);
            input = { ...input, allocations: [...input.allocations, ...allocations.map((a) => ({ ...a, paymentId: `p${n}`, bookedOn: asOf }))] };
            expect(parts).toEqual(openParts(computeCaseBalance(input)));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("without payments, is exactly the two rate segments by hand", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 1, max: 181 }), fc.integer({ min: 0, max: 183 }), (principalOre, daysBefore, daysAfter) => {
        const originalDueDate = addDays("2025-07-01", -daysBefore - 1);
        const asOf = addDays("2025-07-01", daysAfter);
        const b = computeCaseBalance({ principalOre, originalDueDate, charges: [], allocations: [], rates, marginBp: 800, asOf });
        const numerator = BigInt(principalOre) * (1100n * BigInt(daysBefore) + 1000n * BigInt(daysAfter + 1));
        const q = numerator / 3_650_000n;
        return b.interest.accruedOre === Number(2n * (numerator % 3_650_000n) >= 3_650_000n ? q + 1n : q);
      }),
    );
  });
});
