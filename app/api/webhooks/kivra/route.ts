import { env } from "@/server/env";
import { getDb } from "@/server/db";
import { verifyKivraSignature } from "@/server/integrations/kivra/simulator";
import { recordKivraPaymentEvent } from "@/server/modules/outreach/kivra-payments";

export const dynamic = "force-dynamic";

/** Kivra's payment webhook: signed (X-KIVRA-TIMESTAMP, X-KIVRA-SIGNATURE); a forged one gets 400. */
export async function POST(request: Request) {
  const raw = await request.text();
  const signatures = request.headers.get("x-kivra-signature")?.split(",") ?? [];
  if (!verifyKivraSignature(raw, request.headers.get("x-kivra-timestamp"), signatures, env().KIVRA_WEBHOOK_SECRET, Date.now())) return new Response("Bad signature", { status: 400 });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return new Response("Bad body", { status: 400 });
  }
  await recordKivraPaymentEvent(await getDb(), body);
  return new Response(null, { status: 204 });
}
