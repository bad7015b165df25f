import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { fileSize } from "@/components/debtor/talk-parts";
import { FieldError } from "@/components/form/error-summary";
import { api } from "@/server/api/server-caller";
import { primaryButton, StepFrame } from "../../../../plans/new/layout-parts";
import { saveDisputeDescriptionAction } from "../actions";
import { amountOf, disputable, disputeHref, loadCase, reasonOf, type DisputeParams } from "../wizard";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<DisputeParams & { error?: string }> };

const ERRORS = ["description_required", "description_too_long"] as const;
const FILE_ERRORS = ["too_many_files", "file_empty", "file_too_large", "type_not_allowed", "pdf_unreadable", "name_does_not_match"] as const;

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
  const a = await getTranslations("attachments");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as "sv" | "en";
  const draft = await (await api()).debtor.disputes.draft({ caseId: c.id });
  const value = draft?.description ?? "";
  const files = draft?.files ?? [];
  const error = ERRORS.find((e) => e === q.error);
  const message = error && t(`errors.${error}`, { count: value.trim().length });
  const fileCode = q.error === "file" ? FILE_ERRORS.find((e) => e === draft?.fileError?.code) : undefined;
  const fileMessage = fileCode && a(`errors.${fileCode}`, { name: draft?.fileError?.fileName ?? "" });
  const summary = [...(message ? [{ href: "#description", text: message }] : []), ...(fileMessage ? [{ href: "#files", text: fileMessage }] : [])];

  return (
    <StepFrame
      back={disputeHref(c.id, "amount", q)}
      backLabel={t("back")}
      step={t("step", { n: 3 })}
      heading={t("describeHeading")}
      errorTitle={t("errorTitle")}
      errors={summary}
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
        <div className="space-y-2">
          <label htmlFor="files" className="block text-lg font-semibold">
            {a("label")}
          </label>
          <p id="files-hint" className="text-muted">
            {t("filesLead")} {a("hint")}
          </p>
          {files.length > 0 && (
            <div>
              <h2 className="font-semibold">{a("listLabel")}</h2>
              <ul className="divide-y divide-line border-y border-line">
                {files.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="break-all">
                      {f.fileName} ({fileSize(f.sizeBytes, locale)})
                    </span>
                    <button type="submit" name="remove" value={f.id} formNoValidate className="min-h-11 px-2 font-semibold text-brand-700 underline underline-offset-4">
                      {a("remove", { name: f.fileName })}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <FieldError id="files-error" prefix={common("errorPrefix")} text={fileMessage ? `${fileMessage} ${a("chooseAgain")}` : null} />
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-invalid={!!fileMessage || undefined}
            aria-describedby={`files-hint${fileMessage ? " files-error" : ""}`}
            className="block w-full text-lg file:mr-3 file:min-h-11 file:rounded-md file:border-2 file:border-brand-700 file:bg-transparent file:px-4 file:font-semibold file:text-brand-700"
          />
        </div>
        <button type="submit" className={primaryButton}>
          {t("continue")}
        </button>
      </form>
    </StepFrame>
  );
}
