import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { decidePlanAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.plans"))("title") };
}

/** Plans debtors asked for outside policy: the reason, their budget, and a decision. */
export default async function StaffPlansPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  await requireStaff();
  const query = await searchParams;
  const t = await getTranslations("staff.plans");
  const locale = (await getLocale()) as Locale;
  const requests = await (await api()).staff.plans.requests();
  const button = "inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-semibold";
  return (
    <div className="space-y-6">
      <nav>
        <Link href="/staff" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {(await getTranslations("staff"))("title")}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {query.done && (
        <p role="status" className="rounded-lg border-2 border-brand-700 p-3 font-semibold">
          {query.done === "approve" ? t("approved") : t("rejected")}
        </p>
      )}
      {query.error && (
        <p role="alert" className="rounded-lg border-4 border-error p-3 font-semibold">
          {t("error")}
        </p>
      )}
      {requests.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.id} className="space-y-3 rounded-xl border border-line p-4">
              <h2 className="text-lg font-semibold">
                {r.debtorName} · {r.cases.map((c) => `${c.creditorName} ${c.caseNumber}`).join(", ")}
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-muted">{t("asked")}</dt>
                <dd>{t("plan", { amount: money(r.monthlyOre, locale), months: r.months, day: r.dueDay })}</dd>
                <dt className="text-muted">{t("total")}</dt>
                <dd>{money(r.totalOre, locale)}</dd>
                <dt className="text-muted">{t("income")}</dt>
                <dd>{r.monthlyIncomeOre !== null ? money(r.monthlyIncomeOre, locale) : "–"}</dd>
                <dt className="text-muted">{t("costs")}</dt>
                <dd>{r.monthlyCostsOre !== null ? money(r.monthlyCostsOre, locale) : "–"}</dd>
                <dt className="text-muted">{t("date")}</dt>
                <dd>{longDate(r.createdAt.slice(0, 10), locale)}</dd>
              </dl>
              <blockquote className="border-l-4 border-line pl-3">{r.reason}</blockquote>
              <form action={decidePlanAction} className="space-y-2">
                <input type="hidden" name="planId" value={r.id} />
                <label htmlFor={`note-${r.id}`} className="block font-medium">
                  {t("note")}
                </label>
                <textarea id={`note-${r.id}`} name="note" rows={2} className="block w-full rounded-md border-2 border-ink p-2" />
                <div className="flex flex-wrap gap-3">
                  <button type="submit" name="decision" value="approve" className={`${button} bg-brand-700 text-on-brand`}>
                    {t("approve")}
                  </button>
                  <button type="submit" name="decision" value="reject" className={`${button} border-2 border-brand-700 text-brand-700`}>
                    {t("reject")}
                  </button>
                </div>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
