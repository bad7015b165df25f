"use client";

import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { RequestState } from "@/app/(debtor)/plans/actions";

export interface PlanRequestTexts {
  reason: string;
  income: string;
  costs: string;
  submit: string;
  errorTitle: string;
  errorPrefix: string;
  errors: Record<string, string>;
}

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand disabled:opacity-70 sm:w-auto">
      {label}
    </button>
  );
}

/** Asking for a plan outside policy: a reason, and the person's own budget if they want to give it. */
export function PlanRequestForm({
  action,
  hidden,
  texts,
}: {
  action: (state: RequestState, form: FormData) => Promise<RequestState>;
  hidden: Record<string, string>;
  texts: PlanRequestTexts;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, values: { reason: "", income: "", costs: "" } });
  const summary = useRef<HTMLDivElement>(null);
  const errors = Object.entries(state.errors).filter(([, code]) => code) as [string, string][];
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [state, errors.length]);
  const error = (field: string) => (state.errors[field as keyof RequestState["errors"]] ? texts.errors[state.errors[field as keyof RequestState["errors"]]!] : undefined);
  const input = (invalid: boolean) => `mt-1 block min-h-12 w-full rounded-md border-2 px-3 text-lg ${invalid ? "border-error" : "border-ink"}`;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {errors.length > 0 && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="request-errors" className="rounded-lg border-4 border-error p-4 focus:outline-none focus-visible:ring-4">
          <h2 id="request-errors" className="text-lg font-bold">
            {texts.errorTitle}
          </h2>
          <ul className="mt-2 space-y-1">
            {errors.map(([field, code]) => (
              <li key={field}>
                <a href={`#${field === "form" ? "reason" : field}`} className="font-semibold text-error underline">
                  {texts.errors[code] ?? texts.errors.unknown}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {(["reason", "income", "costs"] as const).map((field) => (
        <div key={field}>
          <label htmlFor={field} className="block font-semibold">
            {texts[field]}
          </label>
          {error(field) && (
            <p id={`${field}-error`} className="font-semibold text-error">
              <span className="sr-only">{texts.errorPrefix}</span>
              {error(field)}
            </p>
          )}
          {field === "reason" ? (
            <textarea id={field} name={field} rows={5} defaultValue={state.values.reason} aria-invalid={!!error(field) || undefined} aria-describedby={error(field) ? `${field}-error` : undefined} className={input(!!error(field))} />
          ) : (
            <input id={field} name={field} inputMode="decimal" autoComplete="off" defaultValue={state.values[field]} aria-invalid={!!error(field) || undefined} aria-describedby={error(field) ? `${field}-error` : undefined} className={`${input(!!error(field))} max-w-48`} />
          )}
        </div>
      ))}
      <Submit label={texts.submit} />
    </form>
  );
}
