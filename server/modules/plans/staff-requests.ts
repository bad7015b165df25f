import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, creditors, debtors, instalmentPlans, instalments, planCases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { planSignText } from "../../domain/plans";
import { recordAudit } from "../audit/record";
import { closeWorkItem } from "../work-items/work-items";
import { instalmentOcr, previewPlan } from "./propose";

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
    await closeWorkItem(tx, "plan_request", plan.id, input.now);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: input.approve ? "plan.approved" : "plan.rejected", subjectKind: "plan", subjectId: plan.id, debtorId: plan.debtorId, details: { note: input.note } });
    return { planId: plan.id, status };
  });
}

/** Marks the plan's cases free again: used when a plan ends in any way. */
export async function releasePlanCases(db: Pick<Db, "update">, planId: string) {
  await db.update(planCases).set({ live: 0 }).where(and(eq(planCases.planId, planId), eq(planCases.live, 1)));
}

/**
 * A person answers a plan asked for outside policy with terms of their own (a monthly amount or a
 * number of months): the plan is worked out again on today's balance and waits for the debtor's
 * BankID signature, as an approved plan does. Audited with both the asked and the offered terms.
 */
export async function counterOfferPlan(db: Db, input: { staffId: string; planId: string; monthlyOre?: number; months?: number; note: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(instalmentPlans).where(eq(instalmentPlans.id, input.planId)).for("update");
    if (!plan) throw new DomainError("plan_not_found");
    if (plan.status !== "requested") throw new DomainError("conflict_plan_already_decided");
    const caseIds = (await tx.select({ caseId: planCases.caseId }).from(planCases).where(eq(planCases.planId, plan.id))).map((c) => c.caseId);
    const method = plan.method === "manual" ? "bankgiro" : plan.method;
    // The request's own plan holds its cases; they are freed for the preview and taken again below.
    await tx.update(planCases).set({ live: 0 }).where(eq(planCases.planId, plan.id));
    const preview = await previewPlan(tx, { debtorId: plan.debtorId, answers: { caseIds, months: input.months ?? null, monthlyOre: input.months ? null : (input.monthlyOre ?? null), dueDay: plan.dueDay, method }, now: input.now });
    const [debtor] = await tx.select({ givenName: debtors.givenName, surname: debtors.surname, language: debtors.language }).from(debtors).where(eq(debtors.id, plan.debtorId));
    const signedText = planSignText(debtor!.language, {
      name: `${debtor!.givenName} ${debtor!.surname}`,
      cases: preview.cases.map((c) => ({ caseNumber: c.caseNumber, creditorName: c.creditorName })),
      instalments: preview.instalments,
      feeOre: preview.feeOre,
      interestOre: preview.interestOre,
      totalOre: preview.totalOre,
      ...(preview.annualRateBp > 0 ? { annualRateBp: preview.annualRateBp } : {}),
    });
    await tx.delete(instalments).where(eq(instalments.planId, plan.id));
    await tx.insert(instalments).values(preview.instalments.map((i) => ({ planId: plan.id, seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre, ocrReference: instalmentOcr() })));
    await tx.update(planCases).set({ live: 1 }).where(eq(planCases.planId, plan.id));
    await tx
      .update(instalmentPlans)
      .set({
        status: "awaiting_signature",
        monthlyOre: preview.monthlyOre,
        months: preview.months,
        feeOre: preview.feeOre,
        totalOre: preview.totalOre,
        interestEstimateOre: preview.interestOre,
        firstDueDate: preview.instalments[0]?.dueDate ?? null,
        signedText,
        policyVersions: preview.policyVersions,
        decidedByStaffId: input.staffId,
        decidedAt: input.now,
        decisionNote: input.note,
        updatedAt: input.now,
      })
      .where(eq(instalmentPlans.id, plan.id));
    await closeWorkItem(tx, "plan_request", plan.id, input.now);
    await recordAudit(tx, {
      actorKind: "staff",
      actorId: input.staffId,
      action: "plan.counter_offered",
      subjectKind: "plan",
      subjectId: plan.id,
      debtorId: plan.debtorId,
      details: { note: input.note, asked: { monthlyOre: plan.monthlyOre, months: plan.months }, offered: { monthlyOre: preview.monthlyOre, months: preview.months } },
    });
    return { planId: plan.id, status: "awaiting_signature" as const, monthlyOre: preview.monthlyOre, months: preview.months };
  });
}
