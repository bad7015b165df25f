import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ErrorSummary } from "@/components/form/error-summary";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { StaffFrame } from "@/components/staff/staff-frame";
import { requireStaff } from "@/server/auth/require";
import { todayInStockholm } from "@/server/domain/calendar";
import { decideDisputeAction } from "../actions";

type Props = { params: Promise<{ disputeId: string }>; searchParams: Promise<{ error?: string; done?: string }> };

const ERRORS = ["invalid_decision_reason_required", "invalid_decision_amount", "conflict_dispute_decided", "outcome_required"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = await searchParams;
  return { title: `${q.error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("staffDisputes"))("title")}` };
}

/** One dispute: the person's words, the case today, and the decision. */
export default async function StaffDisputePage({ params, searchParams }: Props) {
  const viewer = await requireStaff();
  const { disputeId } = await params;
  if (!z.string().uuid().safeParse(disputeId).success) notFound();
  const d = await orNotFound((await api()).staff.disputes.get({ disputeId }));
  const q = await searchParams;
  const t = await getTranslations("staffDisputes");
  const reasons = await getTranslations("dispute.reason");
  const locale = (await getLocale()) as Locale;
  const error = q.error ? t(`errors.${ERRORS.includes(q.error) ? q.error : "unknown"}` as "errors.unknown") : null;
  const option = "flex min-h-11 items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-700";
  const facts: [string, string][] = [
    [t("debtor"), d.debtorName],
    [t("creditor"), d.case.creditorName],
    [t("invoice"), d.case.invoiceNumber],
    [t("made"), longDate(todayInStockholm(d.createdAt), locale)],
    ...(d.dueBy ? ([[t("due"), longDate(todayInStockholm(d.dueBy), locale)]] as [string, string][]) : []),
    [t("colReason"), reasons(d.reason as "other")],
    [t("disputed"), d.part === "all" ? `${t("all")} (${money(d.case.leftOre, locale)})` : money(d.disputedOre, locale)],
  ];
  const balance: [string, string][] = [
    [t("principalLeft"), money(d.case.principalLeftOre, locale)],
    [t("interestLeft"), money(d.case.interestLeftOre, locale)],
    [t("feesLeft"), money(d.case.feesLeftOre, locale)],
    [t("paid"), money(d.case.paidOre, locale)],
    [t("left"), money(d.case.leftOre, locale)],
  ];
  const list = (rows: [string, string][]) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <StaffFrame role={viewer.role} current="disputes">
      <div className="space-y-6">
        <nav>
          <Link href="/staff/disputes" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            ← {t("back")}
          </Link>
        </nav>
        <ErrorSummary title={t("decideTitle")} errors={error ? [{ href: "#outcome-reject", text: error }] : []} />
        <h1 className="text-3xl font-bold">{t("heading", { caseNumber: d.case.caseNumber })}</h1>
        <p className="font-semibold">{t(`status.${d.status}`)}</p>
        {q.done && (
          <p role="status" className="rounded-lg border-2 border-brand-700 p-3 font-semibold">
            {t("decided")}
          </p>
        )}
        {list(facts)}
        <section className="space-y-2" aria-labelledby="words">
          <h2 id="words" className="text-xl font-semibold">
            {t("words")}
          </h2>
          <blockquote className="whitespace-pre-line break-words border-l-4 border-line pl-3">{d.description}</blockquote>
          {d.files.length > 0 && (
            <ul aria-label={t("files")}>
              {d.files.map((f) => (
                <li key={f.id}>
                  <a href={`/staff/attachments/${f.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                    {t("download", { name: f.fileName })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="space-y-2" aria-labelledby="balance">
          <h2 id="balance" className="text-xl font-semibold">
            {t("balance")}
          </h2>
          {list(balance)}
        </section>
        {d.status === "open" ? (
          <form action={decideDisputeAction} className="space-y-4">
            <input type="hidden" name="disputeId" value={d.id} />
            <fieldset className="space-y-2">
              <legend className="text-xl font-semibold">{t("outcome")}</legend>
              <label htmlFor="outcome-cancel" className={option}>
                <input id="outcome-cancel" type="radio" name="outcome" value="cancel" className="mt-0.5 h-6 w-6 accent-brand-700" />
                <span>{t("cancel")}</span>
              </label>
              <div className={option}>
                <input id="outcome-reduce" type="radio" name="outcome" value="reduce" className="mt-0.5 h-6 w-6 accent-brand-700" />
                <div className="space-y-1">
                  <label htmlFor="outcome-reduce">{t("reduce")}</label>
                  <label htmlFor="reduce" className="block text-muted">
                    {t("reduceLabel")}
                  </label>
                  <input id="reduce" name="reduce" inputMode="decimal" autoComplete="off" className="block min-h-11 w-40 rounded-md border-2 border-ink px-3" />
                </div>
              </div>
              <label htmlFor="outcome-reject" className={option}>
                <input id="outcome-reject" type="radio" name="outcome" value="reject" className="mt-0.5 h-6 w-6 accent-brand-700" />
                <span>{t("reject")}</span>
              </label>
            </fieldset>
            <div className="space-y-1">
              <label htmlFor="reason" className="block font-semibold">
                {t("reason")}
              </label>
              <textarea id="reason" name="reason" rows={4} className="block w-full rounded-md border-2 border-ink p-2" />
            </div>
            <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 font-semibold text-on-brand">
              {t("submit")}
            </button>
          </form>
        ) : (
          <section className="space-y-2">
            {d.decisionReason && <blockquote className="whitespace-pre-line border-l-4 border-line pl-3">{d.decisionReason}</blockquote>}
            {d.creditedOre !== null && <p>{t("credited", { amount: money(d.creditedOre, locale) })}</p>}
            {d.resumesOn && <p>{t("resumes", { date: longDate(d.resumesOn, locale) })}</p>}
          </section>
        )}
      </div>
    </StaffFrame>
  );
}
