import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dayWithWeekday, linkClass, momentDate, windowText } from "@/components/debtor/talk-parts";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("talk"))("hub.title") };
}

/** Talk to us: every way to reach a person, and everything said so far. */
export default async function ContactPage() {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("talk");
  const locale = (await getLocale()) as Locale;
  const { threads, callbacks, requests } = await (await api()).debtor.talk.overview();
  const waitingCalls = callbacks.filter((c) => c.status === "requested");
  const card = "rounded-xl border border-line p-4 space-y-2";

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold leading-tight">{t("hub.heading")}</h1>
        <p className="text-lg">{t("hub.lead")}</p>
      </header>

      <section className="space-y-3" aria-labelledby="threads">
        <h2 id="threads" className="text-xl font-semibold">
          {t("hub.threadsTitle")}
        </h2>
        {threads.length === 0 ? (
          <p>{t("hub.threadsEmpty")}</p>
        ) : (
          <ul className="space-y-3">
            {threads.map((th) => (
              <li key={th.id} className={card}>
                <Link href={`/contact/threads/${th.id}`} className={linkClass}>
                  {th.caseNumber ? t("hub.threadCase", { number: th.caseNumber }) : t("hub.threadGeneral")}
                </Link>
                {th.unread > 0 && <p className="font-semibold">{t("hub.unread", { count: th.unread })}</p>}
                <p className="text-muted">
                  {th.status === "waiting_for_us" && th.replyDueOn
                    ? t("hub.waiting", { date: dayWithWeekday(th.replyDueOn, locale) })
                    : th.status === "waiting_for_debtor"
                      ? t("hub.answered")
                      : t("hub.handled")}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/contact/write" className={linkClass}>
            {t("hub.write")}
          </Link>
        </p>
      </section>

      <section className="space-y-3" aria-labelledby="calls">
        <h2 id="calls" className="text-xl font-semibold">
          {t("hub.callTitle")}
        </h2>
        <p>{t("hub.callLead")}</p>
        {waitingCalls.length > 0 && (
          <ul className="space-y-3">
            {waitingCalls.map((c) => (
              <li key={c.id} className={card}>
                <p>{t("hub.callWaiting", { day: dayWithWeekday(c.day, locale), window: windowText(c.startHour, c.endHour) })}</p>
                <Link href={`/contact/callback/${c.id}`} className={linkClass}>
                  {t("hub.callOpen")}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/contact/callback" className={linkClass}>
            {t("hub.callButton")}
          </Link>
        </p>
        <p className="text-muted">{t("hub.phone")}</p>
      </section>

      <section className="space-y-3" aria-labelledby="more">
        <h2 id="more" className="text-xl font-semibold">
          {t("hub.moreTitle")}
        </h2>
        {requests.length > 0 && (
          <ul className="space-y-3">
            {requests.map((r) => (
              <li key={r.id} className={card}>
                <Link href={`/contact/requests/${r.id}`} className={linkClass}>
                  {t(`hub.request.${r.kind}`, { date: momentDate(r.createdAt, locale) })}
                </Link>
                <p className="text-muted">
                  {r.status === "answered" ? (r.readAt ? t("hub.requestAnswered") : t("hub.requestNewAnswer")) : t("hub.requestWaiting", { date: dayWithWeekday(r.dueOn, locale) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <ul className="space-y-2">
          <li>
            <Link href="/contact/complaint" className={linkClass}>
              {t("hub.complaint")}
            </Link>
            <span className="block text-muted">{t("hub.complaintHint")}</span>
          </li>
          <li>
            <Link href="/contact/my-data" className={linkClass}>
              {t("hub.myData")}
            </Link>
            <span className="block text-muted">{t("hub.myDataHint")}</span>
          </li>
          <li>
            <Link href="/help" className={linkClass}>
              {t("hub.help")}
            </Link>
          </li>
        </ul>
      </section>
    </article>
  );
}
