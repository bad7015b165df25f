import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import type { DbHandle } from "../../db/client";
import { auditEvents, bankidOrders, cases, charges, debtors, instalmentPlans, instalments, outbox, planCases, staffUsers } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { isBankDay } from "../../domain/calendar";
import { debtorViewer, testContext } from "../../testing/context";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { hashBinding } from "../bankid-login/binding";
import { postponeDebtorDueDate, moveDebtorInstalment, pauseDebtorPlan } from "./forbearance";
import { followUpPlans } from "./follow-up";
import { previewPlan, proposePlan } from "./propose";
import { bookPayments } from "../payments/book";
import { getDebtorCase } from "../cases/get-debtor-case";
import { listDebtorCases } from "../cases/list-debtor-cases";
import { completePlanSigning } from "./sign";
import { decidePlanRequest } from "./staff-requests";

const NOW = new Date("2026-11-24T10:00:00Z");
const BINDING = "test-browser-binding";
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
});
afterAll(() => handle.close());

/** What BankID's collect leaves behind once the person has signed: a finished sign order. */
async function signedOrder(planId: string, debtorId: string, text?: string) {
  const [debtor] = await handle.db.select().from(debtors).where(eq(debtors.id, debtorId));
  const [plan] = await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId));
  const [order] = await handle.db
    .insert(bankidOrders)
    .values({
      orderRef: `order-${planId}-${Math.random()}`,
      kind: "sign",
      purpose: `plan:${planId}`,
      browserBindingHash: hashBinding(BINDING),
      qrStartToken: "t",
      qrStartSecret: "s",
      autoStartToken: "a",
      status: "complete",
      personalNumberHash: debtor!.personalNumberHash,
      completion: { signature: "PHNpZ25hdHVyZT4=", ocspResponse: "b2NzcA==", user: { name: "x" } },
      userVisibleText: text ?? plan!.signedText,
    })
    .returning();
  return order!.id;
}

const livePlansFor = async (caseId: string) => (await handle.db.select({ n: count() }).from(planCases).where(and(eq(planCases.caseId, caseId), eq(planCases.live, 1))))[0]!.n;

