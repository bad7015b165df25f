import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { optionClass, primaryButton, radioClass, StepFrame } from "../../../plans/new/layout-parts";
import { disputable, disputeHref, loadCase, reasonOf, type DisputeParams } from "./wizard";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<DisputeParams & { submit?: string }> };

const CHOICES = ["not_received", "already_paid", "wrong_amount", "other"] as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("dispute");
  const q = await searchParams;
  const invalid = !!q.submit && !reasonOf(q) && q.reason !== "cant_pay";
  return { title: `${invalid ? (await getTranslations("common"))("errorPrefix") : ""}${t("reasonHeading")}` };
}

/** Question 1: what is wrong. "I can't pay" is offered too, and leads to help instead of a dispute. */
export default async function DisputeReasonPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const c = await loadCase(caseId);
  if (!disputable(c)) redirect(`/cases/${c.id}`);
  const q = await searchParams;
  const t = await getTranslations("dispute");
  const common = await getTranslations("common");
  const errors: { href: string; text: string }[] = [];
  if (q.submit) {
    if (q.reason === "cant_pay") redirect(disputeHref(c.id, "cant-pay"));
    if (reasonOf(q)) redirect(disputeHref(c.id, "amount", { reason: q.reason, part: q.part, amount: q.amount }));
    errors.push({ href: "#reason-not_received", text: t("errors.reason_required") });
  }

  return (
    <StepFrame back={`/cases/${c.id}`} backLabel={t("backToCase")} step={t("step", { n: 1 })} heading={t("reasonHeading")} errorTitle={t("errorTitle")} errors={errors}>
      <p className="text-lg">{t("reasonLead")}</p>
      <form method="get" className="space-y-6" noValidate>
        <input type="hidden" name="submit" value="1" />
        {q.part && <input type="hidden" name="part" value={q.part} />}
        {q.amount && <input type="hidden" name="amount" value={q.amount} />}
        <fieldset className="space-y-3" aria-describedby={errors.length ? "reason-error" : undefined}>
          <legend className="sr-only">{t("reasonHeading")}</legend>
          <FieldError id="reason-error" prefix={common("errorPrefix")} text={errors[0]?.text} />
          {CHOICES.map((reason) => (
            <label key={reason} htmlFor={`reason-${reason}`} className={optionClass}>
              <input id={`reason-${reason}`} type="radio" name="reason" value={reason} defaultChecked={q.reason === reason} className={radioClass} />
              <span className="font-semibold">{t(`reason.${reason}`)}</span>
            </label>
          ))}
          <p className="pt-2 text-muted">{t("or")}</p>
          <label htmlFor="reason-cant_pay" className={optionClass}>
            <input id="reason-cant_pay" type="radio" name="reason" value="cant_pay" defaultChecked={q.reason === "cant_pay"} className={radioClass} aria-describedby="cant-pay-hint" />
            <span>
              <span className="block font-semibold">{t("reason.cant_pay")}</span>
              <span id="cant-pay-hint" className="block text-muted">
                {t("cantPayHint")}
              </span>
            </span>
          </label>
        </fieldset>
        <button type="submit" className={primaryButton}>
          {t("continue")}
        </button>
      </form>
    </StepFrame>
  );
}
