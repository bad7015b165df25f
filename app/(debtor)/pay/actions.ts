"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";
import { parseMoney } from "@/server/domain/money";

import type { PayFormState } from "@/components/debtor/pay-form";
import { payFormHref } from "./state";

const formSchema = z.object({
  caseIds: z.array(z.string().uuid()).min(1).max(50),
  choice: z.enum(["all", "part"]).catch("all"),
  amount: z.string().max(40).catch(""),
  method: z.enum(["swish", "card", "bank"]).optional().catch(undefined),
  totalOre: z.coerce.number().int().positive(),
  instalmentId: z.string().uuid().optional(),
  planId: z.string().uuid().optional(),
});

/**
 * The pay form, a plain POST: checks the answers, then starts Swish or card, or shows the bank
 * transfer details. A refused form goes back to the page with its errors and what was typed.
 */
export async function startPaymentAction(form: FormData): Promise<void> {
  const parsed = formSchema.safeParse({
    caseIds: form.getAll("caseId"),
    choice: form.get("choice"),
    amount: form.get("amount") ?? "",
    method: form.get("method") ?? undefined,
    totalOre: form.get("totalOre"),
    instalmentId: form.get("instalmentId") || undefined,
    planId: form.get("planId") || undefined,
  });
  const values = { choice: String(form.get("choice") ?? "all"), amount: String(form.get("amount") ?? ""), method: String(form.get("method") ?? "") };
  if (!parsed.success) redirect(payFormHref({}, { errors: { form: "unknown" }, values }));
  const { caseIds, choice, amount, method, instalmentId, totalOre, planId } = parsed.data;
  const back = { case: caseIds.length === 1 ? caseIds[0] : undefined, plan: planId, instalment: instalmentId };
  const errors: PayFormState["errors"] = {};
  let amountOre: number | null = null;
  if (choice === "part") {
    if (amount.trim() === "") errors.amount = "amount_required";
    else {
      amountOre = parseMoney(amount);
      if (amountOre === null || amountOre <= 0) errors.amount = "amount_invalid";
    }
  }
  if (!method) errors.method = "method_required";
  if (errors.amount || errors.method) redirect(payFormHref(back, { errors, values }));

  const single = caseIds.length === 1 ? `case=${caseIds[0]}` : "";
  if (method === "bank") {
    const query = [single, amountOre !== null ? `amount=${amountOre}` : instalmentId ? `amount=${totalOre}` : ""].filter(Boolean).join("&");
    redirect(`/pay/bank${query ? `?${query}` : ""}`);
  }

  let started: { method: string; payUrl?: string | null; requestId: string };
  try {
    started = await (await api()).debtor.payments.start({ caseIds, amountOre: amountOre ?? (instalmentId ? totalOre : null), method: method as "swish" | "card", instalmentId });
  } catch (error) {
    const code = error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown";
    const field = code.startsWith("amount_") ? "amount" : "form";
    redirect(payFormHref(back, { errors: { [field]: code }, values }));
  }
  if (started.method === "card" && started.payUrl) redirect(started.payUrl);
  redirect(`/payments/${started.requestId}`);
}
