import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, cases, instalmentPlans, instalments, outbox, planCases } from "../../db/schema";
import { cancelQueuedMessages, enqueueMessages } from "../outreach/enqueue";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { rollMissedInstalment, shouldLapse } from "../../domain/plans";
import { recordAudit } from "../audit/record";
import { caseOnHold } from "../holds/paused";
import { instalmentOcr } from "./propose";

/** Days after the due date before an unpaid instalment counts as missed (a bank payment takes a day or two). */
export const MISSED_AFTER_DAYS = 5;

/**
 * The daily look at plans: an instalment still unpaid five days after its date is missed. The plan
 * stays alive and the missing amount moves to the end; after two missed in a row the plan lapses,
 * its cases are free for a new plan, and the debtor is told plainly. A plan with a case on hold is
 * left alone until the hold ends. A plan whose cases are all
 * paid is completed. Each plan is handled in its own transaction; running twice changes nothing.
 */
export async function followUpPlans(db: Db, now: Date): Promise<{ missed: number; lapsed: number; completed: number }> {
  const today = todayInStockholm(now);
  const cutoff = addDays(today, -MISSED_AFTER_DAYS);
  const overdue = await db
    .selectDistinct({ planId: instalments.planId })
    .from(instalments)
    .innerJoin(instalmentPlans, eq(instalmentPlans.id, instalments.planId))
    .where(
      and(
        eq(instalments.status, "due"),
        lt(instalments.dueDate, cutoff),
        inArray(instalmentPlans.status, ["active", "paused"]),
        // A plan with a case on hold (a dispute, its ten days after a rejection, a staff hold) waits.
        sql`not exists (select 1 from ${planCases} where ${planCases.planId} = ${instalments.planId} and ${caseOnHold(planCases.caseId, today)})`,
      ),
    );
  const result = { missed: 0, lapsed: 0, completed: 0 };

  for (const { planId } of overdue) {
    await db.transaction(async (tx) => {
      const [plan] = await tx.select().from(instalmentPlans).where(eq(instalmentPlans.id, planId)).for("update");
      if (!plan || (plan.status !== "active" && plan.status !== "paused")) return;
      const schedule = await tx.select().from(instalments).where(eq(instalments.planId, planId)).orderBy(asc(instalments.seq));
      const caseIds = (await tx.select({ caseId: planCases.caseId }).from(planCases).where(eq(planCases.planId, planId))).map((r) => r.caseId);
      let missedInARow = plan.missedInARow;
      let rows = schedule.map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre - i.paidOre }));
      for (const i of schedule) {
        if (i.status !== "due" || i.dueDate >= cutoff) continue;
        await tx.update(instalments).set({ status: "missed" }).where(eq(instalments.id, i.id));
        missedInARow += 1;
        result.missed += 1;
        if (shouldLapse(missedInARow)) break;
        const rolled = rollMissedInstalment(rows, i.seq, today, plan.dueDay);
        const added = rolled.find((r) => !rows.some((x) => x.seq === r.seq))!;
        rows = rolled;
        await tx.insert(instalments).values({ planId, seq: added.seq, dueDate: added.dueDate, amountOre: added.amountOre, rolledFromSeq: i.seq, ocrReference: instalmentOcr() });
        await tx.insert(caseEvents).values(caseIds.map((caseId) => ({ caseId, kind: "instalment_missed", occurredOn: today, details: `${i.dueDate}` })));
        if (!shouldLapse(missedInARow)) {
          await enqueueMessages(tx, [{ debtorId: plan.debtorId, caseId: caseIds[0] ?? null, kind: "plan_missed", payload: { planId, seq: i.seq, dueDate: i.dueDate }, dedupeKey: `plan:${planId}:${i.seq}:missed`, scheduledFor: now }]);
        }
      }
      if (shouldLapse(missedInARow)) {
        await tx.update(instalmentPlans).set({ status: "lapsed", missedInARow, endedOn: today, updatedAt: now }).where(eq(instalmentPlans.id, planId));
        await tx.update(planCases).set({ live: 0 }).where(eq(planCases.planId, planId));
        await tx.update(cases).set({ status: "open", updatedAt: now }).where(and(inArray(cases.id, caseIds), eq(cases.status, "in_plan")));
        await cancelQueuedMessages(tx, and(eq(outbox.kind, "plan_reminder"), inArray(outbox.caseId, caseIds)));
        await enqueueMessages(tx, [{ debtorId: plan.debtorId, caseId: caseIds[0] ?? null, kind: "plan_lapsed", payload: { planId }, dedupeKey: `plan:${planId}:lapsed`, scheduledFor: now }]);
        await tx.insert(caseEvents).values(caseIds.map((caseId) => ({ caseId, kind: "plan_lapsed", occurredOn: today, details: planId })));
        await recordAudit(tx, { actorKind: "system", actorId: null, action: "plan.lapsed", subjectKind: "plan", subjectId: planId, debtorId: plan.debtorId });
        result.lapsed += 1;
      } else {
        await tx.update(instalmentPlans).set({ missedInARow, updatedAt: now }).where(eq(instalmentPlans.id, planId));
        await recordAudit(tx, { actorKind: "system", actorId: null, action: "plan.instalment_missed", subjectKind: "plan", subjectId: planId, debtorId: plan.debtorId, details: { missedInARow } });
      }
    });
  }

  // Plans whose cases are all paid are done.
  const live = await db
    .select({ planId: instalmentPlans.id, status: cases.status })
    .from(instalmentPlans)
    .innerJoin(planCases, eq(planCases.planId, instalmentPlans.id))
    .innerJoin(cases, eq(cases.id, planCases.caseId))
    .where(inArray(instalmentPlans.status, ["active", "paused"]));
  const done = [...new Set(live.map((r) => r.planId))].filter((id) => live.filter((r) => r.planId === id).every((r) => r.status === "paid"));
  for (const planId of done) {
    await db.transaction(async (tx) => {
      await tx.update(instalmentPlans).set({ status: "completed", endedOn: today, updatedAt: now }).where(eq(instalmentPlans.id, planId));
      await tx.update(planCases).set({ live: 0 }).where(eq(planCases.planId, planId));
      await recordAudit(tx, { actorKind: "system", actorId: null, action: "plan.completed", subjectKind: "plan", subjectId: planId });
    });
    result.completed += 1;
  }
  return result;
}
