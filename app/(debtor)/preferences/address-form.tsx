import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { fieldClass, primaryButton, TalkFrame } from "@/components/debtor/talk-parts";
import { sendCodeAction } from "./actions";
import { CONTACT_FORM_COOKIE, type ContactFormState } from "./form-state";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";

const ADDRESS_ERRORS = new Set(["phone_required", "phone_invalid", "phone_not_swedish", "phone_not_mobile", "email_required", "email_invalid", "rate_limited_codes"]);

async function previous(show: boolean, channel: "sms" | "email"): Promise<ContactFormState | null> {
  if (!show) return null;
  try {
    const raw = (await cookies()).get(CONTACT_FORM_COOKIE)?.value;
    const state = raw ? (JSON.parse(raw) as ContactFormState) : null;
    return state?.channel === channel ? state : null;
  } catch {
    return null;
  }
}

/** One question: the mobile number or e-mail address to add; a code goes to it through that channel. */
export async function ContactAddressForm({ channel, refused }: { channel: "sms" | "email"; refused: boolean }) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("preferences");
  const common = await getTranslations("common");
  const page = channel === "sms" ? "phonePage" : "emailPage";
  const prefs = await (await api()).debtor.preferences.get();
  const state = await previous(refused, channel);
  const error = state ? t(`errors.${ADDRESS_ERRORS.has(state.error) ? state.error : "unknown"}` as "errors.unknown") : null;
  const current = channel === "sms" ? prefs.phone : prefs.email;
  return (
    <TalkFrame back="/preferences" backLabel={t("backToPreferences")} heading={t(`${page}.title`)} lead={t(`${page}.lead`)} errorTitle={t("errorTitle")} errors={error ? [{ href: "#address", text: error }] : []}>
      <form action={sendCodeAction} className="space-y-6" noValidate>
        <input type="hidden" name="channel" value={channel} />
        <div>
          <label htmlFor="address" className="block text-lg font-semibold">
            {t(`${page}.label`)}
          </label>
          <p id="address-hint" className="text-muted">
            {t(`${page}.hint`)}
          </p>
          <FieldError id="address-error" prefix={common("errorPrefix")} text={error} />
          <input
            id="address"
            name="address"
            type={channel === "sms" ? "tel" : "email"}
            autoComplete={channel === "sms" ? "tel" : "email"}
            spellCheck={false}
            defaultValue={state?.value ?? current ?? ""}
            aria-invalid={!!error || undefined}
            aria-describedby={`address-hint${error ? " address-error" : ""}`}
            className={`${fieldClass(!!error)} ${channel === "sms" ? "max-w-72" : ""}`}
          />
        </div>
        <button type="submit" className={primaryButton}>
          {t(`${page}.submit`)}
        </button>
      </form>
    </TalkFrame>
  );
}
