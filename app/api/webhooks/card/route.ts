import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { paymentDeps } from "@/server/modules/payments/clients";
import { handleCardWebhook } from "@/server/modules/payments/webhooks";

export const dynamic = "force-dynamic";

/** Stripe's webhooks: the signature is checked over the exact bytes received. */
export async function POST(request: Request) {
  const rawBody = await request.text();
  const answer = await handleCardWebhook(await getDb(), paymentDeps(), {
    rawBody,
    signature: request.headers.get("stripe-signature"),
    secret: env().STRIPE_WEBHOOK_SECRET,
    now: new Date(),
  });
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "text/plain" } });
}
