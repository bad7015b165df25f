import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { StaffFrame } from "@/components/staff/staff-frame";
import { requireStaff } from "@/server/auth/require";
import { api, orNotFound } from "@/server/api/server-caller";
import { answerComplaintAction, releaseDataAccessAction } from "../../actions";
import { Back, Notice, staffButton, staffField, stockholmDateTime } from "../../parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffTalk"))("requestTitle") };
}

/** A complaint to answer in writing, or a data-access answer to release. */
export default async function StaffRequestPage({ params, searchParams }: { params: Promise<{ requestId: string }>; searchParams: Promise<{ error?: string }> }) {
  const viewer = await requireStaff();
  const { requestId } = await params;
  if (!z.string().uuid().safeParse(requestId).success) notFound();
  const r = await orNotFound((await api()).staff.requests.get({ requestId }));
  const t = await getTranslations("staffTalk");
  const query = await searchParams;
  return (
    <StaffFrame role={viewer.role} current="talk">
      <div className="space-y-6">
        <Back href="/staff/talk" label={t("title")} />
        <h1 className="text-3xl font-bold">
          {t(`kind.${r.kind}`)}: {r.debtorName}
        </h1>
        <Notice error={query.error ? t(`errors.${query.error as "answer_empty"}`) : null} />
        <p className="text-muted">
          {t("received", { at: stockholmDateTime(r.createdAt) })} · {t("dueOn", { date: r.dueOn })}
          {r.caseNumber ? ` · ${r.caseNumber}` : ""}
        </p>
        {r.kind === "complaint" && <p className="whitespace-pre-wrap break-words rounded-lg border border-line p-3">{r.body}</p>}
        {r.status === "answered" && <p className="font-semibold">{t("answeredAt", { at: stockholmDateTime(r.answeredAt!) })}</p>}
        {r.answer && <p className="whitespace-pre-wrap break-words rounded-lg bg-brand-50 p-3">{r.answer}</p>}
        {r.status === "open" && r.kind === "complaint" && (
          <form action={answerComplaintAction} className="space-y-3">
            <input type="hidden" name="requestId" value={r.id} />
            <label htmlFor="answer" className="block font-semibold">
              {t("answerLabel")}
            </label>
            <textarea id="answer" name="answer" rows={6} className={staffField} />
            <button type="submit" className={staffButton}>
              {t("answer")}
            </button>
          </form>
        )}
        {r.status === "open" && r.kind === "data_access" && (
          <form action={releaseDataAccessAction} className="space-y-3">
            <input type="hidden" name="requestId" value={r.id} />
            <p>{t("releaseLead")}</p>
            <button type="submit" className={staffButton}>
              {t("release")}
            </button>
          </form>
        )}
      </div>
    </StaffFrame>
  );
}
