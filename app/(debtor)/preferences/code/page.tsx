import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { fieldClass, linkClass, primaryButton, TalkFrame } from "@/components/debtor/talk-parts";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { confirmCodeAction } from "../actions";
import { contactAddress } from "../form-state";

type Props = { searchParams: Promise<{ channel?: string; error?: string }> };
const CODE_ERRORS = new Set(["code_format", "code_wrong", "code_too_many", "code_expired", "unknown"]);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("preferences"))("codePage.title")}` };
}

/** The six digits that came by SMS or e-mail: they show the number or address is the person's. */
export default async function CodePage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("preferences");
  const common = await getTranslations("common");
  const query = await searchParams;
  const channel = query.channel === "email" ? "email" : "sms";
  const prefs = await (await api()).debtor.preferences.get();
  const pending = prefs.pending.find((p) => p.channel === channel) ?? null;
  const error = query.error ? t(`errors.${CODE_ERRORS.has(query.error) ? query.error : "unknown"}` as "errors.unknown") : null;
  const again = channel === "sms" ? "/preferences/phone" : "/preferences/email";
  return (
    <TalkFrame
      back="/preferences"
      backLabel={t("backToPreferences")}
      heading={t("codePage.title")}
      lead={pending ? t("codePage.lead", { address: contactAddress(channel, pending.address) }) : undefined}
      errorTitle={t("errorTitle")}
      errors={error ? [{ href: "#code", text: error }] : []}
    >
      {pending ? (
        <form action={confirmCodeAction} className="space-y-6" noValidate>
          <input type="hidden" name="channel" value={channel} />
          <div>
            <label htmlFor="code" className="block text-lg font-semibold">
              {t("codePage.label")}
            </label>
            <p id="code-hint" className="text-muted">
              {t("codePage.hint")}
            </p>
            <FieldError id="code-error" prefix={common("errorPrefix")} text={error} />
            <input
              id="code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              spellCheck={false}
              aria-invalid={!!error || undefined}
              aria-describedby={`code-hint${error ? " code-error" : ""}`}
              className={`${fieldClass(!!error)} max-w-40 tabular tracking-widest`}
            />
          </div>
          <button type="submit" className={primaryButton}>
            {t("codePage.submit")}
          </button>
        </form>
      ) : (
        <p className="text-lg">{t("codePage.none")}</p>
      )}
      <p>
        <Link href={again} className={linkClass}>
          {t("codePage.again")}
        </Link>
      </p>
    </TalkFrame>
  );
}
