import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { StaffFrame } from "@/components/staff/staff-frame";
import { requireStaff } from "@/server/auth/require";
import { api, orNotFound } from "@/server/api/server-caller";
import { callbackOutcomeAction } from "../../actions";
import { Back, Notice, staffButton, staffField } from "../../parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffTalk"))("callbackTitle") };
}

/** A callback to make: who, which number, when, about what; then its outcome. */
export default async function StaffCallbackPage({ params, searchParams }: { params: Promise<{ callbackId: string }>; searchParams: Promise<{ error?: string }> }) {
  const viewer = await requireStaff();
  const { callbackId } = await params;
  if (!z.string().uuid().safeParse(callbackId).success) notFound();
  const c = await orNotFound((await api()).staff.callbacks.get({ callbackId }));
  const t = await getTranslations("staffTalk");
  const query = await searchParams;
  return (
    <StaffFrame role={viewer.role} current="talk">
      <div className="space-y-6">
        <Back href="/staff/talk" label={t("title")} />
        <h1 className="text-3xl font-bold">{t("callbackHeading", { name: c.debtorName })}</h1>
        <Notice error={query.error ? t(`errors.${query.error as "outcome_required"}`) : null} />
        <dl className="divide-y divide-line border-y border-line">
          {[
            [t("phone"), c.phone],
            [t("when"), `${c.day} ${c.startHour}–${c.endHour}`],
            [t("topic"), c.topic],
            [t("case"), c.caseNumber ?? t("general")],
            [t("statusLabel"), t(`callbackStatus.${c.status}`)],
            ...(c.outcome ? [[t("outcomeLabel"), t(`outcome.${c.outcome}`)]] : []),
          ].map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="text-muted">{label}</dt>
              <dd className="text-right">{value}</dd>
            </div>
          ))}
        </dl>
        {c.status === "requested" && (
          <form action={callbackOutcomeAction} className="space-y-3">
            <input type="hidden" name="callbackId" value={c.id} />
            <fieldset className="space-y-2">
              <legend className="font-semibold">{t("outcomeLabel")}</legend>
              {(["reached", "no_answer", "wrong_number"] as const).map((o) => (
                <label key={o} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="outcome" value={o} className="h-5 w-5 accent-brand-700" />
                  {t(`outcome.${o}`)}
                </label>
              ))}
            </fieldset>
            <label htmlFor="note" className="block font-semibold">
              {t("noteLabel")}
            </label>
            <textarea id="note" name="note" rows={3} className={staffField} />
            <button type="submit" className={staffButton}>
              {t("saveOutcome")}
            </button>
          </form>
        )}
      </div>
    </StaffFrame>
  );
}
