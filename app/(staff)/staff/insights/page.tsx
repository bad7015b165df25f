import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { errorMessage } from "@/components/staff/error-message";
import { ExperimentCard } from "@/components/staff/insights/experiment-card";
import { count, decimal, pct } from "@/components/staff/insights/format";
import { RatesSection, type RateRow } from "@/components/staff/insights/rates-section";
import { Notice } from "@/components/staff/notice";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, card, input, label, secondaryButton, textLink } from "@/components/staff/styles";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { staffMay } from "@/server/domain/permissions";
import { startExperimentAction, stopExperimentAction } from "./actions";
import { insightFiltersOf } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("title") };
}

/**
 * The supervisors' dashboard: shares paid within 5, 14 and 30 days of the first letter by channel,
 * due day, age and creditor; what happened to the cases; plans kept; reply times; experiments.
 * Every figure comes from the rollups, with n and an interval; every chart has its table.
 */
export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireStaff();
  if (!staffMay(viewer.role, "insights:read")) redirect("/staff");
  const q = await searchParams;
  const t = await getTranslations("insights");
  const locale = (await getLocale()) as Locale;
  const canManage = staffMay(viewer.role, "experiments:manage");
  const caller = await api();
  const [d, experiments] = await Promise.all([caller.staff.insights.dashboard(insightFiltersOf(q)), caller.staff.experiments.list()]);
  const done = typeof q.done === "string" && (q.done === "started" || q.done === "stopped") ? t(`experiments.done.${q.done}`) : null;
  const error = await errorMessage(typeof q.error === "string" ? q.error : undefined);

  const day = (iso: string) => new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  const at = (iso: string) => new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(new Date(iso));
  const windows = [t("windows.d5"), t("windows.d14"), t("windows.d30")];
  const share = (s: { rate: number; n: number; tooFew: boolean }) => (s.tooFew ? t("summary.tooFew") : t("summary.share", { share: pct(s.rate, locale), n: count(s.n, locale) }));
  const rowsOf = (list: typeof d.byChannel, name: (key: string) => string): RateRow[] => list.map((r) => ({ label: name(r.key), cases: r.cases, shares: [r.d5, r.d14, r.d30] }));
  const summaryOf = (title: string, rows: RateRow[]) =>
    t("summary.rates", { title, parts: rows.map((r) => t("summary.part", { group: r.label, d5: share(r.shares[0]!), d14: share(r.shares[1]!), d30: share(r.shares[2]!) })).join("; ") });
  const groupName = (kind: "channel" | "dueGroup" | "ageBand") => (key: string) => (t.has(`groups.${kind}.${key}`) ? t(`groups.${kind}.${key}`) : key);

  const rateSections = [
    { id: "channel", rows: rowsOf(d.byChannel, groupName("channel")) },
    { id: "dueGroup", rows: rowsOf(d.byDueGroup, groupName("dueGroup")) },
    { id: "ageBand", rows: rowsOf(d.byAgeBand, groupName("ageBand")) },
    { id: "young", rows: rowsOf(d.youngByDueGroup, groupName("dueGroup")) },
    { id: "creditor", rows: rowsOf(d.byCreditor, (k) => k) },
  ] as const;

  const funnelRows: RateRow[] = (["paid", "inPlan", "disputed", "onHold", "enforcement"] as const).map((k) => ({ label: t(`funnel.${k}`), cases: d.funnel[k].k, shares: [d.funnel[k]] }));
  const f = d.funnel;
  const funnelSummary = t("summary.funnel", { cases: count(f.cases, locale), paid: pct(f.paid.rate, locale), inPlan: pct(f.inPlan.rate, locale), disputed: pct(f.disputed.rate, locale), onHold: pct(f.onHold.rate, locale), enforcement: pct(f.enforcement.rate, locale) });
  const planRows: RateRow[] = [{ label: t("plans.keptShare"), cases: d.plans.kept.n, shares: [d.plans.kept] }];
  const replyRows: RateRow[] = [{ label: t("replies.onTime"), cases: d.replies.threads, shares: [d.replies.onTime] }];
  const exportHref = `/staff/insights/export?${new URLSearchParams(Object.entries({ from: d.filters.from, to: d.filters.to, ...(d.filters.creditorId ? { creditor: d.filters.creditorId } : {}) }))}`;

  return (
    <StaffFrame role={viewer.role} current="insights">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      <Notice done={done} error={error} />
      <form method="get" action="/staff/insights" aria-label={t("filters")} className="grid gap-3 rounded-xl border border-line p-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <div>
          <label htmlFor="i-from" className={label}>
            {t("from")}
          </label>
          <input id="i-from" name="from" type="date" defaultValue={d.filters.from} className={input} />
        </div>
        <div>
          <label htmlFor="i-to" className={label}>
            {t("to")}
          </label>
          <input id="i-to" name="to" type="date" defaultValue={d.filters.to} className={input} />
        </div>
        <div>
          <label htmlFor="i-creditor" className={label}>
            {t("creditor")}
          </label>
          <select id="i-creditor" name="creditor" defaultValue={d.filters.creditorId ?? ""} className={input}>
            <option value="">{t("allCreditors")}</option>
            {d.creditors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButton}>
          {t("apply")}
        </button>
      </form>
      <p>{t("range", { cases: d.total.cases, from: day(d.filters.from), to: day(d.filters.to) })}</p>
      <p>{d.refreshedAt ? t("asOf", { at: at(d.refreshedAt) }) : t("never")}</p>
      <p className="text-muted">{t("definition")}</p>
      <p>
        <a href={exportHref} className={textLink} download>
          {t("export")}
        </a>
      </p>

      {rateSections.map((s) => {
        const title = t(`sections.${s.id}.title`);
        return <RatesSection key={s.id} id={`ins-${s.id}`} title={title} lead={t(`sections.${s.id}.lead`)} rows={s.rows} measures={windows} summary={summaryOf(title, s.rows)} />;
      })}
      <RatesSection id="ins-funnel" title={t("sections.funnel.title")} lead={t("sections.funnel.lead")} rows={funnelRows} measures={[t("col.share")]} summary={funnelSummary} />
      <RatesSection
        id="ins-plans"
        title={t("sections.plans.title")}
        lead={t("sections.plans.lead")}
        rows={planRows}
        measures={[t("col.share")]}
        summary={t("summary.plans", { kept: d.plans.kept.tooFew ? t("summary.tooFew") : pct(d.plans.kept.rate, locale), lapsed: count(d.plans.lapsed, locale) })}
      />
      <RatesSection
        id="ins-replies"
        title={t("sections.replies.title")}
        lead={t("sections.replies.lead")}
        rows={replyRows}
        measures={[t("col.share")]}
        summary={t("summary.replies", { onTime: count(d.replies.onTime.k, locale), answered: count(d.replies.answered, locale), hours: decimal(d.replies.hours.mean, locale) })}
      >
        <dl className="grid gap-1 sm:grid-cols-[auto_1fr] sm:gap-x-6">
          <dt className="font-medium">{t("replies.threads")}</dt>
          <dd>{count(d.replies.threads, locale)}</dd>
          <dt className="font-medium">{t("replies.answered")}</dt>
          <dd>{count(d.replies.answered, locale)}</dd>
          <dt className="font-medium">{t("replies.hours")}</dt>
          <dd className="tabular-nums">
            {d.replies.hours.tooFew ? t("tooFew") : t("replies.hoursValue", { mean: decimal(d.replies.hours.mean, locale), low: decimal(d.replies.hours.low, locale), high: decimal(d.replies.hours.high, locale) })} · {t("nOf", { n: count(d.replies.hours.n, locale) })}
          </dd>
        </dl>
      </RatesSection>

      <section id="experiments" aria-labelledby="experiments-title" className="space-y-4">
        <h2 id="experiments-title" className="text-2xl font-bold">
          {t("experiments.title")}
        </h2>
        <p>{t("experiments.lead")}</p>
        {experiments.length === 0 ? (
          <p>{t("experiments.empty")}</p>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2">
            {experiments.map((e) => (
              <ExperimentCard key={e.id} e={e} canManage={canManage} stopAction={stopExperimentAction} />
            ))}
          </ul>
        )}
        {canManage && (
          <div className={card}>
            <h3 className="text-lg font-semibold">{t("experiments.startTitle")}</h3>
            <div className="grid gap-4 lg:grid-cols-3">
              {(["due_day", "letter_wording", "reminder_days"] as const).map((kind) => (
                <form key={kind} action={startExperimentAction} className="min-w-0 space-y-2 rounded-lg border border-line p-3">
                  <h4 className="font-semibold">{t(kind === "due_day" ? "experiments.startDueDay" : kind === "letter_wording" ? "experiments.startWording" : "experiments.startReminder")}</h4>
                  <input type="hidden" name="kind" value={kind} />
                  <div>
                    <label htmlFor={`start-${kind}-creditor`} className={label}>
                      {t("creditor")}
                    </label>
                    <select id={`start-${kind}-creditor`} name="creditorId" required className={input}>
                      {d.creditors.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  {kind === "letter_wording" ? (
                    <p className="text-sm">{t("experiments.startWordingHint")}</p>
                  ) : (
                    (["A", "B"] as const).map((arm) => (
                      <div key={arm}>
                        <label htmlFor={`start-${kind}-${arm}`} className={label}>
                          {t(`experiments.arm${arm}`)}
                        </label>
                        <input
                          id={`start-${kind}-${arm}`}
                          name={`arm${arm}`}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={kind === "due_day" ? 28 : 10}
                          required
                          defaultValue={kind === "due_day" ? (arm === "A" ? 23 : 26) : arm === "A" ? 3 : 5}
                          aria-describedby={`start-${kind}-hint`}
                          className={input}
                        />
                      </div>
                    ))
                  )}
                  {kind !== "letter_wording" && (
                    <p id={`start-${kind}-hint`} className="text-sm text-muted">
                      {t(kind === "due_day" ? "experiments.dueDayHint" : "experiments.reminderHint")}
                    </p>
                  )}
                  <button type="submit" className={button}>
                    {t("experiments.start")}
                  </button>
                </form>
              ))}
            </div>
          </div>
        )}
      </section>
    </StaffFrame>
  );
}
