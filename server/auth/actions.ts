"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../db";
import { endSession } from "../modules/sessions/sessions";
import { auth, signIn, signOut } from "./index";

const input = z.object({ orderId: z.string().uuid(), purpose: z.enum(["debtor", "staff"]) });

/** Finishes sign-in after BankID says complete. Returns an error code, or redirects on success. */
export async function completeBankIdLogin(orderId: string, purpose: "debtor" | "staff"): Promise<{ error: string }> {
  const parsed = input.safeParse({ orderId, purpose });
  if (!parsed.success) return { error: "invalid" };
  try {
    await signIn("bankid", { ...parsed.data, redirectTo: purpose === "staff" ? "/staff" : "/cases" });
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
