import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { fieldClass, linkClass, momentDate, noticeClass, optionClass, primaryButton, radioClass, TalkFrame } from "@/components/debtor/talk-parts";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { savePreferencesAction } from "./actions";
import { contactAddress, POSITIONS } from "./form-state";

type Query = { saved?: string; verified?: string; error?: string; language?: string } & Partial<Record<(typeof POSITIONS)[number] | `e-${(typeof POSITIONS)[number]}`, string>>;
type Props = { searchParams: Promise<Query> };

const CHANNELS = ["kivra", "email", "sms", "paper"] as const;
const KINDS = new Set(["collection_letter", "pre_due_reminder", "plan_reminder", "plan_missed", "plan_lapsed", "plan_confirmed", "receipt", "reply_notification", "dispute_outcome", "callback_confirmed", "data_access_ready", "contact_code"]);
const STATUSES = new Set(["queued", "sending", "sent", "delivered", "failed", "cancelled", "unknown"]);
const ERRORS = new Set(["channel_required", "channel_invalid", "channel_twice", "sms_unverified", "email_unverified", "paper_no_address", "unknown"]);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("preferences"))("title")}` };
}

/** How we reach the person: channels in order, language, phone and e-mail (each verified by a code), and what we sent. */
export default async function PreferencesPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("preferences");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const query = await searchParams;
  const prefs = await (await api()).debtor.preferences.get();

  const refused = !!query.error;
  const errorOf = (p: (typeof POSITIONS)[number]) => {
    const code = query[`e-${p}`];
    return refused && code ? t(`errors.${ERRORS.has(code) ? code : "unknown"}` as "errors.unknown") : null;
  };
  const summary = POSITIONS.filter((p) => errorOf(p)).map((p) => ({ href: `#${p}`, text: errorOf(p)! }));
  // What the form shows: what was just sent back, else what the person chose, else the house order's first.
  const chosen = prefs.chosen ?? [prefs.order[0]!];
  const valueOf = (p: (typeof POSITIONS)[number], i: number) => (refused ? (query[p] ?? "") : (chosen[i] ?? ""));
  const language = refused && (query.language === "en" || query.language === "sv") ? query.language : prefs.language;
  const verified = query.verified === "sms" || query.verified === "email" ? query.verified : null;
  const pendingOf = (channel: "sms" | "email") => prefs.pending.find((p) => p.channel === channel) ?? null;

  return (
    <TalkFrame back="/cases" backLabel={t("back")} heading={t("title")} lead={t("lead")} errorTitle={t("errorTitle")} errors={summary}>
      {query.saved && !refused && (
        <p role="status" className={noticeClass}>
          {t("saved")}
        </p>
      )}
      {verified && (
        <p role="status" className={noticeClass}>
          {t(`verified.${verified}`)}
        </p>
      )}

      <form action={savePreferencesAction} className="space-y-6" noValidate id="order">
        <section className="space-y-4" aria-labelledby="order-heading">
          <h2 id="order-heading" className="text-2xl font-bold">
            {t("orderHeading")}
          </h2>
          <p>{t("orderLead")}</p>
          {POSITIONS.map((p, i) => {
            const error = errorOf(p);
            return (
              <div key={p}>
                <label htmlFor={p} className="block text-lg font-semibold">
                  {t(`position.${p}`)}
                </label>
                <FieldError id={`${p}-error`} prefix={common("errorPrefix")} text={error} />
                <select id={p} name={p} defaultValue={valueOf(p, i)} aria-invalid={!!error || undefined} aria-describedby={error ? `${p}-error` : undefined} className={`${fieldClass(!!error)} bg-paper`}>
                  {i > 0 && <option value="">{t("none")}</option>}
                  {CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {t(`channel.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          {!prefs.phoneVerified && <p className="text-muted">{t("needsVerifiedSms")}</p>}
          {!prefs.emailVerified && <p className="text-muted">{t("needsVerifiedEmail")}</p>}
          <p className="text-muted">{t("smsNote")}</p>
        </section>
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t("languageHeading")}</legend>
          {(["sv", "en"] as const).map((l) => (
            <label key={l} className={optionClass}>
              <input type="radio" name="language" value={l} defaultChecked={language === l} className={radioClass} />
              <span lang={l}>{t(`languages.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className={primaryButton}>
          {t("save")}
        </button>
      </form>

      <section className="space-y-4" aria-labelledby="contact-heading">
        <h2 id="contact-heading" className="text-2xl font-bold">
          {t("contactHeading")}
        </h2>
        <dl className="space-y-4">
          {(
            [
              { channel: "sms", label: t("phone"), value: prefs.phone, ok: prefs.phoneVerified, href: "/preferences/phone", add: t("addPhone"), change: t("changePhone") },
              { channel: "email", label: t("email"), value: prefs.email, ok: prefs.emailVerified, href: "/preferences/email", add: t("addEmail"), change: t("changeEmail") },
            ] as const
          ).map((row) => {
            const pending = pendingOf(row.channel);
            return (
              <div key={row.channel} className="space-y-1 rounded-lg border border-line p-4">
                <dt className="font-semibold">{row.label}</dt>
                <dd className="break-all">
                  {row.value ? contactAddress(row.channel, row.value) : t("missing")}
                  {row.value && <span className="ml-2 inline-block rounded bg-brand-50 px-2 text-sm font-semibold">{row.ok ? t("verifiedTag") : t("unverifiedTag")}</span>}
                </dd>
                {pending && (
                  <dd>
                    {t("pending", { address: contactAddress(row.channel, pending.address) })}{" "}
                    <Link href={`/preferences/code?channel=${row.channel}`} className={linkClass}>
                      {t("enterCode")}
                    </Link>
                  </dd>
                )}
                <dd>
                  <Link href={row.href} className={linkClass}>
                    {row.value ? row.change : row.add}
                  </Link>
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section className="space-y-4" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-2xl font-bold">
          {t("historyHeading")}
        </h2>
        {prefs.history.length === 0 ? (
          <p>{t("historyNone")}</p>
        ) : (
          <>
            <p>{t("historyLead")}</p>
            <ol className="divide-y divide-line rounded-lg border border-line">
              {prefs.history.map((m) => (
                <li key={m.id} className="space-y-1 p-4">
                  <p className="font-semibold">{t(`kind.${KINDS.has(m.kind) ? m.kind : "other"}` as "kind.other")}</p>
                  <p className="text-muted">
                    {t("historyLine", {
                      date: momentDate(m.at, locale),
                      channel: t(`channelShort.${m.channel}`),
                      status: t(`status.${STATUSES.has(m.status) ? m.status : "unknown"}` as "status.unknown"),
                    })}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </TalkFrame>
  );
}
