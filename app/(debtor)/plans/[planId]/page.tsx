import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PlanTimeline } from "@/components/debtor/plan-timeline";
import { ButtonLink } from "@/components/ui/button-link";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { requirePerson } from "@/server/auth/require";
import { pausePlanAction } from "../actions";
import { loadPlan } from "./load";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<{ signed?: string; moved?: string; paused?: string; error?: string }> };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("planHeading") };
}

/** A plan: where it stands, every instalment, the next payment, and what can be changed. */
export default async function PlanPage({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { planId } = await params;
  const query = await searchParams;
  const plan = await loadPlan(planId);
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  const next = plan.instalments.find((i) => i.id === plan.nextInstalmentId);
  const live = plan.status === "active" || plan.status === "paused";
  const link = "inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4";
  const notice = query.signed
    ? [t("signedHeading"), plan.instalments[0] ? t("signedLead", { date: longDate(plan.instalments[0].dueDate, locale) }) : ""]
    : query.moved && ISO.test(query.moved)
      ? [t("moved", { date: longDate(query.moved, locale) }), ""]
      : query.paused && ISO.test(query.paused)
        ? [t("paused", { date: longDate(query.paused, locale) }), ""]
        : null;

  return (
    <article className="space-y-8">
      <nav>
        <Link href="/cases" className={link}>
          ← {t("back")}
        </Link>
      </nav>
      {notice && (
        <div role="status" className="space-y-1 rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
          <p className="text-lg font-semibold">{notice[0]}</p>
          {notice[1] && <p>{notice[1]}</p>}
        </div>
      )}
      <header className="space-y-2">
        <h1 className="text-3xl font-bold leading-tight">{t("planHeading")}</h1>
        <p className="text-lg font-semibold">{t(`status.${plan.status}`)}</p>
        {plan.status === "requested" && <p>{t("requestedLead")}</p>}
        {plan.status === "rejected" && <p>{t("rejectedLead")}</p>}
        {plan.status === "lapsed" && <p>{t("lapsedLead")}</p>}
        {plan.status === "awaiting_signature" && plan.decisionNote !== null && <p>{t("approvedLead")}</p>}
        <p className="text-muted">{plan.cases.map((c) => `${c.creditorName} ${c.caseNumber}`).join(", ")}</p>
      </header>

      {plan.status === "awaiting_signature" && <ButtonLink href={`/plans/${plan.id}/sign`}>{t("sign")}</ButtonLink>}

      {live && next && (
        <section aria-labelledby="next" className="space-y-3 rounded-xl border border-line p-4">
          <h2 id="next" className="text-xl font-semibold">
            {t("nextTitle")}
          </h2>
          <p className="text-lg">{t("next", { amount: money(next.amountOre - next.paidOre, locale), date: longDate(next.dueDate, locale) })}</p>
          <dl>
            <dt className="text-sm text-muted">{t("ocr")}</dt>
            <dd className="tabular text-lg font-semibold">{next.ocrReference}</dd>
          </dl>
          <ButtonLink href={`/pay?${plan.cases.length === 1 ? `case=${plan.cases[0]!.id}&` : ""}plan=${plan.id}&instalment=${next.id}`}>{t("payNext")}</ButtonLink>
        </section>
      )}

      <section aria-labelledby="schedule" className="space-y-3">
        <h2 id="schedule" className="text-xl font-semibold">
          {t("scheduleTitle")}
        </h2>
        <PlanTimeline label={t("timelineLabel")} items={plan.instalments.map((i) => ({ seq: i.seq, dueDate: i.dueDate, paid: i.status === "paid", missed: i.status === "missed" }))} />
        <table className="w-full text-left">
          <caption className="sr-only">{t("scheduleCaption")}</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="py-2 font-medium">
                {t("colDate")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("colAmount")}
              </th>
              <th scope="col" className="py-2 pl-3 font-medium">
                {t("colStatus")}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.instalments.map((i) => (
              <tr key={i.id} className="border-b border-line align-top">
                <td className="py-2">
                  {longDate(i.dueDate, locale)}
                  {i.movedFrom && <span className="block text-sm text-muted">{t("movedFrom", { date: longDate(i.movedFrom, locale) })}</span>}
                </td>
                <td className="py-2 text-right tabular">{money(i.amountOre, locale)}</td>
                <td className="py-2 pl-3">
                  {t(`instalmentStatus.${i.status}`)}
                  {i.canMove && (
                    <Link href={`/plans/${plan.id}/move/${i.id}`} className={`${link} block`}>
                      {t("move")}
                      <span className="sr-only"> {longDate(i.dueDate, locale)}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {live && (
        <section aria-labelledby="change" className="space-y-3">
          <h2 id="change" className="text-xl font-semibold">
            {t("actionsTitle")}
          </h2>
          <p className="text-muted">{t("moveHint")}</p>
          {plan.canPause && (
            <form action={pausePlanAction} className="space-y-1">
              <input type="hidden" name="planId" value={plan.id} />
              <button type="submit" className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-700">
                {t("pause")}
              </button>
              <p className="text-muted">{t("pauseHint")}</p>
            </form>
          )}
          <ul className="space-y-1">
            <li>
              <Link href={`/plans/new/amount?cases=${plan.cases.map((c) => c.id).join(",")}&replaces=${plan.id}`} className={link}>
                {t("changeAmount")}
              </Link>
            </li>
            <li>
              <Link href={plan.cases.length === 1 ? `/pay?case=${plan.cases[0]!.id}` : "/pay"} className={link}>
                {t("payRest")}
              </Link>
            </li>
          </ul>
        </section>
      )}

      <section aria-labelledby="files" className="space-y-1">
        <h2 id="files" className="sr-only">
          {t("agreement")}
        </h2>
        <a href={`/plans/${plan.id}/agreement`} className={`${link} block`}>
          {t("agreement")}
        </a>
        {live && (
          <a href={`/plans/${plan.id}/calendar`} className={`${link} block`}>
            {t("calendar")}
          </a>
        )}
      </section>

      {plan.events.length > 0 && (
        <section aria-labelledby="events" className="space-y-2">
          <h2 id="events" className="text-xl font-semibold">
            {t("historyTitle")}
          </h2>
          <ul className="space-y-1">
            {plan.events.map((e, index) => (
              <li key={index}>
                {longDate(e.occurredOn, locale)}: {t(`event.${e.kind as "plan_signed"}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
