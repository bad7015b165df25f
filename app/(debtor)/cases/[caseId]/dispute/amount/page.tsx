import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { inputClass, optionClass, primaryButton, radioClass, StepFrame } from "../../../../plans/new/layout-parts";
import { amountOf, disputable, disputeHref, loadCase, reasonOf, type DisputeParams } from "../wizard";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<DisputeParams & { submit?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("dispute");
  const q = await searchParams;
  return { title: `${q.submit && q.part !== "all" ? (await getTranslations("common"))("errorPrefix") : ""}${t("amountHeading")}` };
}

/** Question 2: all of what is left, or a part of it (in kronor, at most what is left). */
export default async function DisputeAmountPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const c = await loadCase(caseId);
  if (!disputable(c)) redirect(`/cases/${c.id}`);
  const q = await searchParams;
  if (!reasonOf(q)) redirect(disputeHref(c.id, ""));
  const t = await getTranslations("dispute");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const left = c.balance.leftOre;

  const errors: { field: string; text: string }[] = [];
  if (q.submit) {
    const result = amountOf(q, left);
    if (result.ok) redirect(disputeHref(c.id, "describe", { reason: q.reason, part: result.part, amount: result.part === "part" ? q.amount : undefined }));
    const field = result.error === "part_required" ? "part-all" : "amount";
    errors.push({ field, text: t(`errors.${result.error === "nothing_left" ? "unknown" : result.error}`, { amount: money(left, locale) }) });
  }
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.text;

  return (
    <StepFrame
      back={disputeHref(c.id, "", q)}
      backLabel={t("back")}
      step={t("step", { n: 2 })}
      heading={t("amountHeading")}
      errorTitle={t("errorTitle")}
      errors={errors.map((e) => ({ href: `#${e.field}`, text: e.text }))}
    >
      <p className="text-lg">{t("amountLead", { amount: money(left, locale) })}</p>
      <form method="get" className="space-y-6" noValidate>
        <input type="hidden" name="reason" value={q.reason} />
        <input type="hidden" name="submit" value="1" />
        <fieldset className="space-y-3">
          <legend className="sr-only">{t("amountHeading")}</legend>
          <FieldError id="part-error" prefix={common("errorPrefix")} text={errorFor("part-all")} />
          <label htmlFor="part-all" className={optionClass}>
            <input id="part-all" type="radio" name="part" value="all" defaultChecked={q.part === "all"} className={radioClass} />
            <span className="font-semibold">{t("part.all", { amount: money(left, locale) })}</span>
          </label>
          <div className={optionClass}>
            <input id="part-part" type="radio" name="part" value="part" defaultChecked={q.part === "part"} className={radioClass} aria-describedby="amount-hint" />
            <div className="flex-1 space-y-1">
              <label htmlFor="part-part" className="block font-semibold">
                {t("part.part")}
              </label>
              <label htmlFor="amount" className="block">
                {t("amountLabel")}
              </label>
              <p id="amount-hint" className="text-muted">
                {t("amountHint")}
              </p>
              <FieldError id="amount-error" prefix={common("errorPrefix")} text={errorFor("amount")} />
              <input
                id="amount"
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={q.amount ?? ""}
                aria-invalid={!!errorFor("amount") || undefined}
                aria-describedby={errorFor("amount") ? "amount-error amount-hint" : "amount-hint"}
                className={inputClass(!!errorFor("amount"))}
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
