"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { env, isDemo } from "@/server/env";
import { swishSimulator } from "@/server/integrations/swish/simulator";

/** Only a return to the portal itself: never an open redirect. */
function safeReturn(url: string | null): string | null {
  if (!url) return null;
  try {
    const target = new URL(url, env().PUBLIC_BASE_URL);
    const own = new URL(env().PUBLIC_BASE_URL);
    return target.origin === own.origin ? `${target.pathname}${target.search}` : null;
  } catch {
    return null;
  }
}

/** The payer answers in the simulated app: pay or decline, then back to the portal. */
export async function answerSwishAction(form: FormData) {
  if (!isDemo()) redirect("/");
  const parsed = z.object({ id: z.string().regex(/^[0-9A-F]{32}$/), answer: z.enum(["pay", "decline"]) }).safeParse({ id: form.get("id"), answer: form.get("answer") });
  if (!parsed.success) redirect("/sim/swish");
  const request = new Request(`${env().PUBLIC_BASE_URL}/api/sim/swish/control/payments/${parsed.data.id}/${parsed.data.answer}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(parsed.data.answer === "pay" ? { payerAlias: "46701234567" } : {}),
  });
  await swishSimulator().handleControlRequest(request);
  const back = safeReturn(typeof form.get("callbackurl") === "string" ? (form.get("callbackurl") as string) : null);
  redirect(back ?? `/sim/swish?done=${parsed.data.answer}`);
}
