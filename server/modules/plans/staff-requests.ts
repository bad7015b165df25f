import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, creditors, debtors, instalmentPlans, planCases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit/record";

/** Plans asked for outside policy, oldest first, with what the debtor told us. Looking is audited. */
export async function listPlanRequests(db: Db, input: { staffId: string }) {
  const plans = await db
    .select({ plan: instalmentPlans, givenName: debtors.givenName, surname: debtors.surname })
    .from(instalmentPlans)
    .innerJoin(debtors, eq(debtors.id, instalmentPlans.debtorId))
    .where(eq(instalmentPlans.status, "requested"))
    .orderBy(asc(instalmentPlans.createdAt))
    .limit(200);
  const ids = plans.map((p) => p.plan.id);
  const caseRows = ids.length
    ? await db
        .select({ planId: planCases.planId, caseNumber: cases.caseNumber, creditorName: creditors.name })
        .from(planCases)
        .innerJoin(cases, eq(cases.id, planCases.caseId))
        .innerJoin(creditors, eq(creditors.id, cases.creditorId))
        .where(inArray(planCases.planId, ids))
    : [];
  await recordAudit(db, { actorKind: "staff", actorId: input.staffId, action: "plan_requests.viewed", details: { items: plans.length } });
  return plans.map(({ plan, givenName, surname }) => ({
    id: plan.id,
    debtorName: `${givenName} ${surname}`,
    monthlyOre: plan.monthlyOre,
    months: plan.months,
    dueDay: plan.dueDay,
    totalOre: plan.totalOre,
    reason: plan.requestReason ?? "",
    monthlyIncomeOre: plan.monthlyIncomeOre,
    monthlyCostsOre: plan.monthlyCostsOre,
    createdAt: plan.createdAt.toISOString(),
    cases: caseRows.filter((c) => c.planId === plan.id).map((c) => ({ caseNumber: c.caseNumber, creditorName: c.creditorName })),
  }));
}

/**
 * A person decides on a plan asked for outside policy: approved, it waits for the debtor's BankID
 * signature like any plan; refused, its cases are free for another plan. Audited with the decision.
 */
export async function decidePlanRequest(db: Db, input: { staffId: string; planId: string; approve: boolean; note: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(instalmentPlans).where(eq(instalmentPlans.id, input.planId)).for("update");
    if (!plan) throw new DomainError("plan_not_found");
    if (plan.status !== "requested") throw new DomainError("conflict_plan_already_decided");
    const status = input.approve ? ("awaiting_signature" as const) : ("rejected" as const);
    await tx
      .update(instalmentPlans)
      .set({ status, decidedByStaffId: input.staffId, decidedAt: input.now, decisionNote: input.note, updatedAt: input.now })
      .where(eq(instalmentPlans.id, plan.id));
    if (!input.approve) await tx.update(planCases).set({ live: 0 }).where(eq(planCases.planId, plan.id));
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: input.approve ? "plan.approved" : "plan.rejected", subjectKind: "plan", subjectId: plan.id, debtorId: plan.debtorId, details: { note: input.note } });
    return { planId: plan.id, status };
  });
}

/** Marks the plan's cases free again: used when a plan ends in any way. */
export async function releasePlanCases(db: Pick<Db, "update">, planId: string) {
  await db.update(planCases).set({ live: 0 }).where(and(eq(planCases.planId, planId), eq(planCases.live, 1)));
}
