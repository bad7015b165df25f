"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ImportState } from "@/app/(staff)/staff/payments/import/actions";

export interface ImportTexts {
  file: string;
  submit: string;
  noFile: string;
  already: string;
  /** With {timestamp} {payments} {booked} {unmatched}. */
  result: string;
  /** With {message}. */
  error: string;
  unknown: string;
}

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand disabled:opacity-70">
      {label}
    </button>
  );
}

/** Upload a BgMax file; the outcome (or the line that failed) is announced. */
export function ImportForm({ action, texts }: { action: (state: ImportState, form: FormData) => Promise<ImportState>; texts: ImportTexts }) {
  const [state, formAction] = useActionState(action, { kind: "idle" });
  const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
  return (
    <form action={formAction} className="space-y-4">
      {state.kind === "done" && (
        <p role="status" className="rounded-lg border-2 border-brand-700 p-3 font-semibold">
          {state.alreadyImported ? texts.already : fill(texts.result, { timestamp: state.fileTimestamp, payments: state.payments, booked: state.booked, unmatched: state.unmatched })}
        </p>
      )}
      {state.kind === "error" && (
        <p role="alert" className="rounded-lg border-4 border-error p-3 font-semibold">
          {state.message === "" ? texts.noFile : fill(texts.error, { message: state.message === "unknown" ? texts.unknown : state.message })}
        </p>
      )}
      <div>
        <label htmlFor="file" className="block font-semibold">
          {texts.file}
        </label>
        <input id="file" name="file" type="file" accept=".txt,.bgmax,.dat,text/plain" className="mt-1 block min-h-12 w-full" />
      </div>
      <Submit label={texts.submit} />
    </form>
  );
}
