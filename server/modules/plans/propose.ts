import { randomInt } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { debtors, instalmentPlans, instalments, planCases } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { workItemDueBy } from "../../domain/work-deadlines";
import { DomainError } from "../../domain/errors";
import { rateOn } from "../../domain/interest";
import { makeOcr } from "../../domain/ocr";
import { buildSchedule, checkPlanAgainstPolicy, PLAN_FEE_CAP_ORE, planSignText, type PlanPolicy } from "../../domain/plans";
import { recordAudit } from "../audit/record";
import { caseState } from "../cases/case-state";
import { loadDebtorLedgers, loadRates } from "../cases/load-ledgers";
import { isUniqueViolation } from "../payments/book";
import { openWorkItem } from "../work-items/work-items";

export interface PlanAnswers {
  caseIds: string[];
  /** The person answers one of the two; the other is worked out. */
  monthlyOre?: number | null;
  months?: number | null;
  dueDay: number;
  method: "swish" | "card" | "bankgiro";
}

/** Several creditors in one plan: the plan must fit every one of their policies. */
export function combinePolicies(policies: PlanPolicy[]): PlanPolicy {
  return {
    minInstalmentOre: Math.max(...policies.map((p) => p.minInstalmentOre)),
    maxPlanMonths: Math.min(...policies.map((p) => p.maxPlanMonths)),
    maxDueDateShiftDays: Math.min(...policies.map((p) => p.maxDueDateShiftDays)),
    chargePlanFee: policies.some((p) => p.chargePlanFee),
    allowPlanPause: policies.every((p) => p.allowPlanPause),
  };
}

const DEFAULT_POLICY: PlanPolicy = { minInstalmentOre: 20000, maxPlanMonths: 12, maxDueDateShiftDays: 14, chargePlanFee: true, allowPlanPause: false };

/**
 * What a plan for these cases would look like, before anything is saved: every instalment's date
 * and amount, the fee, the interest still to come, the total, and whether it is inside the
 * creditors' policy (and if not, why).
 */
export async function previewPlan(db: Queryable, input: { debtorId: string; answers: PlanAnswers; now: Date; replacesPlanId?: string }) {
  const today = todayInStockholm(input.now);
  const { answers } = input;
  const ledgers = (await loadDebtorLedgers(db, { debtorId: input.debtorId, asOf: today })).filter((l) => answers.caseIds.includes(l.case.id));
  if (ledgers.length === 0 || ledgers.length !== new Set(answers.caseIds).size) throw new DomainError("case_not_found");
  // A new plan is for cases still to pay; a changed plan takes over its own cases.
  const allowed = input.replacesPlanId ? ["to_pay", "in_plan"] : ["to_pay"];
  if (ledgers.some((l) => !allowed.includes(caseState(l)))) throw new DomainError("conflict_case_not_plannable");
  if (!Number.isInteger(answers.dueDay) || answers.dueDay < 1 || answers.dueDay > 28) throw new DomainError("plan_due_day_invalid");

  const policy = combinePolicies(ledgers.map((l) => l.policy ?? DEFAULT_POLICY));
  const balanceOre = ledgers.reduce((s, l) => s + l.balance.leftOre, 0);
  // The plan fee is charged once: a changed plan carries none.
  const feeOre = policy.chargePlanFee && !input.replacesPlanId ? PLAN_FEE_CAP_ORE : 0;
  if (!answers.months && !answers.monthlyOre) throw new DomainError("plan_amount_required");
  if (answers.months && (!Number.isInteger(answers.months) || answers.months < 1 || answers.months > 120)) throw new DomainError("plan_months_invalid");

  const rates = await loadRates(db);
  const principalOre = ledgers.reduce((s, l) => s + l.balance.principal.leftOre, 0);
  // Interest keeps running on what is left of the principal; one yearly rate for the estimate.
  const annualRateBp = Math.max(...ledgers.map((l) => rateOn(today, rates, l.case.interestMarginBp)));
  const schedule = buildSchedule({
    balanceOre,
    feeOre,
    interest: principalOre > 0 ? { principalOre, annualRateBp } : null,
    months: answers.months ?? null,
    monthlyOre: answers.months ? null : (answers.monthlyOre ?? null),
    dueDay: answers.dueDay,
    today,
  });
  const monthlyOre = schedule.instalments[0]!.amountOre;
  const check = checkPlanAgainstPolicy({ monthlyOre, months: schedule.instalments.length }, policy);
  return {
    cases: ledgers.map((l) => ({ id: l.case.id, caseNumber: l.case.caseNumber, creditorId: l.creditor.id, creditorName: l.creditor.name, leftOre: l.balance.leftOre })),
    balanceOre,
    monthlyOre,
    months: schedule.instalments.length,
    dueDay: answers.dueDay,
    method: answers.method,
    instalments: schedule.instalments,
    feeOre: schedule.feeOre,
    interestOre: schedule.interestOre,
    totalOre: schedule.totalOre,
    annualRateBp: principalOre > 0 ? annualRateBp : 0,
    inside: check.inside,
    reasons: check.reasons,
    policy: { minInstalmentOre: policy.minInstalmentOre, maxPlanMonths: policy.maxPlanMonths, allowPlanPause: policy.allowPlanPause },
    /** The version of each creditor's policy this preview was checked against. */
    policyVersions: Object.fromEntries(ledgers.filter((l) => l.policy).map((l) => [l.creditor.id, l.policy!.version])),
  };
}

