import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { FieldError } from "@/components/form/error-summary";
import { fieldClass, primaryButton, TalkFrame } from "@/components/debtor/talk-parts";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { complaintAction } from "../actions";

type Props = { searchParams: Promise<{ case?: string; error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("talk"))("complaint.title")}` };
}

/** A complaint about how we handled something: in the person's own words, answered within 5 bank days. */
export default async function ComplaintPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("talk");
  const common = await getTranslations("common");
  const query = await searchParams;
  const caller = await api();
  const draft = await caller.debtor.requests.complaintDraft();
  const { cases } = await caller.debtor.cases.list();
  const code = query.error ? (draft?.errorCode ?? (query.error === "1" ? null : "unknown")) : null;
  const text = code ? t(`errors.${code as "complaint_empty"}`) : null;
  const chosen = z.string().uuid().safeParse(query.case).success ? query.case : "";

  return (
    <TalkFrame back="/contact" backLabel={t("back")} heading={t("complaint.heading")} lead={t("complaint.lead")} errorTitle={t("errorTitle")} errors={text ? [{ href: "#body", text }] : []}>
      <ul className="list-disc space-y-1 pl-6">
        <li>{t("complaint.point1")}</li>
        <li>{t("complaint.point2")}</li>
        <li>{t("complaint.point3")}</li>
      </ul>
      <form action={complaintAction} className="space-y-6" noValidate>
        {cases.length > 0 && (
          <div>
            <label htmlFor="caseId" className="block text-lg font-semibold">
              {t("complaint.caseLabel")}
            </label>
            <select id="caseId" name="caseId" defaultValue={chosen} className={`${fieldClass(false)} max-w-80 bg-paper`}>
              <option value="">{t("complaint.noCase")}</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.caseNumber} – {c.creditorName}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="body" className="block text-lg font-semibold">
            {t("complaint.bodyLabel")}
          </label>
          <p id="body-hint" className="text-muted">
            {t("complaint.bodyHint")}
          </p>
          <FieldError id="body-error" prefix={common("errorPrefix")} text={text} />
          <textarea
            id="body"
            name="body"
            rows={8}
            defaultValue={draft?.body ?? ""}
            aria-invalid={!!text || undefined}
            aria-describedby={`body-hint${text ? " body-error" : ""}`}
            className={fieldClass(!!text)}
          />
        </div>
        <button type="submit" className={primaryButton}>
          {t("complaint.submit")}
        </button>
      </form>
    </TalkFrame>
  );
}
