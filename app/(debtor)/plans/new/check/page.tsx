import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { PlanTimeline } from "@/components/debtor/plan-timeline";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { proposePlanAction } from "../../actions";
import { Carry, primaryButton, StepFrame } from "../layout-parts";
import { answersOf, stepHref, type WizardParams } from "../wizard";

type Props = { searchParams: Promise<WizardParams & { error?: string }> };

const KNOWN_ERRORS = ["conflict_plan_exists", "conflict_case_not_plannable", "unknown"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("checkHeading") };
}

/** Check your answers: every date and amount, the fee, the interest still to come, the total. */
export default async function PlanCheckPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  const answers = answersOf(params);
  if (answers.method === null) redirect(stepHref("method", params));
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  let preview;
  try {
    preview = await (await api()).debtor.plans.preview({ caseIds: answers.caseIds, monthlyOre: answers.monthlyOre, months: answers.months, dueDay: answers.dueDay!, method: answers.method, replacesPlanId: answers.replaces });
  } catch (error) {
    if (error instanceof TRPCError) redirect(stepHref("amount", params));
    throw error;
  }
  const error = params.error ? (KNOWN_ERRORS.find((e) => e === params.error) ?? "unknown") : null;
  const methodLabel = { swish: t("methodSwish"), card: t("methodCard"), bankgiro: t("methodBankgiro") }[preview.method];
  const rows: [string, string, string][] = [
    [t("answerCases"), preview.cases.map((c) => `${c.creditorName} ${c.caseNumber}`).join(", "), stepHref("", params)],
    [t("answerAmount"), money(preview.monthlyOre, locale), stepHref("amount", params)],
    [t("answerMonths"), String(preview.months), stepHref("amount", params)],
    [t("answerDay"), t("dayOfMonth", { day: preview.dueDay }), stepHref("day", params)],
    [t("answerMethod"), methodLabel, stepHref("method", params)],
  ];

  return (
    <StepFrame
      back={stepHref("method", params)}
      backLabel={t("back")}
      step={t("step", { n: 4 })}
      heading={t("checkHeading")}
      errorTitle={t("errorTitle")}
      errors={error ? [{ href: "#sign", text: t(`errors.${error}`) }] : []}
    >
      <p className="text-lg">{t("checkLead")}</p>
      <dl className="divide-y divide-line border-y border-line">
        {rows.map(([label, value, href]) => (
          <div key={label} className="grid grid-cols-[1fr_auto] gap-x-4 py-3 sm:grid-cols-[12rem_1fr_auto]">
            <dt className="font-semibold">{label}</dt>
            <dd className="col-start-1 sm:col-start-2">{value}</dd>
            <dd className="col-start-2 row-start-1 sm:col-start-3">
              <Link href={href} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                {t("change")}
                <span className="sr-only"> {label.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="schedule" className="space-y-3">
        <h2 id="schedule" className="text-xl font-semibold">
          {t("scheduleTitle")}
        </h2>
        <PlanTimeline label={t("timelineLabel")} items={preview.instalments.map((i) => ({ seq: i.seq, dueDate: i.dueDate, paid: false }))} />
        <table className="w-full text-left">
          <caption className="sr-only">{t("scheduleCaption")}</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="py-2 font-medium">
                {t("colNumber")}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t("colDate")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("colAmount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.instalments.map((i) => (
              <tr key={i.seq} className="border-b border-line">
                <td className="py-2">{i.seq}</td>
                <td className="py-2">{longDate(i.dueDate, locale)}</td>
                <td className="py-2 text-right tabular">{money(i.amountOre, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="space-y-1">
          {[
            [t("summaryDebt"), money(preview.balanceOre, locale)],
            [t("summaryFee"), preview.feeOre > 0 ? money(preview.feeOre, locale) : t("summaryFeeNone")],
            [t("summaryInterest"), money(preview.interestOre, locale)],
            [t("summaryTotal"), money(preview.totalOre, locale)],
          ].map(([label, value], index, all) => (
            <div key={label} className={`flex justify-between gap-4 ${index === all.length - 1 ? "border-t border-line pt-2 font-bold" : ""}`}>
              <dt>{label}</dt>
              <dd className="tabular">{value}</dd>
            </div>
          ))}
        </dl>
        {preview.feeOre > 0 && <p className="text-muted">{t("feeNote")}</p>}
        <p className="text-muted">{t("interestNote")}</p>
      </section>

      <section aria-labelledby="missed" className="space-y-2">
        <h2 id="missed" className="text-xl font-semibold">
          {t("missedTitle")}
        </h2>
        <p>{t("missedText")}</p>
      </section>

      {preview.inside ? (
        <form action={proposePlanAction}>
          <Carry params={{ ...params }} except={["error"]} />
          <button id="sign" type="submit" className={primaryButton}>
            {t("sign")}
          </button>
        </form>
      ) : (
        <section aria-labelledby="outside" className="space-y-3 rounded-xl border-2 border-brand-700 p-4">
          <h2 id="outside" className="text-xl font-semibold">
            {t("outsideTitle")}
          </h2>
          <p>{t("outsideLead")}</p>
          <ul className="list-disc space-y-1 pl-6">
            {preview.reasons.map((reason) => (
              <li key={reason}>
                {reason === "too_long"
                  ? t("reason.too_long", { max: preview.policy.maxPlanMonths })
                  : t("reason.below_minimum", { min: money(preview.policy.minInstalmentOre, locale) })}
              </li>
            ))}
          </ul>
          <Link id="sign" href={stepHref("request", params)} className={primaryButton}>
            {t("askAnyway")}
          </Link>
          <p>
            <Link href={stepHref("amount", params)} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
              {t("changeAnswers")}
            </Link>
          </p>
        </section>
      )}
    </StepFrame>
  );
}
