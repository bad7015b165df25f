import { describe, expect, it } from "vitest";
import { disputeAnswerDue, disputedAmount, disputeResumesOn, payableOre, upholdCredits } from "./disputes";
import { SWEDISH_REFERENCE_RATES } from "./interest";
import { computeCaseBalance, type LedgerInput } from "./ledger";

const base: LedgerInput = {
  principalOre: 100_000,
  originalDueDate: "2026-09-30",
  charges: [
    { id: "r", kind: "reminder_fee", amountOre: 6000, chargedOn: "2026-10-10" },
    { id: "c", kind: "collection_fee", amountOre: 18000, chargedOn: "2026-10-24" },
  ],
  allocations: [],
  rates: SWEDISH_REFERENCE_RATES,
  marginBp: 800,
  asOf: "2026-11-22",
};

describe("the disputed amount", () => {
  it("is everything left, or a part of it up to what is left", () => {
    expect(disputedAmount({ part: "all", amountOre: null, leftOre: 50_000 })).toEqual({ ok: true, part: "all", disputedOre: 50_000 });
    expect(disputedAmount({ part: "part", amountOre: 12_345, leftOre: 50_000 })).toEqual({ ok: true, part: "part", disputedOre: 12_345 });
    // A "part" that is the whole of it is all of it.
    expect(disputedAmount({ part: "part", amountOre: 50_000, leftOre: 50_000 })).toEqual({ ok: true, part: "all", disputedOre: 50_000 });
  });

  it("names what is wrong with a bad answer", () => {
    expect(disputedAmount({ part: undefined, amountOre: null, leftOre: 50_000 })).toEqual({ ok: false, error: "part_required" });
    expect(disputedAmount({ part: "some", amountOre: 1, leftOre: 50_000 })).toEqual({ ok: false, error: "part_required" });
    expect(disputedAmount({ part: "part", amountOre: null, leftOre: 50_000 })).toEqual({ ok: false, error: "amount_required" });
    expect(disputedAmount({ part: "part", amountOre: 0, leftOre: 50_000 })).toEqual({ ok: false, error: "amount_too_small" });
    expect(disputedAmount({ part: "part", amountOre: -5, leftOre: 50_000 })).toEqual({ ok: false, error: "amount_too_small" });
    expect(disputedAmount({ part: "part", amountOre: 50_001, leftOre: 50_000 })).toEqual({ ok: false, error: "amount_too_large" });
    expect(disputedAmount({ part: "all", amountOre: null, leftOre: 0 })).toEqual({ ok: false, error: "nothing_left" });
  });

  it("leaves the rest payable", () => {
    expect(payableOre(50_000, 20_000)).toBe(30_000);
    expect(payableOre(50_000, 0)).toBe(50_000);
    expect(payableOre(50_000, 80_000)).toBe(0);
    expect(payableOre(0, 10)).toBe(0);
  });
});

describe("the dates of a dispute", () => {
  it("is answered within ten bank days", () => {
    // Tuesday 24 November 2026 → Tuesday 8 December.
    expect(disputeAnswerDue("2026-11-24")).toBe("2026-12-08");
    // Over Christmas and New Year: julafton, juldagen, annandag jul, nyårsafton, nyårsdagen and trettondedagen are not bank days.
    expect(disputeAnswerDue("2026-12-23")).toBe("2027-01-13");
  });

  it("after a rejection, resumes only once the debtor has had ten days, a weekend deadline moving to Monday", () => {
    // Told Tuesday 8 December: ten days is Friday 18 December, resumes Saturday the 19th.
    expect(disputeResumesOn("2026-12-08")).toEqual({ lastDay: "2026-12-18", resumesOn: "2026-12-19" });
    // Told Thursday 3 December: ten days is Sunday 13 December, so the last day is Monday the 14th.
    expect(disputeResumesOn("2026-12-03")).toEqual({ lastDay: "2026-12-14", resumesOn: "2026-12-15" });
    // Told 15 December: the 25th is juldagen, so the last day is Monday 28 December.
    expect(disputeResumesOn("2026-12-15")).toEqual({ lastDay: "2026-12-28", resumesOn: "2026-12-29" });
  });
});

describe("the credits of an upheld dispute", () => {
  const apply = (input: LedgerInput, credits: ReturnType<typeof upholdCredits>) =>
    computeCaseBalance({ ...input, credits: credits.map((c, n) => ({ ...c, id: `k${n}`, bookedOn: input.asOf })) });

  it("cancel: everything left goes, fees and interest with the claim", () => {
    const credits = upholdCredits(base, "cancel");
    const before = computeCaseBalance(base);
    expect(credits.reduce((s, c) => s + c.amountOre, 0)).toBe(before.leftOre);
    const after = apply(base, credits);
    expect(after.leftOre).toBe(0);
    expect(after.creditedOre).toBe(before.leftOre);
    expect(after.paidOre).toBe(0);
    expect(after.lines.at(-1)).toMatchObject({ key: "credited", amountOre: before.leftOre, leftOre: 0 });
  });

  it("cancel after a part payment: only what is left is credited, what was paid stays paid", () => {
    const paid = { ...base, allocations: [{ paymentId: "p", bookedOn: "2026-11-01", component: "fee" as const, chargeId: "r", amountOre: 6000 }, { paymentId: "p", bookedOn: "2026-11-01", component: "principal" as const, amountOre: 20_000 }] };
    const before = computeCaseBalance(paid);
    const after = apply(paid, upholdCredits(paid, "cancel"));
    expect(after.leftOre).toBe(0);
    expect(after.paidOre).toBe(26_000);
    expect(after.creditedOre).toBe(before.leftOre);
  });

  it("reduce: the principal and the interest it bore from the start; fees stay", () => {
    const credits = upholdCredits(base, "reduce", 40_000);
    expect(credits[0]).toEqual({ component: "principal", amountOre: 40_000 });
    const after = apply(base, credits);
    const smaller = computeCaseBalance({ ...base, principalOre: 60_000 });
    expect(after.principal.leftOre).toBe(60_000);
    expect(after.interest.leftOre).toBe(smaller.interest.leftOre);
    expect(after.fees.map((f) => f.leftOre)).toEqual([6000, 18000]);
    // And from then on, a day's interest is on 600 kr.
    const later = computeCaseBalance({ ...base, asOf: "2026-12-22", credits: credits.map((c, n) => ({ ...c, id: `k${n}`, bookedOn: base.asOf })) });
    const laterSmaller = computeCaseBalance({ ...base, principalOre: 60_000, asOf: "2026-12-22" });
    expect(later.interest.leftOre).toBe(laterSmaller.interest.leftOre);
    expect(later.leftOre).toBe(later.totalOre - later.paidOre - later.creditedOre);
  });

  it("reduce by all the principal left is a cancellation", () => {
    const before = computeCaseBalance(base);
    expect(apply(base, upholdCredits(base, "reduce", 100_000)).leftOre).toBe(0);
    expect(upholdCredits(base, "reduce", 250_000).reduce((s, c) => s + c.amountOre, 0)).toBe(before.leftOre);
  });
});
