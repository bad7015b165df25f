import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { requirePerson } from "@/server/auth/require";
import { Carry, optionClass, primaryButton, radioClass, StepFrame } from "../layout-parts";
import { answersOf, stepHref, type WizardParams } from "../wizard";

type Props = { searchParams: Promise<WizardParams & { submit?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const invalid = !!params.submit && answersOf(params).method === null;
  return { title: `${invalid ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("plan"))("methodHeading")}` };
}

/** Question 3: how each instalment is paid. */
export default async function PlanMethodPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  const answers = answersOf(params);
  if (answers.dueDay === null) redirect(stepHref("day", params));
  const t = await getTranslations("plan");
  const common = await getTranslations("common");
  const invalid = !!params.submit && answers.method === null;
  if (params.submit && !invalid) redirect(stepHref("check", params));
  const methods = [
    { value: "swish", label: t("methodSwish"), hint: t("methodSwishHint") },
    { value: "card", label: t("methodCard"), hint: t("methodCardHint") },
    { value: "bankgiro", label: t("methodBankgiro"), hint: t("methodBankgiroHint") },
  ];

  return (
    <StepFrame
      back={stepHref("day", params)}
      backLabel={t("back")}
      step={t("step", { n: 3 })}
      heading={t("methodHeading")}
      errorTitle={t("errorTitle")}
      errors={invalid ? [{ href: "#method-swish", text: t("errors.method_required") }] : []}
    >
      <form method="get" className="space-y-6" noValidate>
        <Carry params={{ ...params }} except={["method"]} />
        <input type="hidden" name="submit" value="1" />
        <fieldset className="space-y-3" aria-describedby={invalid ? "method-error" : undefined}>
          <legend className="sr-only">{t("methodHeading")}</legend>
          <FieldError id="method-error" prefix={common("errorPrefix")} text={invalid ? t("errors.method_required") : null} />
          {methods.map((m) => (
            <label key={m.value} className={optionClass}>
              <input id={`method-${m.value}`} type="radio" name="method" value={m.value} defaultChecked={params.method === m.value} className={radioClass} />
              <span>
                <span className="block font-semibold">{m.label}</span>
                <span className="block text-muted">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className={primaryButton}>
          {t("continue")}
        </button>
      </form>
    </StepFrame>
  );
}
