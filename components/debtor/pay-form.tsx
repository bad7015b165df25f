import { ErrorSummary, FieldError } from "@/components/form/error-summary";

/** What the form shows again after the server refused it: error codes by field, and what was typed. */
export interface PayFormState {
  /** Field → error code (a key of pay.errors). */
  errors: Partial<Record<"amount" | "method" | "form", string>>;
  values: { choice: string; amount: string; method: string };
}

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
  /** Error code → sentence, already formatted. */
  errors: Record<string, string>;
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
  planId,
  state,
  texts,
}: {
  instalmentId?: string;
  planId?: string;
  action: (form: FormData) => Promise<void>;
  caseIds: string[];
  totalOre: number;
  state: PayFormState;
  texts: PayFormTexts;
}) {
  const errorList = Object.entries(state.errors).filter(([, code]) => code) as [string, string][];
  const fieldError = (field: "amount" | "method") => (state.errors[field] ? (texts.errors[state.errors[field]!] ?? texts.errors.unknown) : null);
  const radio = "h-6 w-6 shrink-0 accent-brand-700";
  const option = "flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50";

  return (
    <form action={action} className="space-y-6" noValidate data-submit-once="">
      <ErrorSummary
        title={texts.errorTitle}
        errors={errorList.map(([field, code]) => ({
          href: field === "form" ? "#amount-all" : field === "amount" ? "#amount" : "#method-swish",
          text: texts.errors[code] ?? texts.errors.unknown!,
        }))}
      />
      {caseIds.map((id) => (
        <input key={id} type="hidden" name="caseId" value={id} />
      ))}
      <input type="hidden" name="totalOre" value={totalOre} />
      {instalmentId && <input type="hidden" name="instalmentId" value={instalmentId} />}
      {planId && <input type="hidden" name="planId" value={planId} />}

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
          <FieldError id="amount-error" prefix={texts.errorPrefix} text={fieldError("amount")} />
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
        <FieldError id="method-error" prefix={texts.errorPrefix} text={fieldError("method")} />
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

      {/* public/enhance.js keeps a second press from sending the form again. */}
      <button
        type="submit"
        data-sending={texts.sending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand hover:bg-brand-800 aria-disabled:opacity-70 sm:w-auto"
      >
        {texts.continue}
      </button>
    </form>
  );
}
