import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, cases, creditorPolicies, creditors, instalmentPlans, instalments, planCases } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";

/** The debtor's plans, newest first, with their cases: for the overview and the case page. */
export async function listDebtorPlans(db: Db, input: { debtorId: string }) {
  const plans = await db.select().from(instalmentPlans).where(eq(instalmentPlans.debtorId, input.debtorId)).orderBy(desc(instalmentPlans.createdAt));
  const ids = plans.map((p) => p.id);
  const links = ids.length ? await db.select().from(planCases).where(inArray(planCases.planId, ids)) : [];
  return plans.map((p) => ({
    id: p.id,
    status: p.status,
    monthlyOre: p.monthlyOre,
    months: p.months,
    createdAt: p.createdAt.toISOString(),
    caseIds: links.filter((l) => l.planId === p.id).map((l) => l.caseId),
    live: links.some((l) => l.planId === p.id && l.live === 1),
  }));
}

/**
 * One plan of the debtor with its instalments and what may be done with it now. Another
 * person's plan is "not found".
 */
export async function getDebtorPlan(db: Db, input: { debtorId: string; planId: string; now: Date }) {
  const [plan] = await db
    .select()
    .from(instalmentPlans)
    .where(and(eq(instalmentPlans.id, input.planId), eq(instalmentPlans.debtorId, input.debtorId)));
  if (!plan) throw new DomainError("plan_not_found");
  const today = todayInStockholm(input.now);
  const [caseRows, schedule] = await Promise.all([
    db
      .select({ id: cases.id, caseNumber: cases.caseNumber, creditorName: creditors.name, allowPlanPause: creditorPolicies.allowPlanPause })
      .from(planCases)
      .innerJoin(cases, eq(cases.id, planCases.caseId))
      .innerJoin(creditors, eq(creditors.id, cases.creditorId))
      .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
      .where(eq(planCases.planId, plan.id))
      .orderBy(asc(cases.dueDate)),
    db.select().from(instalments).where(eq(instalments.planId, plan.id)).orderBy(asc(instalments.seq)),
  ]);
  const events = caseRows.length
    ? await db
        .select()
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, caseRows.map((c) => c.id)))
        .orderBy(desc(caseEvents.occurredOn), desc(caseEvents.createdAt))
        .limit(30)
    : [];
  const active = plan.status === "active" || plan.status === "paused";
  const next = schedule.find((i) => i.status !== "paid" && i.status !== "missed");
  return {
    id: plan.id,
    status: plan.status,
    monthlyOre: plan.monthlyOre,
    months: plan.months,
    dueDay: plan.dueDay,
    method: plan.method,
    feeOre: plan.feeOre,
    interestEstimateOre: plan.interestEstimateOre,
    totalOre: plan.totalOre,
    signedAt: plan.signedAt?.toISOString() ?? null,
    pausedUntil: plan.pausedUntil,
    missedInARow: plan.missedInARow,
    decisionNote: plan.decisionNote,
    requestReason: plan.requestReason,
    cases: caseRows.map((c) => ({ id: c.id, caseNumber: c.caseNumber, creditorName: c.creditorName })),
    instalments: schedule.map((i) => ({
      id: i.id,
      seq: i.seq,
      dueDate: i.dueDate,
      amountOre: i.amountOre,
      paidOre: i.paidOre,
      status: i.status === "due" && i.dueDate < today ? ("late" as const) : i.status,
      ocrReference: i.ocrReference,
      movedFrom: i.movedFrom,
      // Each instalment may be moved once, while it is still to pay.
      canMove: active && i.status === "due" && !i.movedFrom && i.paidOre < i.amountOre,
    })),
    nextInstalmentId: next?.id ?? null,
    canPause: plan.status === "active" && plan.pausesUsed === 0 && caseRows.length > 0 && caseRows.every((c) => c.allowPlanPause === true),
    canChange: active,
    events: events.map((e) => ({ kind: e.kind, occurredOn: e.occurredOn, details: e.details })),
  };
}

export type DebtorPlan = Awaited<ReturnType<typeof getDebtorPlan>>;
