"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");

/** Places a payment on a suggested case or on a case given by its number. */
export async function assignPaymentAction(form: FormData) {
  const parsed = z
    .object({ paymentId: z.string().uuid(), caseId: z.string().uuid().optional(), caseNumber: z.string().trim().min(1).max(30).optional() })
    .safeParse({ paymentId: form.get("paymentId"), caseId: form.get("caseId") || undefined, caseNumber: form.get("caseNumber") || undefined });
  if (!parsed.success || (!parsed.data.caseId && !parsed.data.caseNumber)) redirect("/staff/payments?error=case_not_found");
  try {
    await (await api()).staff.payments.assign(parsed.data);
  } catch (error) {
    redirect(`/staff/payments?error=${codeOf(error)}`);
  }
  redirect("/staff/payments?done=assigned");
}

/** Pays back an unmatched payment or an overpayment. */
export async function refundPaymentAction(form: FormData) {
  const paymentId = z.string().uuid().safeParse(form.get("paymentId"));
  if (!paymentId.success) redirect("/staff/payments?error=unknown");
  try {
    await (await api()).staff.payments.refund({ paymentId: paymentId.data });
  } catch (error) {
    redirect(`/staff/payments?error=${codeOf(error)}`);
  }
  redirect("/staff/payments?done=refunded");
}
