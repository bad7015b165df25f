import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { rowsOf } from "../../db/client";
import { auditEvents, caseCredits, caseEvents, caseHolds, cases, debtors, disputeDrafts, disputes, instalmentPlans, instalments, outbox, planCases, staffUsers, workItems } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { getDebtorCase } from "../cases/get-debtor-case";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { casesReadyForPaymentOrder } from "../cases/payment-order";
import { casesOnHold } from "../holds/paused";
import { bookPayments } from "../payments/book";
import { followUpPlans } from "../plans/follow-up";
import { decideDispute } from "./decide";
import { getDisputeDraft, saveDisputeDraft } from "./drafts";
import { submitDispute } from "./submit";

const SEEDED = "2026-11-22";
const NOW = new Date("2026-11-24T10:00:00Z");
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let staffId: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, SEEDED);
  ids = await demoIds(handle.db);
  staffId = (await handle.db.select({ id: staffUsers.id }).from(staffUsers).limit(1))[0]!.id;
});
afterAll(() => handle.close());

const counts = async (caseId: string) => {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  const db = handle.db;
  return {
    disputes: await n(db.select({ n: count() }).from(disputes).where(eq(disputes.caseId, caseId))),
    holds: await n(db.select({ n: count() }).from(caseHolds).where(eq(caseHolds.caseId, caseId))),
    items: await n(db.select({ n: count() }).from(workItems).where(and(eq(workItems.caseId, caseId), eq(workItems.kind, "dispute")))),
    events: await n(db.select({ n: count() }).from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, "dispute_made")))),
    audits: await n(db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "dispute.made"))),
  };
};

const ledgerOf = async (debtorId: string, caseId: string, asOf = todayInStockholm(NOW)) => (await loadDebtorLedgers(handle.db, { debtorId, caseId, asOf }))[0]!;

describe("the demo data", () => {
  it("has Lena's case under an open dispute, held, with its work item", async () => {
    const { debtorId, caseIds } = ids.lena!;
    const ledger = await ledgerOf(debtorId, caseIds[0]!);
    expect(ledger.dispute?.status).toBe("open");
    expect(ledger.case.disputed).toBe(true);
    expect(ledger.payableOre).toBe(0);
    expect(await casesOnHold(handle.db, [caseIds[0]!], todayInStockholm(NOW))).toEqual(new Set([caseIds[0]!]));
    const [item] = await handle.db.select().from(workItems).where(eq(workItems.subjectId, ledger.dispute!.id));
    expect(item!.kind).toBe("dispute");
  });
});

