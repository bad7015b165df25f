import { getDb } from "@/server/db";
import { paymentDeps } from "@/server/modules/payments/clients";
import { handleSwishCallback } from "@/server/modules/payments/webhooks";

export const dynamic = "force-dynamic";

/** Swish's payment callbacks: unsigned, so each one is checked with Swish before anything is booked. */
export async function POST(request: Request) {
  const body: unknown = await request.json().catch(() => null);
  const answer = await handleSwishCallback(await getDb(), paymentDeps(), body, new Date());
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "text/plain" } });
}
