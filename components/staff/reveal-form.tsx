"use client";

import { useActionState, useId } from "react";
import type { RevealState } from "@/app/(staff)/staff/debtors/[debtorId]/actions";

/**
 * "Visa" with a reason: the value comes back in the action's answer and is shown in place, never
 * in a URL. The reason is required and kept if something goes wrong.
 */
export function RevealForm({
  action,
  debtorId,
  what,
  masked,
  words,
}: {
  action: (state: RevealState, form: FormData) => Promise<RevealState>;
  debtorId: string;
  what: "number" | "support";
  masked: string;
  words: { show: string; reason: string; reasonHint: string; errorReason: string; errorOther: string; errorPrefix: string };
}) {
  const [state, formAction, pending] = useActionState(action, { value: null, error: null, reason: "" });
  const id = useId();
  if (state.value) return <output className="font-semibold tabular">{state.value}</output>;
  return (
    <form action={formAction} className="space-y-2">
      <span className="tabular">{masked}</span>
      <input type="hidden" name="debtorId" value={debtorId} />
      <input type="hidden" name="what" value={what} />
      <label htmlFor={`${id}-reason`} className="block font-medium">
        {words.reason}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {words.reasonHint}
      </p>
      {state.error && (
        <p id={`${id}-error`} role="alert" className="font-semibold text-error">
          <span className="sr-only">{words.errorPrefix}</span>
          {state.error === "reason" ? words.errorReason : words.errorOther}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-reason`}
          name="reason"
          defaultValue={state.reason}
          required
          minLength={3}
          maxLength={500}
          aria-describedby={`${id}-hint${state.error ? ` ${id}-error` : ""}`}
          aria-invalid={state.error === "reason" || undefined}
          className="min-h-11 flex-1 rounded-md border-2 border-ink bg-paper px-2"
        />
        <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-700">
          {words.show}
        </button>
      </div>
    </form>
  );
}
