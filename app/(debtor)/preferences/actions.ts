"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";
import { sendOutboxNow } from "@/server/jobs";
import { CONTACT_FORM_COOKIE, POSITIONS, type ContactFormState } from "./form-state";

const causeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause : null);
const channelOf = (form: FormData): "sms" | "email" => (form.get("channel") === "email" ? "email" : "sms");
const pageOf = (channel: "sms" | "email") => (channel === "sms" ? "/preferences/phone" : "/preferences/email");

/** Saves the order of channels and the language; refused, the choices go back with what is wrong with each. */
export async function savePreferencesAction(form: FormData) {
  const choices = POSITIONS.map((p) => String(form.get(p) ?? "").slice(0, 10));
  const language = form.get("language") === "en" ? "en" : "sv";
  try {
    await (await api()).debtor.preferences.save({ order: choices.filter((c) => c !== ""), language });
  } catch (error) {
    const errors = (causeOf(error)?.details?.errors as Record<string, string> | undefined) ?? { first: causeOf(error)?.code ?? "unknown" };
    const query = new URLSearchParams({ error: "1", language });
    POSITIONS.forEach((p, i) => query.set(p, choices[i]!));
    for (const [field, code] of Object.entries(errors)) query.set(`e-${field}`, code);
    redirect(`/preferences?${query}`);
  }
  redirect("/preferences?saved=1");
}

/** Sends a six-digit code to the number or address the person is adding, then asks for it. */
export async function sendCodeAction(form: FormData) {
  const channel = channelOf(form);
  const value = String(form.get("address") ?? "").slice(0, 300);
  const jar = await cookies();
  let messageId: string;
  try {
    ({ messageId } = await (await api()).debtor.preferences.sendCode({ channel, address: value }));
  } catch (error) {
    const code = (causeOf(error)?.details?.errors as Record<string, string> | undefined)?.address ?? causeOf(error)?.code ?? "unknown";
    jar.set(CONTACT_FORM_COOKIE, JSON.stringify({ channel, value, error: code } satisfies ContactFormState), { httpOnly: true, sameSite: "lax", path: "/preferences", maxAge: 600 });
    redirect(`${pageOf(channel)}?error=1`);
  }
  jar.delete({ name: CONTACT_FORM_COOKIE, path: "/preferences" });
  // The person is waiting for the code: it goes now, not at the next minute's round.
  await sendOutboxNow([messageId]);
  redirect(`/preferences/code?channel=${channel}`);
}

/** Checks the code: right, and back to the choices with the channel ready to pick. */
export async function confirmCodeAction(form: FormData) {
  const channel = channelOf(form);
  try {
    await (await api()).debtor.preferences.confirmCode({ channel, code: String(form.get("code") ?? "").slice(0, 20) });
  } catch (error) {
    redirect(`/preferences/code?channel=${channel}&error=${causeOf(error)?.code ?? "unknown"}`);
  }
  redirect(`/preferences?verified=${channel}`);
}
