"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { env, isDemo } from "@/server/env";
import { cardSimulator } from "@/server/integrations/card/simulator";

/** Where Stripe's page sends the payer next; only back to the portal itself. */
function safeReturn(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const target = new URL(url);
    return target.origin === new URL(env().PUBLIC_BASE_URL).origin ? `${target.pathname}${target.search}` : null;
  } catch {
    return null;
  }
}

/** The payer on the simulated checkout page: pay, have the card declined, or go back. */
export async function answerCheckoutAction(form: FormData) {
  if (!isDemo()) redirect("/");
  const parsed = z.object({ id: z.string().regex(/^cs_[A-Za-z0-9_]+$/), answer: z.enum(["complete", "decline", "cancel"]) }).safeParse({ id: form.get("id"), answer: form.get("answer") });
  if (!parsed.success) redirect("/");
  const { id, answer } = parsed.data;
  const response = await cardSimulator().handleControlRequest(
    new Request(`${env().PUBLIC_BASE_URL}/api/sim/card/control/sessions/${id}/${answer}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }),
  );
  const body = (await response.json().catch(() => ({}))) as { redirectUrl?: string };
  if (answer === "decline") redirect(`/sim/card/checkout/${id}?declined=1`);
  redirect(safeReturn(body.redirectUrl) ?? `/sim/card/checkout/${id}`);
}
