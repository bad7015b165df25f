import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { longDate, money, percent } from "@/components/ui/format";

interface Line {
  key: string;
  amountOre: number;
  paidOre: number;
  leftOre: number;
  facts: Record<string, string | number>;
}

const COLOURS: Record<string, string> = {
  principal: "bg-brand-700",
  interest: "bg-[#5b8f8a]",
  paid: "bg-[repeating-linear-gradient(45deg,#9aa5a4_0,#9aa5a4_4px,#d9dedc_4px,#d9dedc_8px)]",
};
const FEE_COLOUR = "bg-[#c58b2b]";

/**
 * The balance as one horizontal stacked bar (principal, interest, fees, paid) and, beside it, the
 * same facts as a table with the rule behind each line, adding up to the öre.
 */
export async function Breakdown({
  lines,
  paidOre,
  creditedOre = 0,
  leftOre,
  totalOre,
  creditor,
  description,
  interest,
  interestStopped,
}: {
  lines: Line[];
  paidOre: number;
  /** What was taken off the claim (an upheld dispute). */
  creditedOre?: number;
  leftOre: number;
  totalOre: number;
  creditor: string;
  description: string;
  interest: { annualRateBp: number; sinceDate: string; perDayOre: number };
  interestStopped: boolean;
}) {
  const t = await getTranslations("case");
  const d = await getTranslations("descriptions");
  const locale = (await getLocale()) as Locale;
  const parts = lines.filter((l) => l.key !== "paid" && l.key !== "credited" && l.leftOre > 0).map((l) => ({ key: l.key, ore: l.leftOre }));
  if (paidOre > 0) parts.push({ key: "paid", ore: paidOre });
  const barTotal = parts.reduce((s, p) => s + p.ore, 0) || 1;
  const label = (key: string) => (key === "paid" ? t("paidTotal") : t(`line.${key}`));

  const why = (line: Line) => {
    if (line.key === "principal") return t("why.principal", { creditor, description: d(description) });
    if (line.key === "interest")
      return t(interestStopped ? "why.interestStopped" : "why.interest", {
        rate: percent(interest.annualRateBp, locale),
        since: longDate(interest.sinceDate, locale),
        perDay: money(Math.round(interest.perDayOre), locale),
      });
    const cap = typeof line.facts.capOre === "number" ? money(line.facts.capOre, locale) : "";
    return t(`why.${line.key}`, { cap });
  };

  return (
    <div className="space-y-4">
      <div
        role="img"
        aria-label={t("barLabel", { parts: parts.map((p) => `${label(p.key)} ${money(p.ore, locale)}`).join(", ") })}
        className="flex h-6 w-full overflow-hidden rounded-full border border-line"
      >
        {parts.map((p) => (
          <div key={p.key} className={COLOURS[p.key] ?? FEE_COLOUR} style={{ width: `${(100 * p.ore) / barTotal}%` }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {parts.map((p) => (
          <li key={p.key} className="flex items-center gap-2">
            <span className={`inline-block h-3 w-3 rounded-sm ${COLOURS[p.key] ?? FEE_COLOUR}`} />
            {label(p.key)}
          </li>
        ))}
      </ul>
      <table className="w-full text-left border-collapse">
        <caption className="sr-only">{t("breakdownCaption")}</caption>
        <thead>
          <tr className="border-b border-line text-muted text-sm">
            <th scope="col" className="py-2 pr-2 font-medium">
              {t("colWhat")}
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              {t("colAmount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines
            .filter((l) => l.key !== "paid" && l.key !== "credited")
            .map((line, i) => (
              <tr key={`${line.key}-${i}`} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-2 font-normal">
                  <span className="font-semibold">{t(`line.${line.key}`)}</span>
                  <span className="block text-sm text-muted">{why(line)}</span>
                </th>
                <td className="py-3 text-right tabular whitespace-nowrap">{money(line.amountOre, locale)}</td>
              </tr>
            ))}
          <tr className="border-b border-line">
            <th scope="row" className="py-2 pr-2 font-semibold">
              {t("total")}
            </th>
            <td className="py-2 text-right tabular whitespace-nowrap font-semibold">{money(totalOre, locale)}</td>
          </tr>
          {paidOre > 0 && (
            <tr className="border-b border-line">
              <th scope="row" className="py-2 pr-2 font-normal">
                {t("paidTotal")}
              </th>
              <td className="py-2 text-right tabular whitespace-nowrap">− {money(paidOre, locale)}</td>
            </tr>
          )}
          {creditedOre > 0 && (
            <tr className="border-b border-line">
              <th scope="row" className="py-2 pr-2 font-normal">
                {t("creditedTotal")}
              </th>
              <td className="py-2 text-right tabular whitespace-nowrap">− {money(creditedOre, locale)}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-3 pr-2 text-lg font-bold">
              {t("leftTotal")}
            </th>
            <td className="py-3 text-right tabular whitespace-nowrap text-lg font-bold">{money(leftOre, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