describe("making a dispute", () => {
  it("writes the dispute, the hold, the disputed mark, the work item, a case event and the audit in one go", async () => {
    const { debtorId, caseIds } = ids.anna!;
    const caseId = caseIds[0]!;
    await saveDisputeDraft(handle.db, { debtorId, caseId, reason: "not_received", part: "all", disputedOre: 0, description: "Paketet kom aldrig.", now: NOW });
    expect(await getDisputeDraft(handle.db, { debtorId, caseId })).toMatchObject({ description: "Paketet kom aldrig." });
    const before = await counts(caseId);
    const left = (await ledgerOf(debtorId, caseId)).balance.leftOre;

    const made = await submitDispute(handle.db, { debtorId, caseId, reason: "not_received", part: "all", amountOre: null, description: "  Paketet kom aldrig.  ", now: NOW });
    expect(made.disputedOre).toBe(left);
    // Ten bank days from Tuesday 24 November 2026.
    expect(made.answerBy).toBe("2026-12-08");

    const after = await counts(caseId);
    expect(after).toEqual({ disputes: before.disputes + 1, holds: before.holds + 1, items: before.items + 1, events: before.events + 1, audits: before.audits + 1 });
    const [row] = await handle.db.select().from(disputes).where(eq(disputes.id, made.disputeId));
    expect(row).toMatchObject({ status: "open", part: "all", disputedOre: left, description: "Paketet kom aldrig.", reason: "not_received" });
    const [hold] = await handle.db.select().from(caseHolds).where(eq(caseHolds.disputeId, made.disputeId));
    expect(hold).toMatchObject({ kind: "dispute", endsOn: null, liftedAt: null });
    expect((await handle.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.disputed).toBe(true);
    expect(await getDisputeDraft(handle.db, { debtorId, caseId })).toBeNull();

    // A second dispute while this one is open is refused.
    await expect(submitDispute(handle.db, { debtorId, caseId, reason: "other", part: "all", amountOre: null, description: "Igen", now: NOW })).rejects.toMatchObject({ code: "conflict_dispute_open" });
  });

  it("writes nothing at all when an answer is invalid", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const caseId = caseIds[0]!;
    const before = await counts(caseId);
    const left = (await ledgerOf(debtorId, caseId)).balance.leftOre;
    const base = { debtorId, caseId, reason: "wrong_amount" as const, part: "part" as const, description: "Fel belopp", now: NOW };
    await expect(submitDispute(handle.db, { ...base, amountOre: left + 1 })).rejects.toMatchObject({ code: "invalid_dispute_amount_too_large" });
    await expect(submitDispute(handle.db, { ...base, amountOre: 0 })).rejects.toMatchObject({ code: "invalid_dispute_amount_too_small" });
    await expect(submitDispute(handle.db, { ...base, amountOre: null })).rejects.toMatchObject({ code: "invalid_dispute_amount_required" });
    await expect(submitDispute(handle.db, { ...base, amountOre: 100, description: "   " })).rejects.toMatchObject({ code: "invalid_dispute_description_required" });
    await expect(submitDispute(handle.db, { ...base, amountOre: 100, description: "x".repeat(5001) })).rejects.toMatchObject({ code: "invalid_dispute_description_too_long" });
    // Someone else's case is not found, and nothing is written on it.
    await expect(submitDispute(handle.db, { ...base, debtorId: ids.sara!.debtorId, amountOre: 100 })).rejects.toMatchObject({ code: "case_not_found" });
    expect(await counts(caseId)).toEqual(before);
    expect((await handle.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.disputed).toBe(false);
  });

  it("a partial dispute sets its part aside: the rest stays payable", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const caseId = caseIds[1]!;
    const before = await ledgerOf(debtorId, caseId);
    await submitDispute(handle.db, { debtorId, caseId, reason: "wrong_amount", part: "part", amountOre: 50_000, description: "En vara saknades.", now: NOW });
    const after = await getDebtorCase(handle.db, { debtorId, caseId, asOf: todayInStockholm(NOW) });
    expect(after.disputedOre).toBe(50_000);
    expect(after.payableOre).toBe(before.balance.leftOre - 50_000);
    expect(after.state).toBe("to_pay");
    expect(after.dispute).toMatchObject({ status: "open", part: "part", holdsToday: true });
  });
});

/** A plan over one case, with an instalment due long enough ago to count as missed. */
async function planOver(debtorId: string, caseId: string, dueDates: string[]) {
  const [plan] = await handle.db
    .insert(instalmentPlans)
    .values({ debtorId, status: "active", monthlyOre: 50_000, months: dueDates.length, dueDay: 1, method: "bankgiro", totalOre: 50_000 * dueDates.length })
    .returning({ id: instalmentPlans.id });
  await handle.db.insert(planCases).values({ planId: plan!.id, caseId });
  await handle.db.update(cases).set({ status: "in_plan" }).where(eq(cases.id, caseId));
  await handle.db.insert(instalments).values(dueDates.map((dueDate, n) => ({ planId: plan!.id, seq: n + 1, dueDate, amountOre: 50_000, ocrReference: `99${plan!.id.replace(/\D/g, "").slice(0, 10)}${n}` })));
  return plan!.id;
}

