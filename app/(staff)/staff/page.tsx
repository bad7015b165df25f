import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { itemHref } from "@/components/staff/item-href";
import { errorMessage } from "@/components/staff/error-message";
import { Notice } from "@/components/staff/notice";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, input, label, secondaryButton, textLink } from "@/components/staff/styles";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { workItemKindEnum } from "@/server/db/schema/enums";
import { staffMay } from "@/server/domain/permissions";
import { urgencyOf } from "@/server/domain/work-deadlines";
import { assignItemAction, takeItemAction } from "./queue-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.queue"))("title") };
}

type Search = { kind?: string; who?: string; creditor?: string; overdue?: string; page?: string; done?: string; error?: string };
const KINDS = workItemKindEnum.enumValues;
const WHO = ["everyone", "mine", "unassigned"] as const;

function moment(iso: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" }).format(new Date(iso));
}

/** The work queue: everything a person must act on, due first on top, with filters as a plain form. */
export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireStaff();
  const q = await searchParams;
  const t = await getTranslations("workplace.queue");
  const k = await getTranslations("workplace.kind");
  const s = await getTranslations("staff");
  const locale = (await getLocale()) as Locale;
  const kind = KINDS.find((x) => x === q.kind);
  const who = WHO.find((x) => x === q.who) ?? "everyone";
  const creditorId = q.creditor && /^[0-9a-f-]{36}$/.test(q.creditor) ? q.creditor : undefined;
  const overdue = q.overdue === "1";
  const page = Math.max(1, Math.min(1000, Number(q.page) || 1));
  const caller = await api();
  const queue = await caller.staff.queue.list({ kind, who, creditorId, overdue, page });
  const load = staffMay(viewer.role, "staff:load") ? await caller.staff.queue.load() : null;
  const now = new Date();
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const pageHref = (n: number) => `/staff?${new URLSearchParams({ ...(kind ? { kind } : {}), who, ...(creditorId ? { creditor: creditorId } : {}), ...(overdue ? { overdue: "1" } : {}), page: String(n) })}`;

  return (
    <StaffFrame role={viewer.role} current="queue">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{s("welcome", { name: viewer.displayName, role: s(`role.${viewer.role}`) })}</p>
      <Notice done={q.done === "assigned" ? t("assigned") : null} error={await errorMessage(q.error)} />

      <form action="/staff/search" method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className={label}>
            {t("searchLabel")}
          </label>
          <p id="q-hint" className="text-sm text-muted">
            {t("searchHint")}
          </p>
          <input id="q" name="q" type="search" aria-describedby="q-hint" className={input} autoComplete="off" />
        </div>
        <button type="submit" className={button}>
          {t("search")}
        </button>
      </form>

      <form method="get" action="/staff" className="grid gap-3 rounded-xl border border-line p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <div>
          <label htmlFor="f-kind" className={label}>
            {t("filter.kind")}
          </label>
          <select id="f-kind" name="kind" defaultValue={kind ?? ""} className={input}>
            <option value="">{t("filter.allKinds")}</option>
            {KINDS.map((x) => (
              <option key={x} value={x}>
                {k(x)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-who" className={label}>
            {t("filter.who")}
          </label>
          <select id="f-who" name="who" defaultValue={who} className={input}>
            {WHO.map((x) => (
              <option key={x} value={x}>
                {t(`filter.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-creditor" className={label}>
            {t("filter.creditor")}
          </label>
          <select id="f-creditor" name="creditor" defaultValue={creditorId ?? ""} className={input}>
            <option value="">{t("filter.allCreditors")}</option>
            {queue.creditors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-h-11 items-center gap-2">
          <input id="f-overdue" name="overdue" type="checkbox" value="1" defaultChecked={overdue} className="size-6" />
          <label htmlFor="f-overdue">{t("filter.overdue")}</label>
        </div>
        <button type="submit" className={secondaryButton}>
          {t("filter.apply")}
        </button>
      </form>

      <p aria-live="polite">{t("count", { total: queue.total, overdue: queue.overdue })}</p>

      {queue.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div role="region" aria-labelledby="queue-caption" tabIndex={0} className="overflow-x-auto">
          <table className="w-full min-w-[56rem] border-collapse text-left">
            <caption id="queue-caption" className="sr-only">
              {t("caption")}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">{t("col.due")}</th>
                <th scope="col" className="p-2">{t("col.kind")}</th>
                <th scope="col" className="p-2">{t("col.person")}</th>
                <th scope="col" className="p-2">{t("col.creditor")}</th>
                <th scope="col" className="p-2">{t("col.assigned")}</th>
                <th scope="col" className="p-2">{t("col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => {
                const urgency = item.status === "waiting_on_debtor" ? "waiting" : urgencyOf(new Date(item.dueBy), now);
                return (
                  <tr key={item.id} className="border-b border-line align-top">
                    <td className="p-2 tabular">
                      <span className="block">{moment(item.dueBy, locale)}</span>
                      {urgency !== "later" && (
                        <strong className={`mt-1 inline-block rounded-full border-2 px-2 text-sm ${urgency === "overdue" ? "border-error text-error" : "border-ink"}`}>{t(`urgency.${urgency}`)}</strong>
                      )}
                    </td>
                    <td className="p-2">
                      {k(item.kind)}
                      {item.caseNumber && <span className="block text-sm text-muted tabular">{item.caseNumber}</span>}
                    </td>
                    <td className="p-2">
                      {item.debtorName ? (
                        <Link href={itemHref(item)} className={textLink}>
                          {item.debtorName}
                        </Link>
                      ) : (
                        <Link href={itemHref(item)} className={textLink}>
                          {t("noPerson", { reference: item.summary ?? "–" })}
                        </Link>
                      )}
                      {item.supportNeed && <span className="block text-sm font-semibold">{t("supportNeed")}</span>}
                      {item.viewers.length > 0 && <span className="block text-sm font-semibold">{t("openBy", { names: item.viewers.join(", ") })}</span>}
                    </td>
                    <td className="p-2">{item.creditorName ?? "–"}</td>
                    <td className="p-2">{item.assigneeName ?? t("nobody")}</td>
                    <td className="p-2">
                      <div className="flex flex-wrap items-end gap-2">
                        {item.assignedTo !== viewer.subjectId && (
                          <form action={takeItemAction}>
                            <input type="hidden" name="workItemId" value={item.id} />
                            <input type="hidden" name="debtorId" value={item.debtorId ?? ""} />
                            <input type="hidden" name="kind" value={item.kind} />
                            <button type="submit" className={button}>
                              {t("take")}
                              <span className="sr-only"> {item.debtorName ?? item.summary}</span>
                            </button>
                          </form>
                        )}
                        <form action={assignItemAction} className="flex items-end gap-2">
                          <input type="hidden" name="workItemId" value={item.id} />
                          <input type="hidden" name="back" value={pageHref(page)} />
                          <label htmlFor={`to-${item.id}`} className="sr-only">
                            {t("assignTo", { item: item.debtorName ?? item.summary ?? "" })}
                          </label>
                          <select id={`to-${item.id}`} name="to" defaultValue={item.assignedTo ?? "nobody"} className="min-h-11 rounded-md border-2 border-ink bg-paper px-1">
                            <option value="nobody">{t("nobody")}</option>
                            {queue.assignees.map((a) => (
                              <option key={a.id} value={a.id}>
                                {a.name}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className={secondaryButton}>
                            {t("assign")}
                          </button>
                        </form>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("pages")} className="flex gap-4">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className={textLink}>
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && (
            <Link href={pageHref(page + 1)} className={textLink}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}

      {load && (
        <section aria-labelledby="load-title" className="space-y-2">
          <h2 id="load-title" className="text-2xl font-bold">
            {t("load.title")}
          </h2>
          <table className="w-full max-w-xl border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">{t("load.person")}</th>
                <th scope="col" className="p-2 text-right">{t("load.open")}</th>
                <th scope="col" className="p-2 text-right">{t("load.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              {load.map((l) => (
                <tr key={l.staffId} className="border-b border-line">
                  <th scope="row" className="p-2 font-normal">
                    {l.name} <span className="text-muted">({s(`role.${l.role}`)})</span>
                  </th>
                  <td className="p-2 text-right tabular">{l.open}</td>
                  <td className="p-2 text-right tabular">{l.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </StaffFrame>
  );
}
