import { ErrorSummary, FieldError } from "@/components/form/error-summary";

/** What the form shows again after the server refused it. */
export interface RequestState {
  errors: Partial<Record<"reason" | "income" | "costs" | "form", string>>;
  values: { reason: string; income: string; costs: string };
}

export interface PlanRequestTexts {
  reason: string;
  income: string;
  costs: string;
  submit: string;
  sending: string;
  errorTitle: string;
  errorPrefix: string;
  errors: Record<string, string>;
}

/** Asking for a plan outside policy: a reason, and the person's own budget if they want to give it. A plain form. */
export function PlanRequestForm({
  action,
  hidden,
  state,
  texts,
}: {
  action: (form: FormData) => Promise<void>;
  hidden: Record<string, string>;
  state: RequestState;
  texts: PlanRequestTexts;
}) {
  const errors = Object.entries(state.errors).filter(([, code]) => code) as [string, string][];
  const error = (field: keyof RequestState["errors"]) => (state.errors[field] ? (texts.errors[state.errors[field]!] ?? texts.errors.unknown) : undefined);
  const input = (invalid: boolean) => `mt-1 block min-h-12 w-full rounded-md border-2 px-3 text-lg ${invalid ? "border-error" : "border-ink"}`;

  return (
    <form action={action} className="space-y-5" noValidate data-submit-once="">
      <ErrorSummary title={texts.errorTitle} errors={errors.map(([field, code]) => ({ href: `#${field === "form" ? "reason" : field}`, text: texts.errors[code] ?? texts.errors.unknown! }))} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {(["reason", "income", "costs"] as const).map((field) => (
        <div key={field}>
          <label htmlFor={field} className="block font-semibold">
            {texts[field]}
          </label>
          <FieldError id={`${field}-error`} prefix={texts.errorPrefix} text={error(field)} />
          {field === "reason" ? (
            <textarea id={field} name={field} rows={5} defaultValue={state.values.reason} aria-invalid={!!error(field) || undefined} aria-describedby={error(field) ? `${field}-error` : undefined} className={input(!!error(field))} />
          ) : (
            <input id={field} name={field} inputMode="decimal" autoComplete="off" defaultValue={state.values[field]} aria-invalid={!!error(field) || undefined} aria-describedby={error(field) ? `${field}-error` : undefined} className={`${input(!!error(field))} max-w-48`} />
          )}
        </div>
      ))}
      <button type="submit" data-sending={texts.sending} className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand aria-disabled:opacity-70 sm:w-auto">
        {texts.submit}
      </button>
    </form>
  );
}
