"use client";

import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { PayFormState } from "@/app/(debtor)/pay/actions";

export interface PayFormTexts {
  amountLegend: string;
  amountAll: string;
  amountAllHint: string;
  amountPart: string;
  amountPartHint: string;
  amountLabel: string;
  methodLegend: string;
  methods: { value: "swish" | "card" | "bank"; label: string; hint: string }[];
  continue: string;
  sending: string;
  errorTitle: string;
  errorPrefix: string;
  /** The page's own title, to prefix with "Fel: " while there are errors. */
  pageTitle: string;
  /** Error code → sentence, already formatted. */
  errors: Record<string, string>;
}

function Submit({ texts }: { texts: PayFormTexts }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
    >
      {pending ? texts.sending : texts.continue}
    </button>
  );
}

/**
 * How much and how: two questions, checked on the server. Errors are summarised at the top (which
 * takes focus) and shown at each field; nothing typed is lost; the button cannot send twice.
 */
export function PayForm({
  action,
  caseIds,
  totalOre,
  instalmentId,
  texts,
}: {
  instalmentId?: string;
  action: (state: PayFormState, form: FormData) => Promise<PayFormState>;
  caseIds: string[];
  totalOre: number;
  texts: PayFormTexts;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, values: { choice: "all", amount: "", method: "" } });
  const summary = useRef<HTMLDivElement>(null);
  const errorList = Object.entries(state.errors).filter(([, code]) => code) as [string, string][];

  useEffect(() => {
    if (errorList.length === 0) return;
    document.title = `${texts.errorPrefix}${texts.pageTitle}`;
    summary.current?.focus();
  }, [state, errorList.length, texts.errorPrefix, texts.pageTitle]);

  const fieldError = (field: "amount" | "method") => state.errors[field] && texts.errors[state.errors[field]!];
  const radio = "h-6 w-6 shrink-0 accent-brand-700";
  const option = "flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50";

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {errorList.length > 0 && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="rounded-lg border-4 border-error p-4 focus:outline-none focus-visible:ring-4">
          <h2 id="error-summary-title" className="text-lg font-bold">
            {texts.errorTitle}
          </h2>
          <ul className="mt-2 space-y-1">
            {errorList.map(([field, code]) => (
              <li key={field}>
                <a href={field === "form" ? "#amount-all" : field === "amount" ? "#amount" : "#method-swish"} className="font-semibold text-error underline">
                  {texts.errors[code] ?? texts.errors.unknown}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {caseIds.map((id) => (
        <input key={id} type="hidden" name="caseId" value={id} />
      ))}
      <input type="hidden" name="totalOre" value={totalOre} />
      {instalmentId && <input type="hidden" name="instalmentId" value={instalmentId} />}

      <fieldset className="space-y-3" aria-describedby={fieldError("amount") ? "amount-error" : undefined}>
        <legend className="mb-2 text-xl font-semibold">{texts.amountLegend}</legend>
        <label className={option}>
          <input id="amount-all" type="radio" name="choice" value="all" defaultChecked={state.values.choice !== "part"} className={radio} />
          <span>
            <span className="block font-semibold">{texts.amountAll}</span>
            <span className="block text-muted">{texts.amountAllHint}</span>
          </span>
        </label>
        <label className={option}>
          <input id="amount-part" type="radio" name="choice" value="part" defaultChecked={state.values.choice === "part"} className={radio} />
          <span>
            <span className="block font-semibold">{texts.amountPart}</span>
            <span className="block text-muted">{texts.amountPartHint}</span>
          </span>
        </label>
        <div className="pl-3">
          <label htmlFor="amount" className="block font-medium">
            {texts.amountLabel}
          </label>
          {fieldError("amount") && (
            <p id="amount-error" className="font-semibold text-error">
              <span className="sr-only">{texts.errorPrefix}</span>
              {fieldError("amount")}
            </p>
          )}
          <input
            id="amount"
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={state.values.amount}
            aria-invalid={!!fieldError("amount")}
            aria-describedby={fieldError("amount") ? "amount-error" : undefined}
            className={`mt-1 block min-h-12 w-40 rounded-md border-2 px-3 text-lg tabular ${fieldError("amount") ? "border-error" : "border-ink"}`}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={fieldError("method") ? "method-error" : undefined}>
        <legend className="mb-2 text-xl font-semibold">{texts.methodLegend}</legend>
        {fieldError("method") && (
          <p id="method-error" className="font-semibold text-error">
            <span className="sr-only">{texts.errorPrefix}</span>
            {fieldError("method")}
          </p>
        )}
        {texts.methods.map((m) => (
          <label key={m.value} className={option}>
            <input id={`method-${m.value}`} type="radio" name="method" value={m.value} defaultChecked={state.values.method === m.value} className={radio} />
            <span>
              <span className="block font-semibold">{m.label}</span>
              <span className="block text-muted">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <Submit texts={texts} />
    </form>
  );
}
