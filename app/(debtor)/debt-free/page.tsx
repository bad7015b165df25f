import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/form/error-summary";
import { DebtFreeChart } from "@/components/debtor/debt-free-chart";
import { money, monthYear } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { parseMoney } from "@/server/domain/money";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ amount?: string }> }): Promise<Metadata> {
  const t = await getTranslations("debtFree");
  const { amount } = await searchParams;
  const invalid = readAmount(amount).invalid;
  return { title: `${invalid ? (await getTranslations("common"))("errorPrefix") : ""}${t("title")}` };
}

/** The amount a month as typed: at least 1 kr, in kronor and öre. */
function readAmount(amount: string | undefined) {
  const monthlyOre = amount !== undefined ? parseMoney(amount) : null;
  return { monthlyOre, invalid: amount !== undefined && (monthlyOre === null || monthlyOre < 100) };
}

/** A plain GET form: works without JavaScript, keeps what the person typed, explains errors. */
export default async function DebtFreePage({ searchParams }: { searchParams: Promise<{ amount?: string }> }) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("debtFree");
  const locale = (await getLocale()) as Locale;
  const { amount } = await searchParams;
  const { monthlyOre, invalid } = readAmount(amount);
  const result = monthlyOre !== null && !invalid ? await (await api()).debtor.debtFree({ monthlyOre }) : null;
  // The smallest amount a month, drawn beside the person's own when it too clears everything.
  const slower = result?.baselineMonths && result.baselineMonthlyOre !== null ? { months: result.baselineMonths, monthlyOre: result.baselineMonthlyOre } : null;

  return (
    <div className="space-y-6">
      <Link href="/cases" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        ← {t("back")}
      </Link>
      {invalid && <ErrorSummary title={t("errorTitle")} errors={[{ href: "#amount", text: t("error") }]} />}
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      <form method="get" className="space-y-3" noValidate>
        <div className="space-y-1">
          <label htmlFor="amount" className="block font-semibold">
            {t("amountLabel")}
          </label>
          <p id="amount-hint" className="text-muted">
            {t("amountHint")}
          </p>
          {invalid && (
            <p id="amount-error" className="font-semibold text-error">
              <span className="sr-only">{(await getTranslations("common"))("errorPrefix")}</span>
              {t("error")}
            </p>
          )}
          <input
            id="amount"
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={amount ?? ""}
            aria-describedby={invalid ? "amount-hint amount-error" : "amount-hint"}
            aria-invalid={invalid || undefined}
            className={`block w-40 min-h-12 rounded-md border-2 px-3 text-lg tabular ${invalid ? "border-error" : "border-ink"}`}
          />
        </div>
        <button type="submit" className="w-full sm:w-auto min-h-12 rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand">
          {t("submit")}
        </button>
      </form>

      {result && (
        <section className="space-y-3" aria-live="polite">
          {result.debtFreeDate ? (
            <>
              <p className="text-xl font-semibold">{t("result", { amount: money(monthlyOre!, locale), date: monthYear(result.debtFreeDate, locale) })}</p>
              <p>{t("resultMonths", { months: result.months.length })}</p>
              <p>{t("interest", { interest: money(result.interestOre, locale) })}</p>
              {result.interestAvoidedOre !== null && result.baselineMonthlyOre !== null && result.interestAvoidedOre > 0 && (
                <p>{t("avoided", { baseline: money(result.baselineMonthlyOre, locale), saved: money(result.interestAvoidedOre, locale) })}</p>
              )}
              <DebtFreeChart
                points={[{ date: result.start, leftOre: result.totalLeftOre }, ...result.months]}
                baseline={slower && [{ date: result.start, leftOre: result.totalLeftOre }, ...slower.months]}
                label={`${t("chartLabel", { start: monthYear(result.start, locale), end: monthYear(result.debtFreeDate, locale) })}.${
                  slower ? ` ${t("chartLabelBaseline", { baseline: money(slower.monthlyOre, locale), end: monthYear(slower.months.at(-1)!.date, locale) })}` : ""
                }`}
                labels={{
                  top: money(result.totalLeftOre, locale),
                  start: monthYear(result.start, locale),
                  end: monthYear((slower?.months ?? result.months).at(-1)?.date ?? result.debtFreeDate, locale),
                  yours: t("legend", { amount: money(monthlyOre!, locale) }),
                  baseline: slower && t("legend", { amount: money(slower.monthlyOre, locale) }),
                }}
              />
              <details>
                <summary className="min-h-11 flex items-center cursor-pointer text-brand-700 underline underline-offset-4">{t("tableCaption")}</summary>
                <table className="w-full text-left">
                  <caption className="sr-only">{t("tableCaption")}</caption>
                  <thead>
                    <tr className="border-b border-line text-sm text-muted">
                      <th scope="col" className="py-1 font-medium">
                        {t("colMonth")}
                      </th>
                      <th scope="col" className="py-1 text-right font-medium">
                        {t("colLeft")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.months.map((m) => (
                      <tr key={m.date} className="border-b border-line">
                        <td className="py-1">{monthYear(m.date, locale)}</td>
                        <td className="py-1 text-right tabular">{money(m.leftOre, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </>
          ) : (
            <p className="text-lg">{t("never")}</p>
          )}
          <p className="text-muted">{t("note")}</p>
        </section>
      )}
    </div>
  );
}
