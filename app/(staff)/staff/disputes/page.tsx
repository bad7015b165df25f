import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { StaffFrame } from "@/components/staff/staff-frame";
import { requireStaff } from "@/server/auth/require";
import { todayInStockholm } from "@/server/domain/calendar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffDisputes"))("title") };
}

/** Open disputes, the one due first on top. */
export default async function StaffDisputesPage() {
  const viewer = await requireStaff();
  const t = await getTranslations("staffDisputes");
  const reasons = await getTranslations("dispute.reason");
  const locale = (await getLocale()) as Locale;
  const list = await (await api()).staff.disputes.list();
  return (
    <StaffFrame role={viewer.role} current="disputes">
      <div className="space-y-6">
        <nav>
          <Link href="/staff" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            ← {(await getTranslations("staff"))("title")}
          </Link>
        </nav>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("lead")}</p>
        {list.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="space-y-3">
            {list.map((d) => (
              <li key={d.id} className="space-y-1 rounded-xl border border-line p-4">
                <h2 className="text-lg font-semibold">
                  <Link href={`/staff/disputes/${d.id}`} className="text-brand-700 underline underline-offset-4">
                    {d.creditorName} · {d.caseNumber}
                  </Link>
                </h2>
                <p>
                  {reasons(d.reason as "other")} · {d.part === "all" ? t("all") : money(d.disputedOre, locale)}
                </p>
                {d.dueBy && (
                  <p className="text-muted">
                    {t("colDue")}: {longDate(todayInStockholm(d.dueBy), locale)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </StaffFrame>
  );
}
