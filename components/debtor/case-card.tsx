import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { longDate, money } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";

export interface CaseCardData {
  id: string;
  caseNumber: string;
  creditorName: string;
  description: string;
  leftOre: number;
  state: "to_pay" | "in_plan" | "disputed" | "paid" | "closed";
  nextDate: string | null;
  nextAmountOre: number | null;
}

/** One case on the overview: who, what for, what is left, the date that matters, its state. */
export async function CaseCard({ data }: { data: CaseCardData }) {
  const t = await getTranslations("cases");
  const d = await getTranslations("descriptions");
  const locale = (await getLocale()) as Locale;
  return (
    <li className="rounded-xl border border-line bg-paper p-4 shadow-sm space-y-3">
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold leading-snug">{data.creditorName}</h2>
        <StatusBadge state={data.state} label={t(`status.${data.state}`)} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">{t("about")}</dt>
        <dd>{d(data.description)}</dd>
        <dt className="text-muted">{t("leftToPay")}</dt>
        <dd className="tabular font-semibold text-lg">{money(data.leftOre, locale)}</dd>
      </dl>
      {data.state === "to_pay" && data.nextDate && <p className="font-medium">{t("payBy", { date: longDate(data.nextDate, locale) })}</p>}
      {data.state === "in_plan" && data.nextDate && data.nextAmountOre !== null && (
        <p className="font-medium">{t("nextInstalment", { amount: money(data.nextAmountOre, locale), date: longDate(data.nextDate, locale) })}</p>
      )}
      {data.state === "disputed" && <p>{t("pausedNote")}</p>}
      {data.state === "paid" && <p>{t("paidNote")}</p>}
      <Link
        href={`/cases/${data.id}`}
        aria-label={t("openCase", { creditor: data.creditorName })}
        className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4"
      >
        {t("open")} →
      </Link>
    </li>
  );
}
