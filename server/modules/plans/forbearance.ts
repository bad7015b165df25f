import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, cases, creditorPolicies, instalmentPlans, instalments, outbox, planCases } from "../../db/schema";
import { reminderAt, reminderExpiresAt } from "../../domain/outreach";
import { cancelQueuedMessages, rescheduleQueuedMessage } from "../outreach/enqueue";
import { addDays, todayInStockholm, type IsoDate } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { moveInstalment as moveRule, pausePlan as pauseRule, postponeDueDate as postponeRule } from "../../domain/plans";
import { recordAudit } from "../audit/record";


/**
 * Moves one instalment a little later (up to 14 days, once per instalment), at once and without
 * asking anyone. Its reminders move with it; the change is logged on the plan's cases.
 */
export async function moveDebtorInstalment(db: Db, input: { debtorId: string; instalmentId: string; newDate: IsoDate; now: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ i: instalments, planStatus: instalmentPlans.status, planId: instalmentPlans.id })
      .from(instalments)
      .innerJoin(instalmentPlans, eq(instalmentPlans.id, instalments.planId))
      .where(and(eq(instalments.id, input.instalmentId), eq(instalmentPlans.debtorId, input.debtorId)))
      .for("update", { of: instalments });
    if (!row) throw new DomainError("instalment_not_found");
    if (row.planStatus !== "active" && row.planStatus !== "paused") throw new DomainError("conflict_plan_not_active");
    if (row.i.status !== "due" || row.i.paidOre >= row.i.amountOre) throw new DomainError("conflict_instalment_not_due");
    const today = todayInStockholm(input.now);
    const moved = moveRule({ dueDate: row.i.dueDate, movedFrom: row.i.movedFrom }, input.newDate, today);
    await tx.update(instalments).set({ dueDate: moved.dueDate, movedFrom: row.i.dueDate }).where(eq(instalments.id, row.i.id));
    await rescheduleQueuedMessage(tx, `plan:${row.planId}:${row.i.seq}:before`, reminderAt(addDays(moved.dueDate, -3)), reminderExpiresAt(moved.dueDate));
    await rescheduleQueuedMessage(tx, `plan:${row.planId}:${row.i.seq}:due`, reminderAt(moved.dueDate), reminderExpiresAt(moved.dueDate));
    const caseIds = (await tx.select({ caseId: planCases.caseId }).from(planCases).where(eq(planCases.planId, row.planId))).map((r) => r.caseId);
    await tx.insert(caseEvents).values(caseIds.map((caseId) => ({ caseId, kind: "instalment_moved", occurredOn: today, details: `${row.i.dueDate}→${moved.dueDate}` })));
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "instalment.moved", subjectKind: "instalment", subjectId: row.i.id, debtorId: input.debtorId, details: { from: row.i.dueDate, to: moved.dueDate } });
    return { instalmentId: row.i.id, from: row.i.dueDate, dueDate: moved.dueDate };
  });
}

/**
 * Moves a case's due date to after payday, within the creditor's limit and once per case,
 * confirmed at once. A payment order is not sought before the new date has passed.
 */
export async function postponeDebtorDueDate(db: Db, input: { debtorId: string; caseId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: cases, maxShift: creditorPolicies.maxDueDateShiftDays })
      .from(cases)
      .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
      .where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)))
      .for("update", { of: cases });
    if (!row) throw new DomainError("case_not_found");
    if (row.c.status !== "open" || row.c.disputed) throw new DomainError("conflict_case_not_open");
    const today = todayInStockholm(input.now);
    const newDate = postponeRule(row.c.dueDate, row.maxShift ?? 14, row.c.dueDateMovedOn !== null, today);
    const paymentOrderFrom = row.c.paymentOrderFrom && row.c.paymentOrderFrom <= addDays(newDate, 14) ? addDays(newDate, 14) : row.c.paymentOrderFrom;
    await tx
      .update(cases)
      .set({ dueDate: newDate, dueDateMovedOn: today, dueDateMovedFrom: row.c.dueDate, paymentOrderFrom, updatedAt: input.now })
      .where(eq(cases.id, row.c.id));
    // Reminders about the old date are rescheduled to the new one.
    await cancelQueuedMessages(tx, and(eq(outbox.caseId, row.c.id), like(outbox.kind, "pre_due%")));
    await tx.insert(caseEvents).values({ caseId: row.c.id, kind: "due_date_moved", occurredOn: today, details: `${row.c.dueDate}→${newDate}` });
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "case.due_date_moved", subjectKind: "case", subjectId: row.c.id, debtorId: input.debtorId, details: { from: row.c.dueDate, to: newDate } });
    return { caseId: row.c.id, from: row.c.dueDate, dueDate: newDate };
  });
}

/** Pauses a plan for a month when every creditor in it allows it (once per plan). */
export async function pauseDebtorPlan(db: Db, input: { debtorId: string; planId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(instalmentPlans)
      .where(and(eq(instalmentPlans.id, input.planId), eq(instalmentPlans.debtorId, input.debtorId)))
      .for("update");
    if (!plan) throw new DomainError("plan_not_found");
    if (plan.status !== "active" || plan.pausesUsed > 0) throw new DomainError("conflict_plan_cannot_pause");
    const caseIds = (await tx.select({ caseId: planCases.caseId }).from(planCases).where(eq(planCases.planId, plan.id))).map((r) => r.caseId);
    const policies = await tx
      .select({ allow: creditorPolicies.allowPlanPause })
      .from(cases)
      .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
      .where(inArray(cases.id, caseIds));
    const today = todayInStockholm(input.now);
    const open = await tx
      .select()
      .from(instalments)
      .where(and(eq(instalments.planId, plan.id), eq(instalments.status, "due")))
      .orderBy(asc(instalments.seq));
    const paused = pauseRule(
      open.map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre })),
      policies.every((p) => p.allow === true),
      today,
      plan.dueDay,
    );
    for (const i of paused.instalments) await tx.update(instalments).set({ dueDate: i.dueDate }).where(and(eq(instalments.planId, plan.id), eq(instalments.seq, i.seq)));
    for (const i of paused.instalments) {
      await rescheduleQueuedMessage(tx, `plan:${plan.id}:${i.seq}:before`, reminderAt(addDays(i.dueDate, -3)), reminderExpiresAt(i.dueDate));
      await rescheduleQueuedMessage(tx, `plan:${plan.id}:${i.seq}:due`, reminderAt(i.dueDate), reminderExpiresAt(i.dueDate));
    }
    await tx.update(instalmentPlans).set({ pausesUsed: plan.pausesUsed + 1, pausedUntil: paused.pausedUntil, updatedAt: input.now }).where(eq(instalmentPlans.id, plan.id));
    await tx.insert(caseEvents).values(caseIds.map((caseId) => ({ caseId, kind: "plan_paused", occurredOn: today, details: paused.pausedUntil })));
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "plan.paused", subjectKind: "plan", subjectId: plan.id, debtorId: input.debtorId, details: { until: paused.pausedUntil } });
    return { planId: plan.id, pausedUntil: paused.pausedUntil };
  });
}
