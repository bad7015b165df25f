import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StaffFrame } from "@/components/staff/staff-frame";
import { requireStaff } from "@/server/auth/require";
import { api } from "@/server/api/server-caller";
import { Back, Notice, staffLink, stockholmDateTime } from "./parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffTalk"))("title") };
}

/** What people have asked us and wait for: messages, callbacks, complaints and data-access requests. */
export default async function StaffTalkPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  const viewer = await requireStaff();
  const t = await getTranslations("staffTalk");
  const query = await searchParams;
  const queue = await (await api()).staff.talk.queue();
  const row = "rounded-lg border border-line p-3 space-y-1";
  return (
    <StaffFrame role={viewer.role} current="talk">
      <div className="space-y-6">
        <Back href="/staff" label={(await getTranslations("staff"))("title")} />
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Notice done={query.done ? t(`done.${query.done as "replied"}`) : null} error={query.error ? t("error") : null} />
        <section className="space-y-2" aria-labelledby="messages">
          <h2 id="messages" className="text-xl font-semibold">
            {t("messagesTitle", { count: queue.threads.length })}
          </h2>
          {queue.threads.length === 0 && <p>{t("empty")}</p>}
          <ul className="space-y-2">
            {queue.threads.map((th) => (
              <li key={th.id} className={row}>
                <Link href={`/staff/talk/threads/${th.id}`} className={staffLink}>
                  {th.debtorName} – {th.caseNumber ?? t("general")}
                </Link>
                <p className="text-muted">
                  {t("dueOn", { date: th.replyDueOn ?? "–" })} · {t("lastMessage", { at: stockholmDateTime(th.lastMessageAt) })}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section className="space-y-2" aria-labelledby="callbacks">
          <h2 id="callbacks" className="text-xl font-semibold">
            {t("callbacksTitle", { count: queue.callbacks.length })}
          </h2>
          {queue.callbacks.length === 0 && <p>{t("empty")}</p>}
          <ul className="space-y-2">
            {queue.callbacks.map((c) => (
              <li key={c.id} className={row}>
                <Link href={`/staff/talk/callbacks/${c.id}`} className={staffLink}>
                  {c.debtorName} – {c.day} {c.startHour}–{c.endHour}
                </Link>
                {c.caseNumber && <p className="text-muted">{c.caseNumber}</p>}
              </li>
            ))}
          </ul>
        </section>
        <section className="space-y-2" aria-labelledby="requests">
          <h2 id="requests" className="text-xl font-semibold">
            {t("requestsTitle", { count: queue.requests.length })}
          </h2>
          {queue.requests.length === 0 && <p>{t("empty")}</p>}
          <ul className="space-y-2">
            {queue.requests.map((r) => (
              <li key={r.id} className={row}>
                <Link href={`/staff/talk/requests/${r.id}`} className={staffLink}>
                  {t(`kind.${r.kind}`)}: {r.debtorName}
                  {r.caseNumber ? ` – ${r.caseNumber}` : ""}
                </Link>
                <p className="text-muted">{t("dueOn", { date: r.dueOn })}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </StaffFrame>
  );
}
