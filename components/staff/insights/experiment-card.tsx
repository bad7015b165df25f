import { getLocale, getTranslations } from "next-intl/server";
import { button, card } from "@/components/staff/styles";
import type { Locale } from "@/i18n/config";
import type { ExperimentView } from "@/server/modules/insights/experiments";
import { count, pct, signed } from "./format";
import { RateChart } from "./rate-chart";

/** One experiment: its two versions' paid-within-14-days shares, the difference in words, and (running) the stop form. */
export async function ExperimentCard({ e, canManage, stopAction }: { e: ExperimentView; canManage: boolean; stopAction: (form: FormData) => Promise<void> }) {
  const t = await getTranslations("insights.experiments");
  const ti = await getTranslations("insights");
  const locale = (await getLocale()) as Locale;
  const day = (iso: string) => new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(new Date(iso));
  const setting = (value: string) => (e.kind === "letter_wording" ? t(value === "brief" ? "arm.letter_wording.brief" : "arm.letter_wording.standard") : t(`arm.${e.kind}`, { value }));
  const arms = [
    { arm: "A", value: e.armA, ...e.a },
    { arm: "B", value: e.armB, ...e.b },
  ];
  const share = (r: ExperimentView["a"]["paid14"]) => (r.tooFew ? ti("summary.tooFew") : ti("summary.share", { share: pct(r.rate, locale), n: count(r.n, locale) }));
  const summary = `${t("chart")}. ${arms.map((a) => `${t("armName", { arm: a.arm })} (${setting(a.value)}): ${share(a.paid14)}`).join("; ")}. ${t(`verdict.${e.verdict}`)}`;
  const headingId = `exp-${e.id}`;
  return (
    <li className={`${card} min-w-0`}>
      <h3 id={headingId} className="text-lg font-semibold">
        {t("heading", { creditor: e.creditorName, kind: t(`kind.${e.kind}`) })} · {e.status === "running" ? t("running") : t("stopped")}
      </h3>
      <p>{t("started", { date: day(e.startedAt), by: e.startedBy ?? "–" })}</p>
      <RateChart groups={arms.map((a) => ({ label: t("armName", { arm: a.arm }), bars: [{ label: t("col.paid14"), ...a.paid14 }] }))} summary={summary} legend={[t("col.paid14")]} tooFew={ti("tooFew")} />
      <div role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0} className="overflow-x-auto">
        <table className="w-full border-collapse text-left tabular-nums">
          <caption id={`${headingId}-caption`} className="sr-only">
            {t("caption", { creditor: e.creditorName })}
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">{t("col.arm")}</th>
              <th scope="col" className="p-2 text-right">{t("col.cases")}</th>
              <th scope="col" className="p-2 text-right">{t("col.paid14")}</th>
            </tr>
          </thead>
          <tbody>
            {arms.map((a) => (
              <tr key={a.arm} className="border-b border-line">
                <th scope="row" className="p-2 font-medium">
                  {a.arm}: {setting(a.value)}
                </th>
                <td className="p-2 text-right">{count(a.cases, locale)}</td>
                <td className="p-2 text-right">
                  {a.paid14.tooFew ? (
                    ti("tooFew")
                  ) : (
                    <>
                      <span className="font-semibold">{pct(a.paid14.rate, locale)}</span> <span className="whitespace-nowrap text-muted">({ti("interval", { low: pct(a.paid14.low, locale), high: pct(a.paid14.high, locale) })})</span>
                    </>
                  )}
                  <br />
                  <span className="text-sm text-muted">{ti("nOf", { n: count(a.paid14.n, locale) })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!e.difference.tooFew && (
        <p>{t("difference", { diff: signed(e.difference.difference * 100, locale), low: signed(e.difference.low * 100, locale), high: signed(e.difference.high * 100, locale) })}</p>
      )}
      <p className="font-semibold">{t(`verdict.${e.verdict}`)}</p>
      {e.status === "stopped" && e.winner && e.stoppedAt && (
        <p>{t("stoppedLine", { date: day(e.stoppedAt), by: e.stoppedBy ?? "–", arm: e.winner.toUpperCase(), version: e.policyVersion ?? 0 })}</p>
      )}
      {e.status === "running" && canManage && (
        <form action={stopAction} className="space-y-2">
          <input type="hidden" name="experimentId" value={e.id} />
          <fieldset className="space-y-1">
            <legend className="font-medium">{t("stopTitle")}</legend>
            <p className="text-sm text-muted">{t("stopHint")}</p>
            {arms.map((a) => (
              <div key={a.arm} className="flex min-h-11 items-center gap-2">
                <input id={`win-${e.id}-${a.arm}`} type="radio" name="winner" value={a.arm.toLowerCase()} defaultChecked={e.leader === a.arm.toLowerCase()} className="size-5" />
                <label htmlFor={`win-${e.id}-${a.arm}`}>
                  {t("armName", { arm: a.arm })}: {setting(a.value)}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className={button}>
            {t("stop")}
          </button>
        </form>
      )}
    </li>
  );
}
