import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { StaffFrame } from "@/components/staff/staff-frame";
import { requireStaff } from "@/server/auth/require";
import { api, orNotFound } from "@/server/api/server-caller";
import { handledAction, replyAction } from "../../actions";
import { Back, Notice, staffButton, staffField, staffLink, staffSecondary, stockholmDateTime } from "../../parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffTalk"))("threadTitle") };
}

/** A thread for staff: every message with its files, a reply, and "handled". */
export default async function StaffThreadPage({ params, searchParams }: { params: Promise<{ threadId: string }>; searchParams: Promise<{ done?: string; error?: string; template?: string }> }) {
  const viewer = await requireStaff();
  const { threadId } = await params;
  if (!z.string().uuid().safeParse(threadId).success) notFound();
  const thread = await orNotFound((await api()).staff.talk.thread({ threadId }));
  const t = await getTranslations("staffTalk");
  const query = await searchParams;
  const caller = await api();
  const templates = await caller.staff.templates.list();
  const templateId = z.string().uuid().safeParse(query.template).data;
  // A reply template filled in with this person's and this case's facts, in their language.
  const filled = templateId ? await caller.staff.templates.render({ templateId, debtorId: thread.debtorId, caseId: thread.caseId }).catch(() => null) : null;
  return (
    <StaffFrame role={viewer.role} current="talk">
      <div className="space-y-6">
        <Back href="/staff/talk" label={t("title")} />
        <h1 className="text-3xl font-bold">
          {thread.debtorName} – {thread.caseNumber ?? t("general")}
        </h1>
        <p>
          <Link href={`/staff/debtors/${thread.debtorId}`} className={staffLink}>
            {t("person", { name: thread.debtorName })}
          </Link>
        </p>
        <Notice done={query.done ? t(`done.${query.done as "replied"}`) : null} error={query.error ? t(`errors.${query.error as "message_empty"}`) : null} />
        <p className="text-muted">
          {t(`status.${thread.status}`)}
          {thread.status === "waiting_for_us" && thread.replyDueOn ? ` · ${t("dueOn", { date: thread.replyDueOn })}` : ""}
        </p>
        <ol className="space-y-3" aria-label={t("messagesLabel")}>
          {thread.messages.map((m) => (
            <li key={m.id} className={`rounded-lg p-3 space-y-1 ${m.author === "staff" ? "bg-brand-50" : "border border-line"}`}>
              <p className="text-sm text-muted">
                <span className="font-semibold">{m.author === "staff" ? (m.staffName ?? t("us")) : thread.debtorName}</span> · {stockholmDateTime(m.createdAt)}
                {m.author === "staff" && m.readAt ? ` · ${t("readAt", { at: stockholmDateTime(m.readAt) })}` : ""}
              </p>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
              {m.attachments.length > 0 && (
                <ul>
                  {m.attachments.map((f) => (
                    <li key={f.id}>
                      <a href={`/staff/attachments/${f.id}`} className={staffLink}>
                        {t("download", { name: f.fileName })}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {templates.length > 0 && (
          <form method="get" action={`/staff/talk/threads/${thread.id}#body`} className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="template" className="block font-semibold">
                {t("template")}
              </label>
              <select id="template" name="template" defaultValue={templateId ?? ""} className={staffField}>
                {templates.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {tpl.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={staffSecondary}>
              {t("fillTemplate")}
            </button>
          </form>
        )}
        <form action={replyAction} className="space-y-3">
          <input type="hidden" name="threadId" value={thread.id} />
          <label htmlFor="body" className="block font-semibold">
            {t("replyLabel")}
          </label>
          <textarea id="body" name="body" rows={filled ? 10 : 6} defaultValue={filled?.text ?? ""} key={filled?.templateId ?? "empty"} className={staffField} />
          <button type="submit" className={staffButton}>
            {t("reply")}
          </button>
        </form>
        {thread.status !== "closed" && (
          <form action={handledAction}>
            <input type="hidden" name="threadId" value={thread.id} />
            <button type="submit" className={staffSecondary}>
              {t("markHandled")}
            </button>
          </form>
        )}
        {thread.caseId && (
          <p>
            <Link href="/staff/talk" className={staffLink}>
              {t("backToQueue")}
            </Link>
          </p>
        )}
      </div>
    </StaffFrame>
  );
}
