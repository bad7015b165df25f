import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StaffFrame } from "@/components/staff/staff-frame";
import { input, label, secondaryButton, textLink } from "@/components/staff/styles";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { staffMay } from "@/server/domain/permissions";
import { auditFiltersOf } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.audit"))("title") };
}

/** Who looked at whom, when and why: supervisors filter it and export it as CSV. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireStaff();
  if (!staffMay(viewer.role, "audit:read")) redirect("/staff");
  const q = await searchParams;
  const t = await getTranslations("workplace.audit");
  const locale = (await getLocale()) as Locale;
  const filters = auditFiltersOf(q);
  const caller = await api();
  const [rows, load] = await Promise.all([caller.staff.audit.list(filters), caller.staff.queue.load()]);
  const exportHref = `/staff/audit/export?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === "string"))}`;
  const at = (iso: string) => new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Stockholm" }).format(new Date(iso));
  return (
    <StaffFrame role={viewer.role} current="audit">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      <form method="get" action="/staff/audit" className="grid gap-3 rounded-xl border border-line p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <div>
          <label htmlFor="a-staff" className={label}>
            {t("staff")}
          </label>
          <select id="a-staff" name="staff" defaultValue={filters.staffUserId ?? ""} className={input}>
            <option value="">{t("everyone")}</option>
            {load.map((s) => (
              <option key={s.staffId} value={s.staffId}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-action" className={label}>
            {t("action")}
          </label>
          <input id="a-action" name="action" defaultValue={filters.action ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="a-from" className={label}>
            {t("from")}
          </label>
          <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="a-to" className={label}>
            {t("to")}
          </label>
          <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ""} className={input} />
        </div>
        <div className="flex min-h-11 items-center gap-2">
          <input id="a-looks" name="looks" type="checkbox" value="1" defaultChecked={filters.looksOnly} className="size-5" />
          <label htmlFor="a-looks">{t("looksOnly")}</label>
        </div>
        {filters.debtorId && <input type="hidden" name="debtor" value={filters.debtorId} />}
        <button type="submit" className={secondaryButton}>
          {t("apply")}
        </button>
      </form>
      <p>
        <a href={exportHref} className={textLink} download>
          {t("export")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div role="region" aria-labelledby="audit-caption" tabIndex={0} className="overflow-x-auto">
          <table className="w-full min-w-[52rem] border-collapse text-left">
            <caption id="audit-caption" className="sr-only">
              {t("caption")}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">{t("col.at")}</th>
                <th scope="col" className="p-2">{t("col.staff")}</th>
                <th scope="col" className="p-2">{t("col.action")}</th>
                <th scope="col" className="p-2">{t("col.person")}</th>
                <th scope="col" className="p-2">{t("col.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line align-top">
                  <td className="p-2 tabular">{at(r.at)}</td>
                  <td className="p-2">{r.staffName ?? r.staffId ?? "–"}</td>
                  <td className="p-2 font-mono text-sm">{r.action}</td>
                  <td className="p-2">
                    {r.debtorId ? (
                      <Link href={`/staff/audit?debtor=${r.debtorId}`} className={textLink}>
                        {r.debtorName ?? r.debtorId}
                      </Link>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="p-2">{r.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}
