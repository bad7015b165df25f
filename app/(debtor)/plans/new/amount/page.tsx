import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { PlanLive } from "@/components/debtor/plan-live";
import { FieldError } from "@/components/form/error-summary";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { Carry, inputClass, optionClass, primaryButton, radioClass, StepFrame } from "../layout-parts";
import { answersOf, stepHref, type WizardParams } from "../wizard";

type Props = { searchParams: Promise<WizardParams & { submit?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("plan");
  const params = await searchParams;
  const a = answersOf(params);
  const invalid = !!params.submit && !a.monthlyOre && !a.months;
  return { title: `${invalid ? (await getTranslations("common"))("errorPrefix") : ""}${t("amountHeading")}` };
}

/** Question 1: how much a month, or how many months; the other is shown as the person types. */
export default async function PlanAmountPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  const answers = answersOf(params);
  if (answers.caseIds.length === 0) redirect("/plans/new");
  const t = await getTranslations("plan");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  let base;
  try {
    base = await (await api()).debtor.plans.preview({ caseIds: answers.caseIds, months: 1, dueDay: 26, method: "bankgiro", replacesPlanId: answers.replaces });
  } catch (error) {
    if (error instanceof TRPCError) redirect(answers.caseIds.length === 1 ? `/cases/${answers.caseIds[0]}` : "/cases");
    throw error;
  }

  const errors: { field: string; text: string }[] = [];
  if (params.submit) {
    if (params.by !== "monthly" && params.by !== "months") errors.push({ field: "by-monthly", text: t("errors.by_required") });
    else if (params.by === "monthly" && !answers.monthlyOre) errors.push({ field: "monthly", text: t("errors.monthly_invalid") });
    else if (params.by === "months" && !answers.months) errors.push({ field: "months", text: t("errors.months_invalid") });
    if (errors.length === 0) redirect(stepHref("day", params));
  }
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.text;

  return (
    <StepFrame
      back={stepHref("", params)}
      backLabel={t("back")}
      step={t("step", { n: 1 })}
      heading={t("amountHeading")}
      errorTitle={t("errorTitle")}
      errors={errors.map((e) => ({ href: `#${e.field}`, text: e.text }))}
    >
      <p className="text-lg">{t("amountLead", { amount: money(base.balanceOre + base.feeOre, locale) })}</p>
      <form id="plan-amount" method="get" className="space-y-6" noValidate>
        <Carry params={{ ...params }} except={["by", "monthly", "months"]} />
        <input type="hidden" name="submit" value="1" />
        <fieldset className="space-y-3" aria-describedby="policy-hint">
          <legend className="sr-only">{t("amountHeading")}</legend>
          <p id="policy-hint" className="text-muted">
            {t("policyHint", { min: money(base.policy.minInstalmentOre, locale), max: base.policy.maxPlanMonths })}
          </p>
          <FieldError id="by-error" prefix={common("errorPrefix")} text={errorFor("by-monthly")} />
          <div className={optionClass}>
            <input id="by-monthly" type="radio" name="by" value="monthly" defaultChecked={params.by !== "months"} className={radioClass} />
            <div className="flex-1 space-y-1">
              <label htmlFor="by-monthly" className="block font-semibold">
                {t("byMonthly")}
              </label>
              <label htmlFor="monthly" className="block">
                {t("byMonthlyLabel")}
              </label>
              <FieldError id="monthly-error" prefix={common("errorPrefix")} text={errorFor("monthly")} />
              <input
                id="monthly"
                name="monthly"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={params.monthly ?? ""}
                aria-invalid={!!errorFor("monthly") || undefined}
                aria-describedby={errorFor("monthly") ? "monthly-error" : undefined}
                className={inputClass(!!errorFor("monthly"))}
              />
            </div>
          </div>
          <div className={optionClass}>
            <input id="by-months" type="radio" name="by" value="months" defaultChecked={params.by === "months"} className={radioClass} />
            <div className="flex-1 space-y-1">
              <label htmlFor="by-months" className="block font-semibold">
                {t("byMonths")}
              </label>
              <label htmlFor="months" className="block">
                {t("byMonthsLabel")}
              </label>
              <FieldError id="months-error" prefix={common("errorPrefix")} text={errorFor("months")} />
              <input
                id="months"
                name="months"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={params.months ?? ""}
                aria-invalid={!!errorFor("months") || undefined}
                aria-describedby={errorFor("months") ? "months-error" : undefined}
                className={inputClass(!!errorFor("months"))}
              />
            </div>
          </div>
        </fieldset>
        <PlanLive formId="plan-amount" params={params} />
        <button type="submit" className={primaryButton}>
          {t("continue")}
        </button>
      </form>
    </StepFrame>
  );
}
