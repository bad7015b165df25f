"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../db";
import { NEXT_CASE_COOKIE } from "../modules/deep-links/deep-links";
import { endSession } from "../modules/sessions/sessions";
import { auth, signIn, signOut } from "./index";

const input = z.object({ orderId: z.string().uuid(), purpose: z.enum(["debtor", "staff"]) });

/** Finishes sign-in after BankID says complete. Returns an error code, or redirects on success. */
export async function completeBankIdLogin(orderId: string, purpose: "debtor" | "staff"): Promise<{ error: string }> {
  const parsed = input.safeParse({ orderId, purpose });
  if (!parsed.success) return { error: "invalid" };
  // A deep link remembered the case the person came for; the case page itself checks ownership.
  const jar = await cookies();
  const next = jar.get(NEXT_CASE_COOKIE)?.value?.split("|")[0];
  if (next) jar.delete(NEXT_CASE_COOKIE);
  const target = purpose === "staff" ? "/staff" : next && /^[0-9a-f-]{36}$/.test(next) ? `/cases/${next}` : "/cases";
  try {
    await signIn("bankid", { ...parsed.data, redirectTo: target });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code ?? "failed" };
    }
    throw error;
  }
  return { error: "failed" };
}

/** Ends the session in the database and removes the cookie. */
export async function signOutAction(formData: FormData) {
  const session = await auth();
  if (session?.sid) await endSession(await getDb(), session.sid);
  const staff = formData.get("area") === "staff";
  await signOut({ redirect: false });
  redirect(staff ? "/staff/login?reason=signed-out" : "/login?reason=signed-out");
}
