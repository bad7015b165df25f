import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { count, pct } from "./format";
import { RateChart } from "./rate-chart";

interface Share {
  k: number;
  n: number;
  rate: number;
  low: number;
  high: number;
  tooFew: boolean;
}

export interface RateRow {
  label: string;
  cases: number;
  shares: Share[];
}

/**
 * One section of the dashboard: a heading, what it measures, the chart, and the same figures in a
 * table (share, interval and n per measure; "too few" under 20 cases).
 */
export async function RatesSection({ id, title, lead, rows, measures, summary, children }: { id: string; title: string; lead: string; rows: RateRow[]; measures: string[]; summary: string; children?: React.ReactNode }) {
  const t = await getTranslations("insights");
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-xl border border-line p-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      <p>{lead}</p>
      <RateChart groups={rows.map((r) => ({ label: r.label, bars: r.shares.map((s, i) => ({ label: measures[i]!, ...s })) }))} summary={summary} legend={measures} tooFew={t("tooFew")} />
      <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="overflow-x-auto">
        <table className="w-full border-collapse text-left tabular-nums">
          <caption id={`${id}-caption`} className="sr-only">
            {t("tableOf", { title })}
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">
                {t("col.group")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.cases")}
              </th>
              {measures.map((m) => (
                <th key={m} scope="col" className="p-2 text-right">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-b border-line align-top">
                <th scope="row" className="p-2 font-medium">
                  {r.label}
                </th>
                <td className="p-2 text-right">{count(r.cases, locale)}</td>
                {r.shares.map((s, i) => (
                  <td key={i} className="p-2 text-right">
                    {s.tooFew ? (
                      <span>{t("tooFew")}</span>
                    ) : (
                      <>
                        <span className="font-semibold">{pct(s.rate, locale)}</span> <span className="whitespace-nowrap text-muted">({t("interval", { low: pct(s.low, locale), high: pct(s.high, locale) })})</span>
                      </>
                    )}
                    <br />
                    <span className="text-sm text-muted">{t("nOf", { n: count(s.n, locale) })}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
    </section>
  );
}
