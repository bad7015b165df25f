import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { todayInStockholm } from "@/server/domain/calendar";
import { disputeAnswerDue } from "@/server/domain/disputes";
import { primaryButton, StepFrame } from "../../../../plans/new/layout-parts";
import { submitDisputeAction } from "../actions";
import { disputable, disputeHref, loadCase } from "../wizard";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = await searchParams;
  return { title: `${q.error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("dispute"))("checkHeading")}` };
}

const KNOWN_ERRORS = ["conflict_dispute_open", "conflict_case_closed", "invalid_dispute_reason", "invalid_dispute_description_required", "invalid_dispute_description_too_long", "invalid_dispute_nothing_left", "invalid_dispute_part_required", "invalid_dispute_amount_required", "invalid_dispute_amount_too_small", "invalid_dispute_amount_too_large"];

/** Check your answers, then send. Nothing is sent before this page's button. */
export default async function DisputeCheckPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const c = await loadCase(caseId);
  if (!disputable(c)) redirect(`/cases/${c.id}`);
  const draft = await (await api()).debtor.disputes.draft({ caseId: c.id });
  if (!draft) redirect(disputeHref(c.id, ""));
  const q = await searchParams;
  const t = await getTranslations("dispute");
  const d = await getTranslations("descriptions");
  const locale = (await getLocale()) as Locale;
  const answers = { reason: draft.reason, part: draft.part, amount: draft.part === "part" ? (draft.disputedOre / 100).toFixed(2).replace(".", ",") : undefined };
  const error = q.error ? t(`errors.${KNOWN_ERRORS.includes(q.error) ? q.error : "unknown"}`, { amount: money(c.balance.leftOre, locale), count: draft.description.trim().length }) : null;
  const rows = [
    { key: "case", label: t("check.case"), value: `${c.creditor.name}, ${d(c.description)} (${c.caseNumber})`, href: null },
    { key: "reason", label: t("check.reason"), value: t(`reason.${draft.reason}`), href: disputeHref(c.id, "", answers) },
    {
      key: "amount",
      label: t("check.amount"),
      value: draft.part === "all" ? t("part.all", { amount: money(c.balance.leftOre, locale) }) : money(draft.disputedOre, locale),
      href: disputeHref(c.id, "amount", answers),
    },
    { key: "description", label: t("check.description"), value: draft.description, href: disputeHref(c.id, "describe", answers) },
    {
      key: "files",
      label: t("check.files"),
      value: draft.files.length > 0 ? draft.files.map((f) => f.fileName).join("\n") : t("check.noFiles"),
      href: disputeHref(c.id, "describe", answers),
    },
  ];

  return (
    <StepFrame
      back={disputeHref(c.id, "describe", answers)}
      backLabel={t("back")}
      step={t("step", { n: 4 })}
      heading={t("checkHeading")}
      errorTitle={t("errorTitle")}
      errors={error ? [{ href: "#send", text: error }] : []}
    >
      <p className="text-lg">{t("checkLead")}</p>
      <dl className="divide-y divide-line border-y border-line">
        {rows.map((row) => (
          <div key={row.key} className="space-y-1 py-3">
            <dt className="font-semibold">{row.label}</dt>
            <dd className="whitespace-pre-line break-words">{row.value}</dd>
            {row.href && (
              <dd>
                <Link href={row.href} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                  {t("check.change")}
                  <span className="sr-only"> {row.label.toLowerCase()}</span>
                </Link>
              </dd>
            )}
          </div>
        ))}
      </dl>
      <h2 className="text-xl font-semibold">{t("checkNextTitle")}</h2>
      <p>{t("checkNext", { date: longDate(disputeAnswerDue(todayInStockholm(new Date())), locale) })}</p>
      <form action={submitDisputeAction}>
        <input type="hidden" name="caseId" value={c.id} />
        <button id="send" type="submit" className={primaryButton}>
          {t("send")}
        </button>
      </form>
    </StepFrame>
  );
}