describe("a dispute stops every automated step until a person decides", () => {
  it("plan follow-up, reminders and the payment-order step leave the case alone; after rejection and ten days they resume", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const caseId = caseIds[0]!;
    const planId = await planOver(debtorId, caseId, ["2026-11-02", "2026-11-09", "2026-12-28"]);
    await handle.db.update(cases).set({ paymentOrderFrom: "2026-11-20" }).where(eq(cases.id, caseId));
    const [debtor] = await handle.db.select().from(debtors).where(eq(debtors.id, debtorId));
    await handle.db.insert(outbox).values({ debtorId, caseId, channel: debtor!.preferredChannel, kind: "plan_reminder", payload: { planId }, dedupeKey: `test:${planId}:reminder`, scheduledFor: new Date("2026-11-25T07:00:00Z") });

    const made = await submitDispute(handle.db, { debtorId, caseId, reason: "already_paid", part: "all", amountOre: null, description: "Jag betalade i oktober.", now: NOW });

    // Every day for two weeks, nothing happens to the case: no instalment missed, no lapse, no payment order.
    for (let d = 0; d < 14; d++) {
      const day = new Date(NOW.getTime() + d * 86_400_000);
      const today = todayInStockholm(day);
      await followUpPlans(handle.db, day);
      expect(await casesOnHold(handle.db, [caseId], today)).toEqual(new Set([caseId]));
      expect((await casesReadyForPaymentOrder(handle.db, today)).map((c) => c.id)).not.toContain(caseId);
    }
    const statuses = async () => (await handle.db.select({ status: instalments.status }).from(instalments).where(eq(instalments.planId, planId)).orderBy(instalments.seq)).map((r) => r.status);
    expect(await statuses()).toEqual(["due", "due", "due"]);
    expect((await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId)))[0]!.status).toBe("active");
    const [reminder] = await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, `test:${planId}:reminder`));
    expect(reminder!.status).toBe("queued");
    expect(reminder!.sentAt).toBeNull();

    // Rejected on Tuesday 8 December: told that day, ten days to take it further (to Friday 18 December), resumes on the 19th.
    const decidedAt = new Date("2026-12-08T10:00:00Z");
    const rejected = await decideDispute(handle.db, { staffId, disputeId: made.disputeId, decision: { outcome: "reject" }, reason: "Vi har betalningen från oktober på ett annat ärende.", now: decidedAt });
    expect(rejected).toMatchObject({ status: "rejected", lastDay: "2026-12-18", resumesOn: "2026-12-19" });
    const [c] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c!.paymentOrderFrom).toBe("2026-12-19");
    const [told] = await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, `dispute:${made.disputeId}:outcome`));
    expect(told).toMatchObject({ kind: "dispute_outcome", payload: { disputeId: made.disputeId, outcome: "rejected" }, status: "queued" });

    for (const day of ["2026-12-08", "2026-12-12", "2026-12-18"]) {
      await followUpPlans(handle.db, new Date(`${day}T06:00:00Z`));
      expect(await casesOnHold(handle.db, [caseId], day), day).toEqual(new Set([caseId]));
      expect((await casesReadyForPaymentOrder(handle.db, day)).map((r) => r.id), day).not.toContain(caseId);
    }
    expect(await statuses()).toEqual(["due", "due", "due"]);

    // From the 19th the case is no longer held: follow-up marks the missed instalments and the plan lapses.
    await followUpPlans(handle.db, new Date("2026-12-19T06:00:00Z"));
    expect(await casesOnHold(handle.db, [caseId], "2026-12-19")).toEqual(new Set());
    expect((await statuses()).slice(0, 2)).toEqual(["missed", "missed"]);
    expect((await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId)))[0]!.status).toBe("lapsed");
    expect((await casesReadyForPaymentOrder(handle.db, "2026-12-19")).map((r) => r.id)).toContain(caseId);

    // Rejecting again changes nothing; upholding a rejected dispute is refused.
    const again = await decideDispute(handle.db, { staffId, disputeId: made.disputeId, decision: { outcome: "reject" }, reason: "x", now: decidedAt });
    expect(again.repeated).toBe(true);
    await expect(decideDispute(handle.db, { staffId, disputeId: made.disputeId, decision: { outcome: "uphold", remedy: "cancel" }, reason: "", now: decidedAt })).rejects.toMatchObject({ code: "conflict_dispute_decided" });
  });
});

/** Every öre of a case accounted for: what was charged less what was paid and credited. */
async function checkCase(debtorId: string, caseId: string, asOf: string) {
  const ledger = await ledgerOf(debtorId, caseId, asOf);
  const [row] = rowsOf<{ allocated: string; credited: string }>(
    await handle.db.execute(sql`select
      coalesce((select sum(amount_ore) from payment_allocations where case_id = ${caseId}), 0) as allocated,
      coalesce((select sum(amount_ore) from case_credits where case_id = ${caseId}), 0) as credited`),
  );
  const b = ledger.balance;
  expect(b.paidOre).toBe(Number(row!.allocated));
  expect(b.creditedOre).toBe(Number(row!.credited));
  expect(b.leftOre).toBe(b.principal.originalOre + b.fees.reduce((s, f) => s + f.amountOre, 0) + b.interest.accruedOre - Number(row!.allocated) - Number(row!.credited));
  expect(b.leftOre).toBeGreaterThanOrEqual(0);
  expect(b.principal.leftOre).toBeGreaterThanOrEqual(0);
  expect(b.interest.leftOre).toBeGreaterThanOrEqual(0);
  for (const f of b.fees) expect(f.leftOre).toBeGreaterThanOrEqual(0);
  return ledger;
}