describe("a plan inside policy", () => {
  it("is previewed, saved, signed with BankID and then in force, in one go", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const telecom = caseIds[0]!;
    const answers = { caseIds: [telecom], months: 3, dueDay: 26, method: "bankgiro" as const };
    const preview = await previewPlan(handle.db, { debtorId, answers, now: NOW });
    expect(preview.inside).toBe(true);
    expect(preview.instalments.reduce((s, i) => s + i.amountOre, 0)).toBe(preview.totalOre);
    expect(preview.totalOre).toBe(preview.balanceOre + preview.feeOre + preview.interestOre);
    expect(preview.feeOre).toBe(17_000);
    expect(preview.instalments.every((i) => isBankDay(i.dueDate))).toBe(true);

    const { planId, status } = await proposePlan(handle.db, { debtorId, answers, locale: "sv", now: NOW });
    expect(status).toBe("awaiting_signature");
    const [plan] = await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId));
    expect(plan!.signedText).toContain("Avbetalningsplan");

    // Signed by someone else, or a different text: refused.
    const sara = await signedOrder(planId, ids.sara!.debtorId);
    await expect(completePlanSigning(handle.db, { debtorId, planId, orderId: sara, binding: BINDING, now: NOW })).rejects.toMatchObject({ code: "forbidden_signed_by_someone_else" });
    const other = await signedOrder(planId, debtorId, "another text");
    await expect(completePlanSigning(handle.db, { debtorId, planId, orderId: other, binding: BINDING, now: NOW })).rejects.toMatchObject({ code: "conflict_signed_text_differs" });
    const wrongBrowser = await signedOrder(planId, debtorId);
    await expect(completePlanSigning(handle.db, { debtorId, planId, orderId: wrongBrowser, binding: "someone-else", now: NOW })).rejects.toMatchObject({ code: "bankid_order_not_found" });

    const orderId = await signedOrder(planId, debtorId);
    await completePlanSigning(handle.db, { debtorId, planId, orderId, binding: BINDING, now: NOW });
    await expect(completePlanSigning(handle.db, { debtorId, planId, orderId, binding: BINDING, now: NOW })).rejects.toMatchObject({ code: "bankid_order_not_found" });

    const [active] = await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId));
    expect(active).toMatchObject({ status: "active", signature: "PHNpZ25hdHVyZT4=" });
    expect((await handle.db.select().from(cases).where(eq(cases.id, telecom)))[0]!.status).toBe("in_plan");
    const fee = await handle.db.select().from(charges).where(and(eq(charges.caseId, telecom), eq(charges.kind, "plan_fee")));
    expect(fee.map((f) => f.amountOre)).toEqual([17_000]);
    const reminders = await handle.db.select().from(outbox).where(and(eq(outbox.kind, "plan_reminder"), eq(outbox.debtorId, debtorId)));
    expect(reminders).toHaveLength(6);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.subjectId, planId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["plan.proposed", "plan.signed"]));

    // Forbearance: one instalment moved once; a plan of a creditor that allows no pause is not paused.
    const [first] = await handle.db.select().from(instalments).where(and(eq(instalments.planId, planId), eq(instalments.seq, 1)));
    const later = [1, 2, 3, 4, 5, 6, 7].map((n) => new Date(Date.parse(`${first!.dueDate}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)).find(isBankDay)!;
    const moved = await moveDebtorInstalment(handle.db, { debtorId, instalmentId: first!.id, newDate: later, now: NOW });
    expect(moved).toMatchObject({ from: first!.dueDate, dueDate: later });
    await expect(moveDebtorInstalment(handle.db, { debtorId, instalmentId: first!.id, newDate: later, now: NOW })).rejects.toMatchObject({ code: "instalment_already_moved" });
    await expect(moveDebtorInstalment(handle.db, { debtorId: ids.anna!.debtorId, instalmentId: first!.id, newDate: later, now: NOW })).rejects.toMatchObject({ code: "instalment_not_found" });
    await expect(pauseDebtorPlan(handle.db, { debtorId, planId, now: NOW })).rejects.toMatchObject({ code: "plan_pause_not_allowed" });

    // A bank payment with the second instalment's own OCR number finds it.
    const [second] = await handle.db.select().from(instalments).where(and(eq(instalments.planId, planId), eq(instalments.seq, 2)));
    const [outcome] = await handle.db.transaction((tx) =>
      bookPayments(tx, [{ idempotencyKey: "test:instalment-2", method: "bankgiro", amountOre: second!.amountOre, bookedOn: "2026-11-24", ocrReference: second!.ocrReference, referenceChecked: true }], { kind: "system", id: null }),
    );
    expect(outcome).toMatchObject({ status: "booked", caseId: telecom, allocatedOre: second!.amountOre });
    const [paidSecond] = await handle.db.select().from(instalments).where(eq(instalments.id, second!.id));
    expect(paidSecond).toMatchObject({ status: "paid", paidOre: second!.amountOre, paidOn: "2026-11-24" });

    // The overview and the case page name the plan's next instalment: the first, moved; not the paid second.
    const overview = await listDebtorCases(handle.db, { debtorId, asOf: "2026-11-24" });
    expect(overview.cases.find((c) => c.id === telecom)).toMatchObject({ state: "in_plan", nextDate: later, nextAmountOre: first!.amountOre });
    expect(overview.cases.filter((c) => c.id !== telecom).every((c) => c.nextAmountOre === null)).toBe(true);
    expect((await getDebtorCase(handle.db, { debtorId, caseId: telecom, asOf: "2026-11-24" })).plan).toEqual({
      id: planId,
      status: "active",
      next: { dueDate: later, amountOre: first!.amountOre },
    });

    // Changing the amount makes a new plan that is signed again; the old one ends, no second fee.
    const change = await proposePlan(handle.db, { debtorId, answers: { ...answers, months: 5 }, locale: "sv", now: NOW, replacesPlanId: planId });
    const [replacement] = await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, change.planId));
    expect(replacement).toMatchObject({ status: "awaiting_signature", feeOre: 0, replacesPlanId: planId });
    expect(await livePlansFor(telecom)).toBe(1);
    await completePlanSigning(handle.db, { debtorId, planId: change.planId, orderId: await signedOrder(change.planId, debtorId), binding: BINDING, now: NOW });
    const [old] = await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId));
    expect(old!.status).toBe("cancelled");
    expect((await getDebtorCase(handle.db, { debtorId, caseId: telecom, asOf: "2026-11-24" })).plan?.id).toBe(change.planId);
    expect(await livePlansFor(telecom)).toBe(1);
    expect((await handle.db.select().from(planCases).where(and(eq(planCases.caseId, telecom), eq(planCases.live, 1))))[0]!.planId).toBe(change.planId);
    expect(await handle.db.select().from(charges).where(and(eq(charges.caseId, telecom), eq(charges.kind, "plan_fee")))).toHaveLength(1);
    await expect(proposePlan(handle.db, { debtorId: ids.anna!.debtorId, answers, locale: "sv", now: NOW, replacesPlanId: change.planId })).rejects.toMatchObject({ code: "plan_not_found" });
  });
});

describe("one live plan per case", () => {
  it("two requests at the same moment make one plan, and the database refuses a second live plan", async () => {
    const { debtorId, caseIds } = ids.sara!;
    const answers = { caseIds: [caseIds[1]!], months: 2, dueDay: 26, method: "swish" as const };
    const results = await Promise.allSettled([
      proposePlan(handle.db, { debtorId, answers, locale: "sv", now: NOW }),
      proposePlan(handle.db, { debtorId, answers, locale: "en", now: NOW }),
    ]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict_plan_exists" });
    expect(await livePlansFor(caseIds[1]!)).toBe(1);

    const [plan] = await handle.db.insert(instalmentPlans).values({ debtorId, status: "active", monthlyOre: 1, months: 1, dueDay: 26, method: "swish", totalOre: 1 }).returning();
    await expect(handle.db.insert(planCases).values({ planId: plan!.id, caseId: caseIds[1]!, live: 1 })).rejects.toThrow();
    expect(await livePlansFor(caseIds[1]!)).toBe(1);
  });
});

describe("a plan outside policy", () => {
  it("is not accepted on its own; asked for anyway it waits for a person, who may approve it", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const shop = caseIds[1]!;
    const answers = { caseIds: [shop], months: 12, dueDay: 26, method: "card" as const };
    const preview = await previewPlan(handle.db, { debtorId, answers, now: NOW });
    expect(preview.inside).toBe(false);
    expect(preview.reasons).toContain("too_long");
    await expect(proposePlan(handle.db, { debtorId, answers, locale: "sv", now: NOW })).rejects.toMatchObject({ code: "plan_outside_policy" });
    const { planId, status } = await proposePlan(handle.db, { debtorId, answers, locale: "sv", now: NOW, request: { reason: "Jag har föräldraledighet till mars.", monthlyIncomeOre: 1_800_000, monthlyCostsOre: 1_600_000 } });
    expect(status).toBe("requested");
    const [agent] = await handle.db.select().from(staffUsers).where(eq(staffUsers.role, "agent"));
    const staff = createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: agent!.id, role: "agent", displayName: "Maria" }));
    const queue = await staff.staff.plans.requests();
    expect(queue.find((q) => q.id === planId)).toMatchObject({ reason: "Jag har föräldraledighet till mars.", monthlyIncomeOre: 1_800_000 });
    await decidePlanRequest(handle.db, { staffId: agent!.id, planId, approve: true, note: "OK", now: NOW });
    await expect(decidePlanRequest(handle.db, { staffId: agent!.id, planId, approve: false, note: "", now: NOW })).rejects.toMatchObject({ code: "conflict_plan_already_decided" });
    const mine = createCaller(testContext(handle.db, debtorViewer(debtorId)));
    expect((await mine.debtor.plans.get({ planId })).status).toBe("awaiting_signature");
    await expect(createCaller(testContext(handle.db, debtorViewer(ids.anna!.debtorId))).debtor.plans.get({ planId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("moving a due date and following plans up", () => {
  it("moves a case's due date to after payday once", async () => {
    const { debtorId, caseIds } = ids.anna!;
    const moved = await postponeDebtorDueDate(handle.db, { debtorId, caseId: caseIds[0]!, now: NOW });
    expect(moved.dueDate > moved.from).toBe(true);
    expect(isBankDay(moved.dueDate)).toBe(true);
    await expect(postponeDebtorDueDate(handle.db, { debtorId, caseId: caseIds[0]!, now: NOW })).rejects.toMatchObject({ code: "due_date_already_moved" });
    await expect(postponeDebtorDueDate(handle.db, { debtorId: ids.erik!.debtorId, caseId: caseIds[0]!, now: NOW })).rejects.toMatchObject({ code: "case_not_found" });
  });

  it("a missed instalment moves to the end; two in a row end the plan and free the case", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const answers = { caseIds, months: 6, dueDay: 26, method: "bankgiro" as const };
    const { planId } = await proposePlan(handle.db, { debtorId, answers, locale: "sv", now: NOW });
    await completePlanSigning(handle.db, { debtorId, planId, orderId: await signedOrder(planId, debtorId), binding: BINDING, now: NOW });
    const paused = await pauseDebtorPlan(handle.db, { debtorId, planId, now: NOW });
    expect(paused.pausedUntil).toBe("2026-12-24");
    const schedule = await handle.db.select().from(instalments).where(eq(instalments.planId, planId)).orderBy(instalments.seq);

    const afterFirst = new Date(Date.parse(`${schedule[0]!.dueDate}T12:00:00Z`) + 6 * 86_400_000);
    // Other plans in this database are followed up too; this plan's own rows tell what happened to it.
    const planRow = async () => (await handle.db.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId)))[0]!;
    await followUpPlans(handle.db, afterFirst);
    expect(await followUpPlans(handle.db, afterFirst)).toMatchObject({ missed: 0, lapsed: 0 });
    expect(await planRow()).toMatchObject({ status: "active", missedInARow: 1 });
    const rolled = await handle.db.select().from(instalments).where(eq(instalments.planId, planId)).orderBy(instalments.seq);
    expect(rolled).toHaveLength(7);
    expect(rolled[6]).toMatchObject({ rolledFromSeq: 1, amountOre: schedule[0]!.amountOre });

    const afterSecond = new Date(Date.parse(`${schedule[1]!.dueDate}T12:00:00Z`) + 6 * 86_400_000);
    await followUpPlans(handle.db, afterSecond);
    expect(await planRow()).toMatchObject({ status: "lapsed", missedInARow: 2 });
    expect(await livePlansFor(caseIds[0]!)).toBe(0);
    expect((await handle.db.select().from(cases).where(eq(cases.id, caseIds[0]!)))[0]!.status).toBe("open");
    expect(await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, `plan:${planId}:lapsed`))).toHaveLength(1);
  });
});
