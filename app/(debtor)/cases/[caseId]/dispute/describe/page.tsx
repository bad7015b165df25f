import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { api } from "@/server/api/server-caller";
import { primaryButton, StepFrame } from "../../../../plans/new/layout-parts";
import { saveDisputeDescriptionAction } from "../actions";
import { amountOf, disputable, disputeHref, loadCase, reasonOf, type DisputeParams } from "../wizard";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<DisputeParams & { error?: string }> };

const ERRORS = ["description_required", "description_too_long"] as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("dispute");
  const q = await searchParams;
  return { title: `${q.error ? (await getTranslations("common"))("errorPrefix") : ""}${t("describeHeading")}` };
}

/** Question 3: what happened, in the person's own words (kept on our side, never in the address). */
export default async function DisputeDescribePage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const c = await loadCase(caseId);
  if (!disputable(c)) redirect(`/cases/${c.id}`);
  const q = await searchParams;
  if (!reasonOf(q)) redirect(disputeHref(c.id, ""));
  if (!amountOf(q, c.balance.leftOre).ok) redirect(disputeHref(c.id, "amount", q));
  const t = await getTranslations("dispute");
  const common = await getTranslations("common");
  const draft = await (await api()).debtor.disputes.draft({ caseId: c.id });
  const value = draft?.description ?? "";
  const error = ERRORS.find((e) => e === q.error);
  const message = error && t(`errors.${error}`, { count: value.trim().length });

  return (
    <StepFrame
      back={disputeHref(c.id, "amount", q)}
      backLabel={t("back")}
      step={t("step", { n: 3 })}
      heading={t("describeHeading")}
      errorTitle={t("errorTitle")}
      errors={message ? [{ href: "#description", text: message }] : []}
    >
      <form action={saveDisputeDescriptionAction} className="space-y-6" noValidate>
        <input type="hidden" name="caseId" value={c.id} />
        <input type="hidden" name="reason" value={q.reason} />
        {q.part && <input type="hidden" name="part" value={q.part} />}
        {q.amount && <input type="hidden" name="amount" value={q.amount} />}
        <div className="space-y-2">
          <label htmlFor="description" className="block text-lg font-semibold">
            {t("describeLabel")}
          </label>
          <p id="description-hint" className="text-muted">
            {t("describeLead")} {t("describeHint")}
          </p>
          <FieldError id="description-error" prefix={common("errorPrefix")} text={message} />
          <textarea
            id="description"
            name="description"
            rows={8}
            defaultValue={value}
            aria-invalid={!!message || undefined}
            aria-describedby={message ? "description-error description-hint" : "description-hint"}
            className={`block w-full rounded-md border-2 p-3 text-lg ${message ? "border-error" : "border-ink"}`}
          />
        </div>
        <button type="submit" className={primaryButton}>
          {t("continue")}
        </button>
      </form>
    </StepFrame>
  );
}