export type PlanPreview = Awaited<ReturnType<typeof previewPlan>>;

/** An instalment's own OCR number (with a length digit), so a bank payment finds it. */
export function instalmentOcr(): string {
  return makeOcr(`8${String(randomInt(0, 10 ** 12)).padStart(12, "0")}`, { withLength: true });
}

/**
 * Saves a plan. Inside policy it waits for the debtor's BankID signature; outside policy it goes
 * to a person (with the debtor's reason and, if given, their budget). A case has at most one live
 * plan: the database refuses a second, so two requests at the same moment make one plan. An
 * unsigned plan the debtor made earlier for the same cases is replaced.
 */
export async function proposePlan(
  db: Db,
  input: { debtorId: string; answers: PlanAnswers; locale: "sv" | "en"; now: Date; request?: { reason: string; monthlyIncomeOre?: number | null; monthlyCostsOre?: number | null }; replacesPlanId?: string },
) {
  try {
    return await db.transaction(async (tx) => {
      if (input.replacesPlanId) {
        const [old] = await tx
          .select({ id: instalmentPlans.id })
          .from(instalmentPlans)
          .where(and(eq(instalmentPlans.id, input.replacesPlanId), eq(instalmentPlans.debtorId, input.debtorId), inArray(instalmentPlans.status, ["active", "paused"])));
        if (!old) throw new DomainError("plan_not_found");
      }
      const preview = await previewPlan(tx, { ...input, replacesPlanId: input.replacesPlanId });
      if (!preview.inside && !input.request) throw new DomainError("plan_outside_policy", undefined, { reasons: preview.reasons });
      const status = preview.inside ? ("awaiting_signature" as const) : ("requested" as const);

      // An unsigned plan of this debtor for any of these cases gives way to the new one.
      const stale = await tx
        .select({ id: instalmentPlans.id })
        .from(instalmentPlans)
        .innerJoin(planCases, eq(planCases.planId, instalmentPlans.id))
        .where(and(eq(instalmentPlans.debtorId, input.debtorId), eq(instalmentPlans.status, "awaiting_signature"), inArray(planCases.caseId, input.answers.caseIds), eq(planCases.live, 1)));
      if (stale.length > 0) {
        const ids = [...new Set(stale.map((s) => s.id))];
        await tx.update(instalmentPlans).set({ status: "cancelled", updatedAt: input.now }).where(inArray(instalmentPlans.id, ids));
        await tx.update(planCases).set({ live: 0 }).where(inArray(planCases.planId, ids));
      }

      const [debtor] = await tx.select({ givenName: debtors.givenName, surname: debtors.surname }).from(debtors).where(eq(debtors.id, input.debtorId));
      const signedText = planSignText(input.locale, {
        name: `${debtor!.givenName} ${debtor!.surname}`,
        cases: preview.cases.map((c) => ({ caseNumber: c.caseNumber, creditorName: c.creditorName })),
        instalments: preview.instalments,
        feeOre: preview.feeOre,
        interestOre: preview.interestOre,
        totalOre: preview.totalOre,
        ...(preview.annualRateBp > 0 ? { annualRateBp: preview.annualRateBp } : {}),
      });
      const [plan] = await tx
        .insert(instalmentPlans)
        .values({
          debtorId: input.debtorId,
          status,
          monthlyOre: preview.monthlyOre,
          months: preview.months,
          dueDay: preview.dueDay,
          method: input.answers.method,
          feeOre: preview.feeOre,
          totalOre: preview.totalOre,
          interestEstimateOre: preview.interestOre,
          firstDueDate: preview.instalments[0]?.dueDate ?? null,
          requestReason: input.request?.reason ?? null,
          monthlyIncomeOre: input.request?.monthlyIncomeOre ?? null,
          monthlyCostsOre: input.request?.monthlyCostsOre ?? null,
          signedText,
          replacesPlanId: input.replacesPlanId ?? null,
          policyVersions: preview.policyVersions,
        })
        .returning({ id: instalmentPlans.id });
      // A replacement becomes live when it is signed, in the same transaction that ends the old plan.
      await tx.insert(planCases).values(preview.cases.map((c) => ({ planId: plan!.id, caseId: c.id, live: input.replacesPlanId ? 0 : 1 })));
      await tx.insert(instalments).values(preview.instalments.map((i) => ({ planId: plan!.id, seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre, ocrReference: instalmentOcr() })));
      if (status === "requested") {
        const first = preview.cases[0]!;
        await openWorkItem(tx, { kind: "plan_request", subjectId: plan!.id, debtorId: input.debtorId, caseId: first.id, creditorId: first.creditorId, dueBy: workItemDueBy("plan_request", input.now), summary: first.caseNumber });
      }
      await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: status === "requested" ? "plan.requested" : "plan.proposed", subjectKind: "plan", subjectId: plan!.id, debtorId: input.debtorId, details: { months: preview.months, totalOre: preview.totalOre, inside: preview.inside } });
      return { planId: plan!.id, status };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict_plan_exists");
    throw error;
  }
}
