import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { cases, debtors } from "../db/schema";
import { DEMO_DEBTORS } from "../db/seed/demo-people";
import { env } from "../env";
import { createCardClient } from "../integrations/card/client";
import { createCardSimulator } from "../integrations/card/simulator";
import { serveFetchHandler } from "../integrations/serve-fetch-handler";
import { createSwishClient } from "../integrations/swish/client";
import { createSwishSimulator } from "../integrations/swish/simulator";
import { personalNumberHash } from "../security/personal-number";
import type { PaymentDeps } from "../modules/payments/clients";
import { handleCardWebhook, handleSwishCallback } from "../modules/payments/webhooks";

export const TEST_MERCHANT = "1231181189";
export const TEST_WEBHOOK_SECRET = "whsec_kvitt_payments_test";

/**
 * Both payment simulators on loopback and a portal stand-in that receives their callbacks and
 * hands them to the same functions the app's webhook routes call: the whole round trip over HTTP.
 */
export async function paymentWorld(db: Db, now: () => Date) {
  // Swish keeps the test's calendar (it stamps datePaid, the day a payment is booked on), while
  // its timeouts run in real time. The card simulator keeps the real clock: Stripe's SDK checks a
  // webhook's signed timestamp against it.
  const started = Date.now();
  const clock = () => now().getTime() + (Date.now() - started);
  const swishSim = createSwishSimulator({ merchantAlias: TEST_MERCHANT, callbackRetryDelayMs: 10, now: clock });
  const swishServer = await serveFetchHandler((r) => (new URL(r.url).pathname.includes("/control") ? swishSim.handleControlRequest(r) : swishSim.handleApiRequest(r)));
  // The portal stand-in needs the clients, and the card simulator needs the portal's address.
  const ref: { deps?: PaymentDeps } = {};
  const portal = await serveFetchHandler(async (request) => {
    const path = new URL(request.url).pathname;
    const answer =
      path === "/api/webhooks/swish"
        ? await handleSwishCallback(db, ref.deps!, await request.json().catch(() => null), now())
        : path === "/api/webhooks/card"
          ? await handleCardWebhook(db, ref.deps!, { rawBody: await request.text(), signature: request.headers.get("stripe-signature"), secret: TEST_WEBHOOK_SECRET, now: now() })
          : { status: 404, body: "not found" };
    return new Response(answer.body, { status: answer.status });
  });
  const cardSim = createCardSimulator({ apiKey: "sk_test_kvitt_payments", webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: `${portal.url}/api/webhooks/card`, webhookRetryDelayMs: 10 });
  const cardServer = await serveFetchHandler((r) => (new URL(r.url).pathname.includes("/control") ? cardSim.handleControlRequest(r) : cardSim.handleApiRequest(r)));
  const deps: PaymentDeps = {
    swish: createSwishClient({ baseUrl: `${swishServer.url}/swish-cpcapi/`, retries: 0 }),
    card: createCardClient({ secretKey: "sk_test_kvitt_payments", apiUrl: `${cardServer.url}/api/sim/card/`, maxNetworkRetries: 0 }),
    baseUrl: portal.url,
    swishPayeeAlias: TEST_MERCHANT,
  };
  ref.deps = deps;

  async function control(server: { url: string }, path: string, body?: unknown) {
    const res = await fetch(`${server.url}/control/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  return {
    deps,
    portal,
    /** Swish's API address, for a second process that talks to the same simulator. */
    swishUrl: `${swishServer.url}/swish-cpcapi/`,
    swishSim,
    cardSim,
    swish: (path: string, body?: unknown) => control(swishServer, path, body),
    card: (path: string, body?: unknown) => control(cardServer, path, body),
    /** Waits until every callback and webhook in flight has been delivered and handled. */
    settle: async () => {
      await swishSim.idle();
      await cardSim.idle();
    },
    close: async () => {
      await Promise.all([swishServer.close(), cardServer.close(), portal.close()]);
    },
  };
}

/** The demo people's debtor ids and case ids, by key. */
export async function demoIds(db: Db) {
  const out: Record<string, { debtorId: string; caseIds: string[] }> = {};
  for (const person of DEMO_DEBTORS) {
    const [row] = await db.select({ id: debtors.id }).from(debtors).where(eq(debtors.personalNumberHash, personalNumberHash(person.personalNumber, env().KVITT_PNR_HASH_KEY)));
    const caseRows = await db.select({ id: cases.id }).from(cases).where(eq(cases.debtorId, row!.id)).orderBy(cases.dueDate);
    out[person.key] = { debtorId: row!.id, caseIds: caseRows.map((c) => c.id) };
  }
  return out;
}
