import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { caseHolds, cases, creditorPolicies, creditorPolicyVersions, creditors, debtors, experimentCases, experiments, instalmentPlans, messages, outbox, planCases, staffUsers, threads } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { addDays } from "../../domain/calendar";
import { assignArm } from "../../domain/experiments";
import { makeOcr } from "../../domain/ocr";
import { appRouter, createCaller } from "../../api/root";
import { testContext } from "../../testing/context";
import { createTestDb } from "../../testing/db";
import { openCases } from "../cases/open-case";
import { renderContent } from "../outreach/render";
import { scheduleDueReminders } from "../outreach/reminders";
import { refreshInsights } from "./refresh";

/**
 * Cases with known outcomes, written as rows, read back through the dashboard's procedures: the
 * figures must be exactly the shares built here. The cases belong to a creditor of their own, so
 * the demo's cases stay out of the counts when the page is filtered to it.
 */
const TODAY = "2026-12-02";
const now = new Date(`${TODAY}T10:00:00Z`);
const LETTER = "2026-10-01"; // 62 days ago: every window has passed
let handle: DbHandle;
let creditorId: string;
let supervisorId: string;
let seq = 0;

const supervisor = () => createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: supervisorId, role: "supervisor", displayName: "Peter" }, { now }));

async function people(n: number, birthDate: string): Promise<string[]> {
  const rows = await handle.db
    .insert(debtors)
    .values(Array.from({ length: n }, (_, i) => ({ personalNumberHash: `insights-${randomUUID()}`, personalNumberEncrypted: "x", birthDate, givenName: "Test", surname: `Insikt${i}` })))
    .returning({ id: debtors.id });
  return rows.map((r) => r.id);
}

/** Opens cases as creditors' cases open, and writes their first letter to the outbox as delivered. */
async function open(debtorIds: string[], channel: "kivra" | "sms" | "email" | "paper", letterOn: string) {
  const opened = await openCases(
    handle.db,
    debtorIds.map((debtorId) => {
      seq += 1;
      return { creditorId, debtorId, caseNumber: `K-INS-${seq}`, invoiceNumber: `INS-${seq}`, invoiceDate: "2026-08-01", originalDueDate: "2026-09-01", description: "webshop_order", principalOre: 100_000, ocrReference: makeOcr(String(70_000_000 + seq), { withLength: true }), letterOn };
    }),
    { now, queueLetters: false },
  );
  await handle.db.insert(outbox).values(
    opened.map((c) => ({ debtorId: c.debtorId, caseId: c.id, channel, kind: "collection_letter", payload: {}, status: "delivered" as const, dedupeKey: `test-letter-${c.id}`, scheduledFor: new Date(`${letterOn}T07:00:00Z`), sentAt: new Date(`${letterOn}T07:00:00Z`) })),
  );
  return opened;
}

const paidOn = (ids: string[], day: string) => handle.db.update(cases).set({ status: "paid", closedOn: day }).where(inArray(cases.id, ids));

async function planFor(caseId: string, debtorId: string, signedOn: string, status: "active" | "lapsed") {
  const [plan] = await handle.db
    .insert(instalmentPlans)
    .values({ debtorId, status, monthlyOre: 20_000, months: 5, dueDay: 27, method: "bankgiro", totalOre: 100_000, signedAt: new Date(`${signedOn}T10:00:00Z`) })
    .returning({ id: instalmentPlans.id });
  await handle.db.insert(planCases).values({ planId: plan!.id, caseId, live: status === "active" ? 1 : 0 });
  if (status === "active") await handle.db.update(cases).set({ status: "in_plan" }).where(eq(cases.id, caseId));
}

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, TODAY);
  supervisorId = (await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "supervisor")).limit(1))[0]!.id;
  const [c] = await handle.db.insert(creditors).values({ name: "Insikt Test AB", orgNumber: "556000-0000", kind: "test" }).returning({ id: creditors.id });
  creditorId = c!.id;
  await handle.db.insert(creditorPolicies).values({ creditorId, minInstalmentOre: 10_000, maxPlanMonths: 12, maxDueDateShiftDays: 14 });
  await handle.db.insert(creditorPolicyVersions).values({ creditorId, version: 1, minInstalmentOre: 10_000, maxPlanMonths: 12, maxDueDateShiftDays: 14, chargePlanFee: true, allowPlanPause: false, replyBankDays: 1, allocationOrder: ["fees", "interest", "principal"] });
});
afterAll(() => handle.close());

