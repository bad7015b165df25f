import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { money } from "@/components/ui/format";
import { errorMessage } from "@/components/staff/error-message";
import { Notice } from "@/components/staff/notice";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, card, input, label } from "@/components/staff/styles";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { staffMay } from "@/server/domain/permissions";
import { updatePolicyAction } from "../admin-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.policies"))("title") };
}

/** Each creditor's policy, versioned; supervisors change it and every version is kept. */
export default async function PoliciesPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  const viewer = await requireStaff();
  const q = await searchParams;
  const t = await getTranslations("workplace.policies");
  const locale = (await getLocale()) as Locale;
  const canWrite = staffMay(viewer.role, "policy:write");
  const policies = await (await api()).staff.policies.list();
  return (
    <StaffFrame role={viewer.role} current="policies">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      <Notice done={q.done ? t("saved") : null} error={await errorMessage(q.error)} />
      <ul className="grid gap-4 lg:grid-cols-2">
        {policies.map((p) => (
          <li key={p.creditorId} className={card}>
            <h2 className="text-lg font-semibold">
              {p.creditorName} · {t("version", { version: p.version })}
            </h2>
            {canWrite ? (
              <form action={updatePolicyAction} className="grid gap-2 sm:grid-cols-2">
                <input type="hidden" name="creditorId" value={p.creditorId} />
                <input type="hidden" name="version" value={p.version} />
                <div>
                  <label htmlFor={`min-${p.creditorId}`} className={label}>
                    {t("minInstalment")}
                  </label>
                  <input id={`min-${p.creditorId}`} name="minInstalment" inputMode="decimal" defaultValue={String(p.minInstalmentOre / 100)} required className={input} />
                </div>
                <div>
                  <label htmlFor={`months-${p.creditorId}`} className={label}>
                    {t("maxPlanMonths")}
                  </label>
                  <input id={`months-${p.creditorId}`} name="maxPlanMonths" type="number" min={1} max={120} defaultValue={p.maxPlanMonths} required className={input} />
                </div>
                <div>
                  <label htmlFor={`reply-${p.creditorId}`} className={label}>
                    {t("replyBankDays")}
                  </label>
                  <input id={`reply-${p.creditorId}`} name="replyBankDays" type="number" min={1} max={10} defaultValue={p.replyBankDays} required className={input} />
                </div>
                <div className="space-y-1">
                  <div className="flex min-h-11 items-center gap-2">
                    <input id={`fee-${p.creditorId}`} name="chargePlanFee" type="checkbox" defaultChecked={p.chargePlanFee} className="size-5" />
                    <label htmlFor={`fee-${p.creditorId}`}>{t("chargePlanFee")}</label>
                  </div>
                  <div className="flex min-h-11 items-center gap-2">
                    <input id={`pause-${p.creditorId}`} name="allowPlanPause" type="checkbox" defaultChecked={p.allowPlanPause} className="size-5" />
                    <label htmlFor={`pause-${p.creditorId}`}>{t("allowPlanPause")}</label>
                  </div>
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={`note-${p.creditorId}`} className={label}>
                    {t("note")}
                  </label>
                  <input id={`note-${p.creditorId}`} name="note" maxLength={500} className={input} />
                </div>
                <button type="submit" className={`${button} sm:col-span-2`}>
                  {t("save", { creditor: p.creditorName })}
                </button>
              </form>
            ) : (
              <p>{t("summary", { min: money(p.minInstalmentOre, locale), months: p.maxPlanMonths, days: p.replyBankDays })}</p>
            )}
            <p>{t("caseTerms", { day: p.defaultDueDay, wording: t(`wording.${p.letterWording}`), days: p.reminderDaysBefore })}</p>
            <details>
              <summary className="min-h-11 cursor-pointer content-center">{t("history")}</summary>
              <ol className="mt-2 space-y-1">
                {p.history.map((h) => (
                  <li key={h.version}>
                    {t("historyLine", { version: h.version, date: h.at.slice(0, 10), by: h.byName ?? t("system"), min: money(h.minInstalmentOre, locale), months: h.maxPlanMonths, days: h.replyBankDays })}
                    {h.note ? ` – ${h.note}` : ""}
                  </li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ul>
    </StaffFrame>
  );
}
