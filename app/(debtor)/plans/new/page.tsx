import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { Carry, optionClass, primaryButton, radioClass, StepFrame } from "./layout-parts";
import { caseIdsOf, stepHref, type WizardParams } from "./wizard";

type Props = { searchParams: Promise<WizardParams & { case?: string | string[]; submit?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("title") };
}

/** Question 0: which cases go into the plan (asked only when there is more than one to choose). */
export default async function PlanCasesPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  const t = await getTranslations("plan");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const { cases } = await (await api()).debtor.cases.list();
  const plannable = cases.filter((c) => c.state === "to_pay");
  const picked = Array.isArray(params.case) ? params.case : params.case ? [params.case] : [];
  const chosen = picked.length > 0 ? caseIdsOf({ cases: picked.join(",") }) : caseIdsOf(params);
  const from = picked.length === 1 && !params.submit ? picked[0] : undefined;

  if (params.submit && chosen.length > 0) redirect(stepHref("amount", { ...params, cases: chosen.join(",") }));
  if (plannable.length === 1) redirect(stepHref("amount", { ...params, cases: plannable[0]!.id }));
  const errors = params.submit ? [{ href: `#case-${plannable[0]?.id}`, text: t("errors.cases_required") }] : [];

  return (
    <StepFrame back={from ? `/cases/${from}` : "/cases"} backLabel={t("back")} heading={t("casesHeading")} errorTitle={t("errorTitle")} errors={errors}>
      {plannable.length === 0 ? (
        <p>{t("errors.conflict_case_not_plannable")}</p>
      ) : (
        <form method="get" action="/plans/new" className="space-y-6" noValidate>
          <Carry params={{ ...params, case: undefined, cases: undefined }} except={["cases", "case"]} />
          <input type="hidden" name="submit" value="1" />
          <fieldset className="space-y-3" aria-describedby="cases-hint">
            <legend className="sr-only">{t("casesHeading")}</legend>
            <p id="cases-hint" className="text-muted">
              {t("casesHint")}
            </p>
            {errors.length > 0 && (
              <p className="font-semibold text-error">
                <span className="sr-only">{common("errorPrefix")}</span>
                {t("errors.cases_required")}
              </p>
            )}
            {plannable.map((c) => (
              <label key={c.id} className={optionClass}>
                <input id={`case-${c.id}`} type="checkbox" name="case" value={c.id} defaultChecked={chosen.includes(c.id)} className={radioClass} />
                <span>{t("caseOption", { creditor: c.creditorName, number: c.caseNumber, amount: money(c.leftOre, locale) })}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className={primaryButton}>
            {t("continue")}
          </button>
        </form>
      )}
    </StepFrame>
  );
}