describe("upholding a dispute", () => {
  it("cancels the claim with its fees and interest, once, and closes the case", async () => {
    const { debtorId, caseIds } = ids.sara!;
    const caseId = caseIds[1]!;
    const today = todayInStockholm(NOW);
    // Part of it was paid before the dispute.
    await handle.db.transaction((tx) => bookPayments(tx, [{ idempotencyKey: "test:sara:part", method: "manual", amountOre: 10_000, bookedOn: today, caseId }], { kind: "system", id: null }));
    const made = await submitDispute(handle.db, { debtorId, caseId, reason: "not_received", part: "all", amountOre: null, description: "Jag har aldrig haft abonnemanget.", now: NOW });
    const before = await checkCase(debtorId, caseId, today);

    const decide = () => decideDispute(handle.db, { staffId, disputeId: made.disputeId, decision: { outcome: "uphold", remedy: "cancel" }, reason: "Abonnemanget var inte ditt.", now: NOW });
    const [first, second] = await Promise.all([decide(), decide()]);
    const results = [first, second].sort((a, b) => Number(a.repeated) - Number(b.repeated));
    expect(results[0]).toMatchObject({ status: "upheld", creditedOre: before.balance.leftOre, caseClosed: true, repeated: false });
    expect(results[1]!.repeated).toBe(true);
    await decide();

    const credits = await handle.db.select().from(caseCredits).where(eq(caseCredits.caseId, caseId));
    expect(credits.reduce((s, c) => s + c.amountOre, 0)).toBe(before.balance.leftOre);
    const after = await checkCase(debtorId, caseId, today);
    expect(after.balance.leftOre).toBe(0);
    expect(after.case.status).toBe("closed");
    // Interest stops with the claim: a month later nothing more is owed.
    expect((await checkCase(debtorId, caseId, addDays(today, 30))).balance.leftOre).toBe(0);
    expect(await casesOnHold(handle.db, [caseId], today)).toEqual(new Set());
    const outcomes = await handle.db.select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.kind, "dispute_outcome")));
    expect(outcomes).toHaveLength(1);
    const audits = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, made.disputeId), eq(auditEvents.action, "dispute.upheld")));
    expect(audits).toHaveLength(1);
  });

  it("reduces the principal, and the interest follows the smaller claim", async () => {
    const { debtorId, caseIds } = ids.sara!;
    const caseId = caseIds[0]!;
    const today = todayInStockholm(NOW);
    const made = await submitDispute(handle.db, { debtorId, caseId, reason: "wrong_amount", part: "part", amountOre: 150_000, description: "Lånet var 3 000 kr, inte 4 500 kr.", now: NOW });
    const before = await checkCase(debtorId, caseId, today);
    const result = await decideDispute(handle.db, { staffId, disputeId: made.disputeId, decision: { outcome: "uphold", remedy: "reduce", reduceOre: 150_000 }, reason: "Lånet var 3 000 kr.", now: NOW });
    expect(result.caseClosed).toBe(false);
    const after = await checkCase(debtorId, caseId, today);
    expect(after.balance.principal.leftOre).toBe(before.balance.principal.leftOre - 150_000);
    // The interest is what 3 000 kr would have borne from the start.
    const ratio = after.balance.interest.leftOre / before.balance.interest.leftOre;
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(0.7);
    expect(after.balance.fees).toEqual(before.balance.fees);
    expect(after.payableOre).toBe(after.balance.leftOre);
    expect(after.case.disputed).toBe(false);
    expect(await casesOnHold(handle.db, [caseId], today)).toEqual(new Set());
    // From here on a day's interest is on the smaller principal.
    expect(after.balance.interest.perDayOre).toBeLessThan(before.balance.interest.perDayOre);
    // A payment afterwards settles against the reduced claim and the invariant still holds.
    await handle.db.transaction((tx) => bookPayments(tx, [{ idempotencyKey: "test:sara:after", method: "manual", amountOre: after.balance.leftOre + 500, bookedOn: today, caseId }], { kind: "system", id: null }));
    const paid = await checkCase(debtorId, caseId, today);
    expect(paid.balance.leftOre).toBe(0);
    expect((await handle.db.select().from(disputeDrafts)).length).toBeGreaterThanOrEqual(0);
  });
});
