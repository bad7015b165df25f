import type { PayFormState } from "@/components/debtor/pay-form";

const FIELDS = ["amount", "method", "form"] as const;
const CODE = /^[a-z_]{1,40}$/;

/** The pay page again, with the form's errors and what was typed (amounts and choices, nothing personal). */
export function payFormHref(back: { case?: string; plan?: string; instalment?: string }, state: PayFormState): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(back)) if (value) query.set(key, value);
  for (const field of FIELDS) if (state.errors[field]) query.set(`error_${field}`, state.errors[field]!);
  query.set("choice", state.values.choice);
  if (state.values.amount) query.set("amount", state.values.amount);
  if (state.values.method) query.set("method", state.values.method);
  return `/pay?${query}`;
}

/** The form's state from the page's search parameters. */
export function payFormState(params: Record<string, string | undefined>): PayFormState {
  const errors: PayFormState["errors"] = {};
  for (const field of FIELDS) {
    const code = params[`error_${field}`];
    if (code && CODE.test(code)) errors[field] = code;
  }
  return { errors, values: { choice: params.choice === "part" ? "part" : "all", amount: (params.amount ?? "").slice(0, 40), method: params.method ?? "" } };
}
