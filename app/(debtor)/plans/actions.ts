"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";
import { parseMoney } from "@/server/domain/money";
import type { RequestState } from "@/components/debtor/plan-request-form";
import { keepRequestDraft } from "./new/request/draft";
import { answersOf, stepHref, type WizardParams } from "./new/wizard";

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");

function paramsOf(form: FormData): WizardParams {
  const get = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : undefined);
  return { cases: get("cases"), by: get("by"), monthly: get("monthly"), months: get("months"), day: get("day"), dayOther: get("dayOther"), method: get("method"), replaces: get("replaces") };
}

function planInput(params: WizardParams) {
  const a = answersOf(params);
  if (a.caseIds.length === 0 || a.dueDay === null || a.method === null || (!a.monthlyOre && !a.months)) return null;
  return { caseIds: a.caseIds, monthlyOre: a.monthlyOre, months: a.months, dueDay: a.dueDay, method: a.method, replaces: a.replaces };
}

/** From "check your answers" to signing: the plan is saved and waits for the BankID signature. */
export async function proposePlanAction(form: FormData) {
  const params = paramsOf(form);
  const input = planInput(params);
  if (!input) redirect(stepHref("check", params));
  let planId: string;
  try {
    const { replaces, ...answers } = input;
    ({ planId } = await (await api()).debtor.plans.propose({ answers, replacesPlanId: replaces ?? undefined }));
  } catch (error) {
    redirect(`${stepHref("check", params)}&error=${codeOf(error)}`);
  }
  redirect(`/plans/${planId}/sign`);
}

const optionalMoney = (text: string) => (text.trim() === "" ? null : parseMoney(text));

/**
 * A plan outside policy goes to a person, with the debtor's reason and, if given, their budget. A
 * plain form: when it is refused, what was typed waits in a short-lived cookie (never the address,
 * as the reason is the person's own words) and the page shows it again with the errors.
 */
export async function requestPlanAction(form: FormData) {
  const params = paramsOf(form);
  const values = { reason: String(form.get("reason") ?? "").slice(0, 2000), income: String(form.get("income") ?? "").slice(0, 40), costs: String(form.get("costs") ?? "").slice(0, 40) };
  const errors: RequestState["errors"] = {};
  const reason = z.string().trim().min(1).max(2000).safeParse(values.reason);
  if (!reason.success) errors.reason = "reason_required";
  const income = optionalMoney(values.income);
  const costs = optionalMoney(values.costs);
  if (values.income.trim() !== "" && income === null) errors.income = "money_invalid";
  if (values.costs.trim() !== "" && costs === null) errors.costs = "money_invalid";
  const input = planInput(params);
  if (!input) errors.form = "unknown";
  const refuse = async (state: RequestState): Promise<never> => {
    await keepRequestDraft(state);
    redirect(`${stepHref("request", params)}&refused=1`);
  };
  if (Object.keys(errors).length > 0 || !input || !reason.success) return refuse({ errors, values });
  let planId: string | undefined;
  try {
    const { replaces, ...answers } = input;
    ({ planId } = await (await api()).debtor.plans.propose({
      answers,
      replacesPlanId: replaces ?? undefined,
      request: { reason: reason.data, monthlyIncomeOre: income, monthlyCostsOre: costs },
    }));
  } catch (error) {
    await refuse({ errors: { form: codeOf(error) }, values });
  }
  redirect(`/plans/${planId}`);
}

/** Moves one instalment to the chosen date. */
export async function moveInstalmentAction(form: FormData) {
  const planId = z.string().uuid().parse(form.get("planId"));
  const instalmentId = z.string().uuid().parse(form.get("instalmentId"));
  const newDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).safeParse(form.get("newDate"));
  if (!newDate.success) redirect(`/plans/${planId}/move/${instalmentId}?error=date_required`);
  let moved: string;
  try {
    ({ dueDate: moved } = await (await api()).debtor.plans.moveInstalment({ instalmentId, newDate: newDate.data }));
  } catch (error) {
    redirect(`/plans/${planId}/move/${instalmentId}?error=${codeOf(error)}`);
  }
  redirect(`/plans/${planId}?moved=${moved}`);
}

/** Pauses the plan for a month. */
export async function pausePlanAction(form: FormData) {
  const planId = z.string().uuid().parse(form.get("planId"));
  let until: string;
  try {
    ({ pausedUntil: until } = await (await api()).debtor.plans.pause({ planId }));
  } catch (error) {
    redirect(`/plans/${planId}?error=${codeOf(error)}`);
  }
  redirect(`/plans/${planId}?paused=${until}`);
}

/** Moves a case's due date to after payday. */
export async function postponeDueDateAction(form: FormData) {
  const caseId = z.string().uuid().parse(form.get("caseId"));
  let moved: string;
  try {
    ({ dueDate: moved } = await (await api()).debtor.cases.postpone({ caseId }));
  } catch (error) {
    redirect(`/cases/${caseId}/postpone?error=${codeOf(error)}`);
  }
  redirect(`/cases/${caseId}?postponed=${moved}`);
}
