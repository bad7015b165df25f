import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CaseCard } from "@/components/debtor/case-card";
import { TalkLink } from "@/components/debtor/talk-link";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

export default async function CasesPage() {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("cases");
  const prefs = await getTranslations("preferences");
  const locale = (await getLocale()) as Locale;
  const { cases, totalLeftOre } = await (await api()).debtor.cases.list();
  const open = cases.filter((c) => c.state !== "paid" && c.state !== "closed").length;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-muted">{t("greeting", { name: viewer.displayName })}</p>
        <h1 className="text-3xl font-bold leading-tight">{t("heading", { count: open })}</h1>
      </div>
      {totalLeftOre > 0 && (
        <div className="rounded-xl bg-brand-700 text-on-brand p-5">
          <p className="text-base">{t("totalLeft")}</p>
          <p className="tabular text-3xl font-bold">{money(totalLeftOre, locale)}</p>
          {open > 1 && (
            <p className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
              <Link href="/pay" className="inline-flex min-h-11 items-center font-semibold text-on-brand underline underline-offset-4">
                {t("payAll")}
              </Link>
              <Link href="/plans/new" className="inline-flex min-h-11 items-center font-semibold text-on-brand underline underline-offset-4">
                {t("planAll")}
              </Link>
            </p>
          )}
        </div>
      )}
      <ul className="space-y-4" aria-label={t("title")}>
        {cases.map((c) => (
          <CaseCard key={c.id} data={c} />
        ))}
      </ul>
      <nav className="space-y-2" aria-label={t("helpLink")}>
        <TalkLink />
        {totalLeftOre > 0 && (
          <p>
            <Link href="/debt-free" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
              {t("debtFreeLink")}
            </Link>
          </p>
        )}
        <p>
          <Link href="/preferences" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {prefs("overviewLink")}
          </Link>
        </p>
        <p>
          <Link href="/help" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {t("helpLink")}
          </Link>
        </p>
      </nav>
    </div>
  );
}
