import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MessageForm } from "@/components/debtor/message-form";
import { messageErrors } from "@/components/debtor/message-errors";
import { dayWithWeekday, fileSize, momentDateTime, noticeClass, TalkFrame } from "@/components/debtor/talk-parts";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";

type Props = { params: Promise<{ threadId: string }>; searchParams: Promise<{ sent?: string; error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("talk"))("thread.title")}` };
}

/** One conversation: every message and reply, the promised reply day, and the form to write again. */
export default async function ThreadPage({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { threadId } = await params;
  if (!z.string().uuid().safeParse(threadId).success) notFound();
  const query = await searchParams;
  const caller = await api();
  const thread = await orNotFound(caller.debtor.talk.openThread({ threadId }));
  const t = await getTranslations("talk");
  const a = await getTranslations("attachments");
  const locale = (await getLocale()) as Locale;
  const subject = thread.caseId ? { caseId: thread.caseId } : ("general" as const);
  const { draft } = await caller.debtor.talk.compose({ subject });
  const errors = await messageErrors(draft, !!query.error);
  const waiting = thread.status === "waiting_for_us" && thread.replyDueOn;

  return (
    <TalkFrame
      back="/contact"
      backLabel={t("back")}
      heading={thread.caseNumber ? t("thread.caseHeading", { number: thread.caseNumber }) : t("thread.generalHeading")}
      errorTitle={t("errorTitle")}
      errors={errors.summary}
    >
      {query.sent && waiting && (
        <div role="status" className={noticeClass}>
          <p className="font-semibold">{t("thread.sent")}</p>
          <p>{t("thread.promise", { date: dayWithWeekday(thread.replyDueOn!, locale) })}</p>
        </div>
      )}
      {!query.sent && waiting && <p className="text-lg">{t("thread.promise", { date: dayWithWeekday(thread.replyDueOn!, locale) })}</p>}

      <ol className="space-y-4" aria-label={t("thread.listLabel")}>
        {thread.messages.map((m) => (
          <li key={m.id} className={`rounded-xl p-4 space-y-2 ${m.author === "debtor" ? "border border-line" : "bg-brand-50 border-2 border-brand-700"}`}>
            <p className="text-sm text-muted">
              <span className="font-semibold text-ink">{m.author === "debtor" ? t("thread.you") : m.staffName ? t("thread.usNamed", { name: m.staffName }) : t("thread.us")}</span>
              {" · "}
              <time dateTime={m.createdAt.toISOString()}>{momentDateTime(m.createdAt, locale)}</time>
            </p>
            <p className="whitespace-pre-wrap break-words">{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className="space-y-1" aria-label={a("listLabel")}>
                {m.attachments.map((f) => (
                  <li key={f.id}>
                    <a href={`/attachments/${f.id}`} className="inline-flex min-h-11 items-center break-all text-brand-700 underline underline-offset-4">
                      {a("download", { name: f.fileName, size: fileSize(f.sizeBytes, locale) })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>

      <section className="space-y-3" aria-labelledby="reply">
        <h2 id="reply" className="text-xl font-semibold">
          {t("thread.writeAgain")}
        </h2>
        <MessageForm
          subject={thread.caseId ?? "general"}
          returnTo={`/contact/threads/${thread.id}`}
          body={draft?.body ?? ""}
          error={errors.code}
          fileError={errors.fileError}
        />
      </section>
    </TalkFrame>
  );
}
