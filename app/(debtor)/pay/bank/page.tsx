import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CopyButton } from "@/components/ui/copy-button";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { splitOverCases } from "@/server/domain/payment-choice";

type Props = { searchParams: Promise<{ case?: string; amount?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pay");
  return { title: t("bankHeading") };
}

/** Bank transfer: our bankgiro, each case's OCR number and amount, and when it shows up here. */
export default async function PayByBankPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const query = await searchParams;
  const caseId = z.string().uuid().safeParse(query.case).success ? query.case : undefined;
  if (query.case !== undefined && !caseId) notFound();
  const options = await orNotFound((await api()).debtor.payments.options({ caseId }));
  const t = await getTranslations("pay");
  const locale = (await getLocale()) as Locale;
  const asked = z.coerce.number().int().positive().safeParse(query.amount);
  let parts: { caseId: string; amountOre: number }[];
  try {
    parts = splitOverCases(options.cases, asked.success ? asked.data : options.totalOre);
  } catch {
    parts = options.cases.map((c) => ({ caseId: c.id, amountOre: c.leftOre }));
  }
  const digits = (ore: number) => (ore / 100).toFixed(2).replace(".", locale === "sv" ? "," : ".");

  return (
    <article className="space-y-6">
      <nav>
        <Link href={caseId ? `/pay?case=${caseId}` : "/pay"} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {caseId ? t("backToCase") : t("backToCases")}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold leading-tight">{t("bankHeading")}</h1>
        <p className="text-lg">{t("bankLead")}</p>
        {parts.length > 1 && <p>{t("bankEach")}</p>}
      </header>
      {parts.map((part) => {
        const c = options.cases.find((x) => x.id === part.caseId)!;
        return (
          <section key={c.id} aria-labelledby={`case-${c.id}`} className="space-y-3 rounded-xl border border-line p-4">
            <h2 id={`case-${c.id}`} className="text-lg font-semibold">
              {c.creditorName} · {c.caseNumber}
            </h2>
            <dl className="space-y-2">
              {[
                { label: t("bankgiro"), value: options.bankgiro, copy: t("copyBankgiro"), raw: options.bankgiro },
                { label: t("ocr"), value: c.ocrReference, copy: t("copyOcr"), raw: c.ocrReference },
                { label: t("amount"), value: money(part.amountOre, locale), copy: t("copyAmount"), raw: digits(part.amountOre) },
              ].map((row) => (
                <div key={row.label} className="border-b border-line pb-2">
                  <dt className="text-sm text-muted">{row.label}</dt>
                  <dd className="flex items-center justify-between gap-3">
                    <span className="tabular text-lg font-semibold">{row.value}</span>
                    <CopyButton value={row.raw} label={row.copy} copiedLabel={t("copied")} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <p>{t("bankArrives", { date: longDate(options.bankTransferArrivesBy, locale) })}</p>
    </article>
  );
}
