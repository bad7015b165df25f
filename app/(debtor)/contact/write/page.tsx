import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { MessageForm } from "@/components/debtor/message-form";
import { messageErrors } from "@/components/debtor/message-errors";
import { optionClass, primaryButton, radioClass, TalkFrame } from "@/components/debtor/talk-parts";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";

type Props = { searchParams: Promise<{ case?: string; error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("talk"))("write.title")}` };
}

/** Write to us: first what it is about (a case, or something else), then the message. */
export default async function WritePage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("talk");
  const query = await searchParams;
  const caller = await api();

  if (!query.case) {
    const { cases } = await caller.debtor.cases.list();
    return (
      <TalkFrame back="/contact" backLabel={t("back")} heading={t("write.aboutHeading")}>
        <form method="get" className="space-y-6">
          <fieldset className="space-y-3">
            <legend className="sr-only">{t("write.aboutHeading")}</legend>
            {cases.map((c, i) => (
              <label key={c.id} className={optionClass}>
                <input type="radio" name="case" value={c.id} defaultChecked={i === 0} className={radioClass} />
                <span>
                  <span className="block font-semibold">{t("write.aboutCase", { number: c.caseNumber })}</span>
                  <span className="block text-muted">{c.creditorName}</span>
                </span>
              </label>
            ))}
            <label className={optionClass}>
              <input type="radio" name="case" value="general" defaultChecked={cases.length === 0} className={radioClass} />
              <span className="font-semibold">{t("write.aboutGeneral")}</span>
            </label>
          </fieldset>
          <button type="submit" className={primaryButton}>
            {t("continue")}
          </button>
        </form>
      </TalkFrame>
    );
  }

  const subject = query.case === "general" ? ("general" as const) : z.string().uuid().safeParse(query.case).success ? { caseId: query.case } : null;
  if (!subject) notFound();
  const compose = await orNotFound(caller.debtor.talk.compose({ subject }));
  // One conversation per subject: an open one is where the next message goes.
  if (compose.threadId) redirect(`/contact/threads/${compose.threadId}${query.error ? "?error=1" : ""}#reply`);
  const errors = await messageErrors(compose.draft, !!query.error);
  let heading = t("write.generalHeading");
  if (subject !== "general") {
    const c = await caller.debtor.cases.get({ caseId: subject.caseId });
    heading = t("write.caseHeading", { number: c.caseNumber });
  }
  return (
    <TalkFrame back="/contact/write" backLabel={t("back")} heading={heading} lead={t("write.lead")} errorTitle={t("errorTitle")} errors={errors.summary}>
      <MessageForm
        subject={subject === "general" ? "general" : subject.caseId}
        returnTo={`/contact/write?case=${subject === "general" ? "general" : subject.caseId}`}
        body={compose.draft?.body ?? ""}
        error={errors.code}
        fileError={errors.fileError}
      />
    </TalkFrame>
  );
}
