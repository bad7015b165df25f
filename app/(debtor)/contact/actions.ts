"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";
import { CALLBACK_FORM_COOKIE, type CallbackFormState } from "./callback/form-state";

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");
const caseIdOf = (form: FormData) => {
  const raw = String(form.get("caseId") ?? "");
  return z.string().uuid().safeParse(raw).success ? raw : null;
};

/** Asks us to ring: confirmed on its own page, or back to the form with every problem named. */
export async function requestCallbackAction(form: FormData) {
  const values = {
    phone: String(form.get("phone") ?? "").slice(0, 40),
    day: String(form.get("day") ?? "").slice(0, 10),
    startHour: String(form.get("startHour") ?? "").slice(0, 2),
    topic: String(form.get("topic") ?? "").slice(0, 1000),
    caseId: caseIdOf(form) ?? "",
  };
  let callbackId: string;
  try {
    ({ callbackId } = await (await api()).debtor.callbacks.request({
      caseId: values.caseId || null,
      phone: values.phone,
      day: values.day,
      startHour: /^\d{1,2}$/.test(values.startHour) ? Number(values.startHour) : null,
      topic: values.topic,
    }));
  } catch (error) {
    const cause = error instanceof TRPCError && error.cause instanceof DomainError ? error.cause : null;
    const errors = (cause?.details?.errors as CallbackFormState["errors"] | undefined) ?? { form: codeOf(error) };
    (await cookies()).set(CALLBACK_FORM_COOKIE, JSON.stringify({ values, errors } satisfies CallbackFormState), {
      httpOnly: true,
      sameSite: "lax",
      path: "/contact/callback",
      maxAge: 600,
    });
    redirect(`/contact/callback?error=1${values.caseId ? `&case=${values.caseId}` : ""}`);
  }
  (await cookies()).delete({ name: CALLBACK_FORM_COOKIE, path: "/contact/callback" });
  redirect(`/contact/callback/${callbackId}?booked=1`);
}

export async function cancelCallbackAction(form: FormData) {
  const callbackId = String(form.get("callbackId") ?? "");
  if (!z.string().uuid().safeParse(callbackId).success) redirect("/contact");
  try {
    await (await api()).debtor.callbacks.cancel({ callbackId });
  } catch (error) {
    redirect(`/contact/callback/${callbackId}?error=${codeOf(error)}`);
  }
  redirect(`/contact/callback/${callbackId}?cancelled=1`);
}

export async function complaintAction(form: FormData) {
  const caseId = caseIdOf(form);
  let result;
  try {
    result = await (await api()).debtor.requests.complain({ caseId, body: String(form.get("body") ?? "").slice(0, 20_000) });
  } catch (error) {
    redirect(`/contact/complaint?error=${codeOf(error)}`);
  }
  if (!result.ok) redirect(`/contact/complaint?error=1${caseId ? `&case=${caseId}` : ""}`);
  redirect(`/contact/requests/${result.requestId}?sent=1`);
}

export async function dataAccessAction() {
  const { requestId, already } = await (await api()).debtor.requests.dataAccess();
  redirect(`/contact/requests/${requestId}?${already ? "already" : "sent"}=1`);
}
