"use server";

import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { api } from "../api/server-caller";
import { DomainError } from "../domain/errors";
import { completeBankIdLogin } from "./actions";
import { BANKID_ORDER_COOKIE, flowPath, readOrderCookie, type BankIdPurpose } from "./bankid-order";

const purposeSchema = z.union([z.enum(["debtor", "staff"]), z.string().regex(/^plan:[0-9a-f-]{36}$/)]);

function purposeOf(form: FormData): BankIdPurpose {
  const parsed = purposeSchema.safeParse(form.get("purpose"));
  if (!parsed.success) redirect("/login");
  return parsed.data as BankIdPurpose;
}

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");

/**
 * Starts a BankID order from a plain form. The order is remembered in an httpOnly cookie (the
 * binding cookie ties it to this browser); on this device the person goes straight to the app,
 * which sends them back to the page, otherwise the page shows the QR code.
 */
export async function startBankIdAction(form: FormData) {
  const purpose = purposeOf(form);
  const sameDevice = form.get("device") === "this";
  const path = flowPath(purpose);
  let order: { orderId: string; autoStartUrl: string | null };
  try {
    const caller = await api();
    order = purpose.startsWith("plan:")
      ? await caller.debtor.plans.startSigning({ planId: purpose.slice(5), sameDevice })
      : await caller.auth.bankid.start({ purpose: purpose as "debtor" | "staff", sameDevice });
  } catch (error) {
    redirect(`${path}?bankid=${codeOf(error) === "rate_limited_bankid" ? "rate_limited" : "RFA22"}`);
  }
  (await cookies()).set(BANKID_ORDER_COOKIE, `${order.orderId}.${sameDevice ? 1 : 0}.${purpose}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && !process.env.KVITT_DEMO,
    path: "/",
    maxAge: 600,
  });
  redirect(sameDevice && order.autoStartUrl ? order.autoStartUrl : path);
}

/**
 * "I have identified, continue" (pressed by the person, or by the page's script when BankID has
 * answered): signs in or signs the plan when the order is complete, shows BankID's message when it
 * failed, and otherwise goes back to waiting.
 */
export async function continueBankIdAction(form: FormData) {
  const purpose = purposeOf(form);
  const path = flowPath(purpose);
  const jar = await cookies();
  const order = readOrderCookie(jar.get(BANKID_ORDER_COOKIE)?.value, purpose);
  if (!order) redirect(path);
  let result: { status: string; rfa: string };
  try {
    result = await (await api()).auth.bankid.poll({ orderId: order.orderId });
  } catch {
    jar.delete(BANKID_ORDER_COOKIE);
    redirect(`${path}?bankid=RFA22`);
  }
  if (result.status === "pending") redirect(path);
  jar.delete(BANKID_ORDER_COOKIE);
  if (result.status === "failed") redirect(`${path}?bankid=${result.rfa}`);
  if (purpose.startsWith("plan:")) {
    const planId = purpose.slice(5);
    let signed = false;
    try {
      await (await api()).debtor.plans.completeSigning({ planId, orderId: order.orderId });
      signed = true;
    } catch {
      // The plan changed, or someone else signed: say it did not work.
    }
    redirect(signed ? `/plans/${planId}?signed=1` : `${path}?bankid=failed`);
  }
  const outcome = await completeBankIdLogin(order.orderId, purpose as "debtor" | "staff");
  redirect(`${path}?bankid=${outcome.error === "not_staff" ? "refused" : "failed"}`);
}

/** The person stopped waiting: the order is cancelled at BankID too, and the choice is shown again. */
export async function cancelBankIdAction(form: FormData) {
  const purpose = purposeOf(form);
  const jar = await cookies();
  const order = readOrderCookie(jar.get(BANKID_ORDER_COOKIE)?.value, purpose);
  jar.delete(BANKID_ORDER_COOKIE);
  if (order) await (await api()).auth.bankid.cancel({ orderId: order.orderId }).catch(() => undefined);
  redirect(flowPath(purpose));
}
