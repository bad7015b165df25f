import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { FieldError } from "@/components/form/error-summary";
import { dayWithWeekday, fieldClass, optionClass, primaryButton, radioClass, TalkFrame, windowText } from "@/components/debtor/talk-parts";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { requestCallbackAction } from "../actions";
import { CALLBACK_FORM_COOKIE, type CallbackFormState } from "./form-state";

type Props = { searchParams: Promise<{ case?: string; error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("talk"))("callback.title")}` };
}

async function previous(show: boolean): Promise<CallbackFormState | null> {
  if (!show) return null;
  try {
    const raw = (await cookies()).get(CALLBACK_FORM_COOKIE)?.value;
    return raw ? (JSON.parse(raw) as CallbackFormState) : null;
  } catch {
    return null;
  }
}

/** Ask us to ring: a Swedish number (the one we have is filled in), a bank day, a window, a topic. */
export default async function CallbackPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("talk");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const query = await searchParams;
  const options = await (await api()).debtor.callbacks.options();
  const state = await previous(!!query.error);
  const caseId = z.string().uuid().safeParse(query.case).success ? query.case! : (state?.values.caseId ?? "");
  const errors = state?.errors ?? {};
  const message = (field: keyof CallbackFormState["errors"]) => (errors[field] ? t(`errors.${errors[field] as "phone_invalid"}`) : null);
  const summary = (["phone", "day", "window", "topic", "form"] as const)
    .filter((f) => errors[f])
    .map((f) => ({ href: f === "window" ? `#window-${options.windows[0]!.startHour}` : f === "form" ? "#phone" : `#${f}`, text: message(f)! }));
  const chosenDay = state?.values.day ?? options.days[0]!;
  const chosenHour = state?.values.startHour ?? "";
  const thisYear = Number(options.days[0]!.slice(0, 4));

  return (
    <TalkFrame back="/contact" backLabel={t("back")} heading={t("callback.heading")} lead={t("callback.lead")} errorTitle={t("errorTitle")} errors={summary}>
      <form action={requestCallbackAction} className="space-y-6" noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <div>
          <label htmlFor="phone" className="block text-lg font-semibold">
            {t("callback.phoneLabel")}
          </label>
          <p id="phone-hint" className="text-muted">
            {t("callback.phoneHint")}
          </p>
          <FieldError id="phone-error" prefix={common("errorPrefix")} text={message("phone")} />
          <input
            id="phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            defaultValue={state?.values.phone ?? options.phone ?? ""}
            aria-invalid={!!errors.phone || undefined}
            aria-describedby={`phone-hint${errors.phone ? " phone-error" : ""}`}
            className={`${fieldClass(!!errors.phone)} max-w-72`}
          />
        </div>
        <div>
          <label htmlFor="day" className="block text-lg font-semibold">
            {t("callback.dayLabel")}
          </label>
          <p id="day-hint" className="text-muted">
            {t("callback.dayHint")}
          </p>
          <FieldError id="day-error" prefix={common("errorPrefix")} text={message("day")} />
          <select
            id="day"
            name="day"
            defaultValue={chosenDay}
            aria-invalid={!!errors.day || undefined}
            aria-describedby={`day-hint${errors.day ? " day-error" : ""}`}
            className={`${fieldClass(!!errors.day)} max-w-72 bg-paper`}
          >
            {options.days.map((d) => (
              <option key={d} value={d}>
                {dayWithWeekday(d, locale, thisYear)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="space-y-3" aria-describedby={errors.window ? "window-error" : undefined}>
          <legend className="text-lg font-semibold">{t("callback.windowLabel")}</legend>
          <FieldError id="window-error" prefix={common("errorPrefix")} text={message("window")} />
          {options.windows.map((w) => (
            <label key={w.startHour} className={optionClass}>
              <input id={`window-${w.startHour}`} type="radio" name="startHour" value={String(w.startHour)} defaultChecked={chosenHour === String(w.startHour)} className={radioClass} />
              <span className="font-semibold tabular">{t("callback.window", { window: windowText(w.startHour, w.endHour) })}</span>
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="topic" className="block text-lg font-semibold">
            {t("callback.topicLabel")}
          </label>
          <p id="topic-hint" className="text-muted">
            {t("callback.topicHint")}
          </p>
          <FieldError id="topic-error" prefix={common("errorPrefix")} text={message("topic")} />
          <textarea
            id="topic"
            name="topic"
            rows={3}
            defaultValue={state?.values.topic ?? ""}
            aria-invalid={!!errors.topic || undefined}
            aria-describedby={`topic-hint${errors.topic ? " topic-error" : ""}`}
            className={fieldClass(!!errors.topic)}
          />
        </div>
        <button type="submit" className={primaryButton}>
          {t("callback.submit")}
        </button>
      </form>
    </TalkFrame>
  );
}