describe("the dashboard reads back exactly the outcomes written", () => {
  it("by channel, due day, age band, creditor, funnel, plans and replies", async () => {
    // 40 people aged 46 by Kivra: 24 pay on day 3, 8 on day 10, 4 sign a plan on day 20, 4 never pay.
    const kivra = await open(await people(40, "1980-05-05"), "kivra", LETTER);
    await paidOn(kivra.slice(0, 24).map((c) => c.id), addDays(LETTER, 3));
    await paidOn(kivra.slice(24, 32).map((c) => c.id), addDays(LETTER, 10));
    for (const c of kivra.slice(32, 36)) await planFor(c.id, c.debtorId, addDays(LETTER, 20), "active");
    // 30 people aged 22 by paper with the due date on the 23rd: 3 pay on day 20; two lapsed plans signed on day 40.
    const paper = await open(await people(30, "2004-01-01"), "paper", LETTER);
    await handle.db.update(cases).set({ dueDate: "2026-10-23" }).where(inArray(cases.id, paper.map((c) => c.id)));
    await paidOn(paper.slice(0, 3).map((c) => c.id), addDays(LETTER, 20));
    for (const c of paper.slice(3, 5)) await planFor(c.id, c.debtorId, addDays(LETTER, 40), "lapsed");
    // The rest of the kivra people: one disputed, one on hold, one sent to Kronofogden.
    await handle.db.update(cases).set({ disputed: true }).where(eq(cases.id, kivra[36]!.id));
    await handle.db.insert(caseHolds).values({ caseId: kivra[37]!.id, kind: "staff_hold", reason: "test", endsOn: addDays(TODAY, 5) });
    await handle.db.update(cases).set({ status: "sent_to_enforcement" }).where(eq(cases.id, kivra[38]!.id));
    // 10 by SMS: too few to show.
    const sms = await open(await people(10, "1960-02-02"), "sms", LETTER);
    await paidOn([sms[0]!.id], addDays(LETTER, 1));
    // 5 by e-mail, letter three days ago: counted as cases, not yet in any window.
    await open(await people(5, "1980-05-05"), "email", addDays(TODAY, -3));
    // Two questions: one answered after 2 hours (on time), one after 50 hours (late, promise the next day).
    for (const [i, hours] of [2, 50].entries()) {
      const c = kivra[i]!;
      const asked = new Date(`2026-10-05T08:00:00Z`);
      const [t] = await handle.db.insert(threads).values({ debtorId: c.debtorId, caseId: c.id, replyDueOn: "2026-10-06", createdAt: asked }).returning({ id: threads.id });
      await handle.db.insert(messages).values([
        { threadId: t!.id, author: "debtor", body: "Fråga", createdAt: asked },
        { threadId: t!.id, author: "staff", staffUserId: supervisorId, body: "Svar", createdAt: new Date(asked.getTime() + hours * 3_600_000) },
      ]);
    }

    await refreshInsights(handle.db, now);
    const d = await supervisor().staff.insights.dashboard({ creditorId, from: "2026-06-01", to: TODAY });

    expect(d.total.cases).toBe(85);
    const kivraRow = d.byChannel.find((r) => r.key === "kivra")!;
    expect(kivraRow.cases).toBe(40);
    expect([kivraRow.d5.k, kivraRow.d5.n, kivraRow.d14.k, kivraRow.d30.k, kivraRow.d30.n]).toEqual([24, 40, 32, 36, 40]);
    expect(kivraRow.d5.rate).toBe(0.6);
    expect(kivraRow.d5.tooFew).toBe(false);
    const paperRow = d.byChannel.find((r) => r.key === "paper")!;
    expect([paperRow.d5.k, paperRow.d14.k, paperRow.d30.k, paperRow.d30.n]).toEqual([0, 0, 3, 30]);
    const smsRow = d.byChannel.find((r) => r.key === "sms")!;
    expect(smsRow.d5).toMatchObject({ k: 1, n: 10, tooFew: true });
    const emailRow = d.byChannel.find((r) => r.key === "email")!;
    expect(emailRow.cases).toBe(5);
    expect(emailRow.d5.n).toBe(0);

    // The young paper people's due date is on the 23rd (before payday), everyone else's after (the 26th by policy).
    expect(d.youngByDueGroup.find((r) => r.key === "before")!.d30).toMatchObject({ k: 3, n: 30 });
    expect(d.youngByDueGroup.find((r) => r.key === "after")!.cases).toBe(0);
    expect(d.byDueGroup.find((r) => r.key === "after")!.cases).toBe(55);
    expect(d.byAgeBand.map((r) => [r.key, r.cases])).toEqual([["18-25", 30], ["26-40", 0], ["41-65", 45], ["66+", 10]]);
    expect(d.byCreditor).toEqual([expect.objectContaining({ key: "Insikt Test AB", cases: 85 })]);

    expect(d.funnel.paid).toMatchObject({ k: 24 + 8 + 3 + 1, n: 85 });
    expect(d.funnel.inPlan.k).toBe(4);
    expect(d.funnel.disputed.k).toBe(1);
    expect(d.funnel.onHold.k).toBe(1);
    expect(d.funnel.enforcement.k).toBe(1);
    expect(d.plans.kept).toMatchObject({ k: 4, n: 6 });
    expect(d.plans.lapsed).toBe(2);
    expect(d.replies).toMatchObject({ threads: 2, answered: 2, onTime: { k: 1, n: 2, tooFew: true } });
    expect(d.replies.hours.mean).toBe(26);

    // A range that leaves the letters out leaves their cases out.
    const before = await supervisor().staff.insights.dashboard({ creditorId, from: "2026-06-01", to: "2026-09-30" });
    expect(before.total.cases).toBe(0);

    const { csv } = await supervisor().staff.insights.export({ creditorId, from: "2026-06-01", to: TODAY });
    expect(csv).toContain("channel,kivra,paid_within_5_days,40,24,0.6000,");
    expect(csv).toContain("channel,sms,paid_within_5_days,10,1,,,");
  });
});

