import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { requirePerson } from "@/server/auth/require";
import { Carry, inputClass, optionClass, primaryButton, radioClass, StepFrame } from "../layout-parts";
import { answersOf, stepHref, type WizardParams } from "../wizard";

type Props = { searchParams: Promise<WizardParams & { submit?: string }> };

/** After payday on the 25th. */
const SUGGESTED_DAY = 26;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const invalid = !!params.submit && answersOf(params).dueDay === null;
  return { title: `${invalid ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("plan"))("dayHeading")}` };
}

/** Question 2: the day of the month; the 26th (after payday) is suggested and chosen by default. */
export default async function PlanDayPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  const answers = answersOf(params);
  if (answers.caseIds.length === 0 || (!answers.monthlyOre && !answers.months)) redirect(stepHref("amount", params));
  const t = await getTranslations("plan");
  const common = await getTranslations("common");
  const invalid = !!params.submit && answers.dueDay === null;
  if (params.submit && !invalid) redirect(stepHref("method", params));
  const other = params.day === "other";

  return (
    <StepFrame
      back={stepHref("amount", params)}
      backLabel={t("back")}
      step={t("step", { n: 2 })}
      heading={t("dayHeading")}
      errorTitle={t("errorTitle")}
      errors={invalid ? [{ href: other ? "#dayOther" : "#day-suggested", text: t("errors.day_invalid") }] : []}
    >
      <p className="text-lg">{t("dayLead")}</p>
      <form method="get" className="space-y-6" noValidate>
        <Carry params={{ ...params }} except={["day", "dayOther"]} />
        <input type="hidden" name="submit" value="1" />
        <fieldset className="space-y-3">
          <legend className="sr-only">{t("dayHeading")}</legend>
          <FieldError id="day-error" prefix={common("errorPrefix")} text={invalid ? t("errors.day_invalid") : null} />
          <label className={optionClass}>
            <input id="day-suggested" type="radio" name="day" value={String(SUGGESTED_DAY)} defaultChecked={!other} className={radioClass} />
            <span className="font-semibold">{t("daySuggested", { day: SUGGESTED_DAY })}</span>
          </label>
          <div className={optionClass}>
            <input id="day-other" type="radio" name="day" value="other" defaultChecked={other} className={radioClass} />
            <div className="flex-1 space-y-1">
              <label htmlFor="day-other" className="block font-semibold">
                {t("dayOther")}
              </label>
              <label htmlFor="dayOther" className="block">
                {t("dayOtherLabel")}
              </label>
              <input
                id="dayOther"
                name="dayOther"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={params.dayOther ?? ""}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? "day-error" : undefined}
                className={inputClass(invalid && other)}
              />
            </div>
          </div>
        </fieldset>
        <button type="submit" className={primaryButton}>
          {t("continue")}
        </button>
      </form>
    </StepFrame>
  );
}
