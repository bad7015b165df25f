import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, input, label, textLink } from "@/components/staff/styles";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.search"))("title") };
}

/** One box for people: personal number, name, case, OCR or invoice number, phone or e-mail. */
export default async function StaffSearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requireStaff();
  const { q: raw } = await searchParams;
  const q = (raw ?? "").trim().slice(0, 100);
  const t = await getTranslations("workplace.search");
  const results = q.length >= 2 ? await (await api()).staff.debtors.search({ query: q }) : null;
  return (
    <StaffFrame role={viewer.role} current="search">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <form method="get" action="/staff/search" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className={label}>
            {t("label")}
          </label>
          <p id="q-hint" className="text-sm text-muted">
            {t("hint")}
          </p>
          <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" className={input} autoComplete="off" />
        </div>
        <button type="submit" className={button}>
          {t("submit")}
        </button>
      </form>
      {q.length > 0 && q.length < 2 && <p role="alert">{t("tooShort")}</p>}
      {results && (
        <section aria-labelledby="results-title" className="space-y-3">
          <h2 id="results-title" className="text-2xl font-bold">
            {results.length === 0 ? t("none") : t("found", { count: results.length })}
          </h2>
          <ul className="space-y-2">
            {results.map((r) => (
              <li key={r.id} className="rounded-xl border border-line p-4">
                <Link href={`/staff/debtors/${r.id}`} className={`${textLink} text-lg font-semibold`}>
                  {r.name}
                </Link>
                <p className="tabular">
                  {r.maskedPersonalNumber}
                  {r.city ? ` · ${r.city}` : ""} · {t("cases", { count: r.caseCount })}
                </p>
                <p className="text-sm text-muted">
                  {t(`matchedBy.${r.matchedBy}`)}
                  {r.caseNumber ? ` · ${r.caseNumber}` : ""}
                  {r.supportNeed ? ` · ${t("supportNeed")}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </StaffFrame>
  );
}