describe("experiments", () => {
  it("split new cases by person, the arms take effect, and stopping one makes the winner the policy", async () => {
    const caller = supervisor();
    const { experimentId } = await caller.staff.experiments.start({ creditorId, kind: "due_day", armA: "23", armB: "26" });
    await expect(caller.staff.experiments.start({ creditorId, kind: "letter_wording", armA: "standard", armB: "brief" })).rejects.toThrow();
    const [e] = await handle.db.select().from(experiments).where(eq(experiments.id, experimentId));

    const debtorIds = await people(60, "1990-03-03");
    const opened = await open(debtorIds, "kivra", "2026-10-02");
    for (const c of opened) {
      const arm = assignArm(e!.salt, c.debtorId);
      expect(c.experiment).toEqual({ id: experimentId, arm });
      // 23 Oct and 26 Oct 2026 are both bank days: each arm's due day is its own.
      expect(c.dueDate).toBe(arm === "a" ? "2026-10-23" : "2026-10-26");
    }
    // The same person's next case falls in the same arm.
    const again = await open([debtorIds[0]!], "kivra", "2026-10-02");
    expect(again[0]!.experiment!.arm).toBe(opened[0]!.experiment!.arm);
    const rows = await handle.db.select().from(experimentCases).where(eq(experimentCases.experimentId, experimentId));
    expect(rows).toHaveLength(61);

    // Arm b pays within 14 days far more often: all of b, none of a.
    const a = [...opened, ...again].filter((c) => c.experiment!.arm === "a");
    const b = [...opened, ...again].filter((c) => c.experiment!.arm === "b");
    await paidOn(b.map((c) => c.id), "2026-10-10");
    await refreshInsights(handle.db, now);
    const [view] = (await caller.staff.experiments.list()).filter((x) => x.id === experimentId);
    expect(view!.a.paid14).toMatchObject({ k: 0, n: a.length });
    expect(view!.b.paid14).toMatchObject({ k: b.length, n: b.length });
    expect(view!.verdict).toBe(a.length >= 20 && b.length >= 20 ? "second_higher" : "too_few");
    expect(view!.leader).toBe("b");

    const stopped = await caller.staff.experiments.stop({ experimentId, winner: "b" });
    const [policy] = await handle.db.select().from(creditorPolicies).where(eq(creditorPolicies.creditorId, creditorId));
    expect(policy).toMatchObject({ defaultDueDay: 26, version: stopped.policyVersion });
    const [version] = await handle.db.select().from(creditorPolicyVersions).where(and(eq(creditorPolicyVersions.creditorId, creditorId), eq(creditorPolicyVersions.version, stopped.policyVersion)));
    expect(version!.defaultDueDay).toBe(26);
    // After it stops, new cases take the policy and no arm.
    const after = await open(await people(3, "1990-03-03"), "kivra", "2026-10-02");
    expect(after.map((c) => [c.dueDate, c.experiment])).toEqual([
      ["2026-10-26", null],
      ["2026-10-26", null],
      ["2026-10-26", null],
    ]);
    await expect(caller.staff.experiments.stop({ experimentId, winner: "a" })).rejects.toThrow();
  });

  it("a reminder experiment moves the reminder, a wording experiment the letter", async () => {
    const caller = supervisor();
    const { experimentId } = await caller.staff.experiments.start({ creditorId, kind: "reminder_days", armA: "3", armB: "5" });
    // Letters on 3 Nov: due on the 26th by policy, a Thursday, so reminders on the 23rd (3 days) or the 21st (5 days).
    const opened = await open(await people(12, "1985-01-01"), "kivra", "2026-11-03");
    expect(new Set(opened.map((c) => c.dueDate))).toEqual(new Set(["2026-11-26"]));
    expect(new Set(opened.map((c) => c.reminderDaysBefore))).toEqual(new Set([3, 5]));
    await scheduleDueReminders(handle.db, new Date("2026-11-21T06:00:00Z"));
    await scheduleDueReminders(handle.db, new Date("2026-11-23T06:00:00Z"));
    const queued = await handle.db.select({ caseId: outbox.caseId, at: outbox.scheduledFor, payload: outbox.payload }).from(outbox).where(and(inArray(outbox.caseId, opened.map((c) => c.id)), eq(outbox.kind, "pre_due_reminder")));
    for (const c of opened) {
      const before = queued.find((q) => q.caseId === c.id && q.payload.when === "before")!;
      expect(before.at.toISOString().slice(0, 10)).toBe(c.reminderDaysBefore === 5 ? "2026-11-21" : "2026-11-23");
    }
    await caller.staff.experiments.stop({ experimentId, winner: "a" });

    await caller.staff.experiments.start({ creditorId, kind: "letter_wording", armA: "standard", armB: "brief" });
    const worded = await open(await people(12, "1985-01-01"), "kivra", "2026-11-03");
    for (const c of worded) {
      const content = await renderContent(handle.db, { debtorId: c.debtorId, caseId: c.id, kind: "collection_letter", payload: {}, language: "sv", now, bankgiro: "5050-1055" });
      expect(content.paragraphs[0]!.startsWith("Betala senast")).toBe(c.letterWording === "brief");
    }
    expect(new Set(worded.map((c) => c.letterWording))).toEqual(new Set(["standard", "brief"]));
  });
});

// The router is imported so a missing procedure fails to compile here rather than at run time.
void appRouter;
