import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { dayWithWeekday, linkClass, momentDate, noticeClass, TalkFrame } from "@/components/debtor/talk-parts";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";

type Props = { params: Promise<{ requestId: string }>; searchParams: Promise<{ sent?: string; already?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("talk"))("request.title") };
}

/** A complaint or a data-access request: when we answer by, and the answer once it is there. */
export default async function RequestPage({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { requestId } = await params;
  if (!z.string().uuid().safeParse(requestId).success) notFound();
  const r = await orNotFound((await api()).debtor.requests.open({ requestId }));
  const t = await getTranslations("talk");
  const locale = (await getLocale()) as Locale;
  const query = await searchParams;
  const due = dayWithWeekday(r.dueOn, locale);
  const complaint = r.kind === "complaint";

  return (
    <TalkFrame back="/contact" backLabel={t("back")} heading={complaint ? t("request.complaintHeading") : t("request.dataHeading")}>
      {(query.sent || query.already) && r.status === "open" && (
        <p role="status" className={`${noticeClass} font-semibold`}>
          {query.already ? t("request.already") : complaint ? t("request.complaintSent") : t("request.dataSent")}
        </p>
      )}
      <p className="text-muted">{t("request.madeOn", { date: momentDate(r.createdAt, locale) })}</p>
      {r.status === "open" && <p className="text-lg">{complaint ? t("request.complaintPromise", { date: due }) : t("request.dataPromise", { date: due })}</p>}
      {complaint && (
        <section className="space-y-2" aria-labelledby="yours">
          <h2 id="yours" className="text-xl font-semibold">
            {t("request.yourWords")}
          </h2>
          {r.caseNumber && <p className="text-muted">{t("request.aboutCase", { number: r.caseNumber })}</p>}
          <p className="whitespace-pre-wrap break-words rounded-xl border border-line p-4">{r.body}</p>
        </section>
      )}
      {complaint && r.answer && (
        <section className="space-y-2" aria-labelledby="answer">
          <h2 id="answer" className="text-xl font-semibold">
            {t("request.ourAnswer", { date: momentDate(r.answeredAt!, locale) })}
          </h2>
          <p className="whitespace-pre-wrap break-words rounded-xl border-2 border-brand-700 bg-brand-50 p-4">{r.answer}</p>
          <p>{t("request.notHappy")}</p>
        </section>
      )}
      {!complaint && r.status === "answered" && (
        <section className="space-y-3" aria-labelledby="ready">
          <h2 id="ready" className="text-xl font-semibold">
            {t("request.dataReady", { date: momentDate(r.answeredAt!, locale) })}
          </h2>
          <p>{t("request.dataReadyLead")}</p>
          <ul className="space-y-1">
            <li>
              <a href={`/contact/requests/${r.id}/pdf`} className={linkClass}>
                {t("request.downloadPdf")}
              </a>
            </li>
            <li>
              <a href={`/contact/requests/${r.id}/json`} className={linkClass}>
                {t("request.downloadJson")}
              </a>
            </li>
          </ul>
        </section>
      )}
      <p>
        <Link href="/contact" className={linkClass}>
          {t("callback.toContact")}
        </Link>
      </p>
    </TalkFrame>
  );
}
