import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serveFetchHandler } from "../serve-fetch-handler";
import { CardWebhookError, createCardClient, verifyWebhook, type CardClient } from "./client";
import { createCardSimulator, type CardSimulator } from "./simulator";

const KEY = "sk_test_kvitt_integration_0001";
const WEBHOOK_SECRET = "whsec_kvitt_integration";
const PUBLIC_BASE = "http://localhost:3000";

let clock = Date.now();
let sim: CardSimulator;
let api: Awaited<ReturnType<typeof serveFetchHandler>>;
let receiver: Awaited<ReturnType<typeof serveFetchHandler>>;
let client: CardClient;

/** What the portal's webhook endpoint did with each request it got. */
let received: { ok: boolean; event?: Stripe.Event; error?: string; raw: string }[] = [];

// Mounted the way the app mounts it: under /api/sim/card/ (API at …/v1/, control at …/control/).
const handler = async (request: Request) => {
  const path = new URL(request.url).pathname;
  if (!path.startsWith("/api/sim/card/")) return new Response("Not found", { status: 404 });
  return path.includes("/control") ? sim.handleControlRequest(request) : sim.handleApiRequest(request);
};

async function control(path: string, body?: unknown) {
  const res = await fetch(`${api.url}/api/sim/card/control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function input(reference = "5050105512345") {
  return {
    amountOre: 45050,
    currency: "sek" as const,
    reference,
    successUrl: `${PUBLIC_BASE}/betala/kort/klar?session={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${PUBLIC_BASE}/betala`,
    metadata: { caseId: "case_123", debtorId: "debtor_9" },
  };
}

beforeAll(async () => {
  api = await serveFetchHandler(handler);
  receiver = await serveFetchHandler(async (req) => {
    const raw = await req.text();
    try {
      const event = verifyWebhook(raw, req.headers.get("stripe-signature"), WEBHOOK_SECRET, { receivedAt: Math.floor(clock / 1000) });
      received.push({ ok: true, event, raw });
      return new Response(null, { status: 200 });
    } catch (error) {
      received.push({ ok: false, error: (error as Error).message, raw });
      return new Response(null, { status: 400 });
    }
  });
  client = createCardClient({ secretKey: KEY, apiUrl: `${api.url}/api/sim/card/`, maxNetworkRetries: 0 });
});
afterAll(async () => {
  await api.close();
  await receiver.close();
});
beforeEach(() => {
  clock = Date.now();
  received = [];
  sim = createCardSimulator({
    now: () => clock,
    apiKey: KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `${receiver.url}/api/webhooks/card`,
    publicBaseUrl: PUBLIC_BASE,
    webhookRetries: 0,
  });
});

describe("card payments: Kvitt's client ↔ simulator", () => {
  it("success: a session, the hosted page, a signed checkout.session.completed", async () => {
    const session = await client.createCheckoutSession(input());
    expect(session).toMatchObject({ status: "open", paymentStatus: "unpaid", amountOre: 45050, currency: "sek", reference: "5050105512345", paymentIntentId: null });
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);
    expect(session.url).toBe(`${PUBLIC_BASE}/sim/card/checkout/${session.id}`);
    expect(session.metadata).toEqual({ caseId: "case_123", debtorId: "debtor_9", reference: "5050105512345" });

    const page = await control(`sessions/${session.id}`);
    expect((page.body.session as Record<string, unknown>).amount_total).toBe(45050);

    const paid = await control(`sessions/${session.id}/complete`, { email: "anna@example.se", name: "Anna Lindqvist" });
    expect(paid.status).toBe(200);
    expect(paid.body.redirectUrl).toBe(`${PUBLIC_BASE}/betala/kort/klar?session=${session.id}`);
    await sim.idle();
    expect(received).toHaveLength(1);
    const { ok, event } = received[0]!;
    expect(ok).toBe(true);
    expect(event!.type).toBe("checkout.session.completed");
    const object = event!.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({ id: session.id, payment_status: "paid", status: "complete", client_reference_id: "5050105512345", amount_total: 45050 });
    expect(object.customer_details?.email).toBe("anna@example.se");

    const after = await client.retrieveSession(session.id);
    expect(after).toMatchObject({ status: "complete", paymentStatus: "paid", url: null });
    expect(after.paymentIntentId).toMatch(/^pi_/);
    // A finished session cannot be paid twice.
    expect((await control(`sessions/${session.id}/complete`, {})).status).toBe(409);
  });

  it("failure: checkout.session.async_payment_failed and nothing paid", async () => {
    const session = await client.createCheckoutSession(input());
    const declined = await control(`sessions/${session.id}/decline`, { code: "insufficient_funds" });
    expect(declined.body.declines).toMatchObject([{ code: "insufficient_funds", message: "Your card has insufficient funds." }]);
    expect((await control(`sessions/${session.id}/cancel`, {})).body.redirectUrl).toBe(`${PUBLIC_BASE}/betala`);
    expect((await client.retrieveSession(session.id)).status).toBe("open");
    await control(`sessions/${session.id}/fail`, {});
    await sim.idle();
    expect(received.map((r) => r.event?.type)).toEqual(["checkout.session.async_payment_failed"]);
    expect(await client.retrieveSession(session.id)).toMatchObject({ status: "complete", paymentStatus: "unpaid" });
  });

  it("expiry: by the payer leaving, by the API, and by time", async () => {
    const a = await client.createCheckoutSession(input("A1"));
    const b = await client.createCheckoutSession(input("B2"));
    const c = await client.createCheckoutSession(input("C3"));
    await control(`sessions/${a.id}/expire`, {});
    expect(await client.expireSession(b.id)).toMatchObject({ status: "expired", url: null });
    clock += 24 * 3600 * 1000;
    expect((await client.retrieveSession(c.id)).status).toBe("expired");
    await sim.idle();
    expect(received.map((r) => [r.event?.type, (r.event?.data.object as Stripe.Checkout.Session).client_reference_id])).toEqual([
      ["checkout.session.expired", "A1"],
      ["checkout.session.expired", "B2"],
      ["checkout.session.expired", "C3"],
    ]);
  });

  it("webhooks can be sent twice, late, or again", async () => {
    const session = await client.createCheckoutSession(input());
    await control(`sessions/${session.id}/complete`, { webhook: { times: 2, delayMs: 300 } });
    expect(received).toHaveLength(0);
    await sim.idle();
    await control(`sessions/${session.id}/webhooks`, { type: "checkout.session.completed" });
    await sim.idle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.event!.id)).size).toBe(1);
  });

  it("the portal refuses forged and tampered webhooks", async () => {
    const session = await client.createCheckoutSession(input());
    await control(`sessions/${session.id}/complete`, {});
    await sim.idle();
    const genuine = received[0]!;
    expect(genuine.ok).toBe(true);

    const post = (raw: string, signature?: string) =>
      fetch(`${receiver.url}/api/webhooks/card`, { method: "POST", headers: signature ? { "Stripe-Signature": signature } : {}, body: raw });
    const t = Math.floor(clock / 1000);
    const tampered = genuine.raw.replace('"amount_total": 45050', '"amount_total": 1');
    expect(tampered).not.toBe(genuine.raw);
    const forgedHeader = Stripe.webhooks.generateTestHeaderString({ payload: genuine.raw, secret: "whsec_attacker", timestamp: t });
    const validHeader = Stripe.webhooks.generateTestHeaderString({ payload: genuine.raw, secret: WEBHOOK_SECRET, timestamp: t });

    expect((await post(genuine.raw, forgedHeader)).status).toBe(400);
    expect((await post(tampered, validHeader)).status).toBe(400);
    expect((await post(genuine.raw)).status).toBe(400);
    expect(received.slice(1).every((r) => !r.ok)).toBe(true);
    expect(() => verifyWebhook(tampered, validHeader, WEBHOOK_SECRET, { receivedAt: t })).toThrow(CardWebhookError);
  });

  it("an unreachable or failing endpoint is retried and logged", async () => {
    sim = createCardSimulator({ now: () => clock, apiKey: KEY, webhookSecret: "whsec_wrong", webhookUrl: `${receiver.url}/api/webhooks/card`, webhookRetries: 1, webhookRetryDelayMs: 5 });
    const session = await client.createCheckoutSession(input());
    await control(`sessions/${session.id}/complete`, {});
    await sim.idle();
    const deliveries = (await control(`sessions/${session.id}`)).body.deliveries as { attempt: number; httpStatus: number }[];
    expect(deliveries.map((d) => [d.attempt, d.httpStatus])).toEqual([
      [1, 400],
      [2, 400],
    ]);
    // The endpoint secret can be changed through the control API.
    await control("webhook", { secret: WEBHOOK_SECRET });
    await control(`sessions/${session.id}/webhooks`, {});
    await sim.idle();
    expect(received.at(-1)!.ok).toBe(true);
  });
});

describe("the official Stripe SDK against the simulator, changed only in host, port and protocol", () => {
  let bare: Awaited<ReturnType<typeof serveFetchHandler>>;
  let stripe: Stripe;
  beforeAll(async () => {
    // Stripe's SDK has no base path: the simulator answers at the root, as api.stripe.com does.
    bare = await serveFetchHandler((req) => sim.handleApiRequest(req));
    stripe = new Stripe(KEY, { host: "127.0.0.1", port: new URL(bare.url).port, protocol: "http" });
  });
  afterAll(() => bare.close());

  it("creates, retrieves, lists and expires Checkout Sessions", async () => {
    const created = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { quantity: 2, price_data: { currency: "sek", unit_amount: 15000, product_data: { name: "Delbetalning" } } },
        { quantity: 1, price_data: { currency: "sek", unit_amount: 5050, product_data: { name: "Avgift" } } },
      ],
      client_reference_id: "REF-1",
      metadata: { caseId: "case_1" },
      success_url: "https://kvitt.example/klar",
      cancel_url: "https://kvitt.example/avbrutet",
    });
    expect(created).toMatchObject({ object: "checkout.session", amount_total: 35050, currency: "sek", status: "open", payment_status: "unpaid", mode: "payment", metadata: { caseId: "case_1" } });
    expect(created.lastResponse.statusCode).toBe(200);
    expect(created.lastResponse.requestId).toMatch(/^req_/);

    expect((await stripe.checkout.sessions.retrieve(created.id)).client_reference_id).toBe("REF-1");
    const list = await stripe.checkout.sessions.list({ limit: 5 });
    expect(list.data.map((s) => s.id)).toEqual([created.id]);
    expect((await stripe.checkout.sessions.expire(created.id)).status).toBe("expired");
  });

  it("replays a request with the same idempotency key", async () => {
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "sek", unit_amount: 1000, product_data: { name: "x" } } }],
      success_url: "https://kvitt.example/klar",
    };
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: "kvitt-1" });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: "kvitt-1" });
    expect(again.id).toBe(first.id);
    const error = await stripe.checkout.sessions.create({ ...params, client_reference_id: "other" }, { idempotencyKey: "kvitt-1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("answers a wrong or missing key with 401, as Stripe does", async () => {
    const wrong = new Stripe("sk_test_not_the_right_key_1234", { host: "127.0.0.1", port: new URL(bare.url).port, protocol: "http" });
    const error = (await wrong.checkout.sessions.retrieve("cs_test_x").catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe("Invalid API Key provided: sk_test_******************1234");

    const res = await fetch(`${bare.url}/v1/checkout/sessions/cs_test_x`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { type: string; message: string } }).error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") });
  });

  it("refuses bad parameters with Stripe's error shape", async () => {
    const noItems = (await stripe.checkout.sessions.create({ mode: "payment", success_url: "https://kvitt.example/" }).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(noItems).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(noItems).toMatchObject({ statusCode: 400, param: "line_items", code: "parameter_missing", message: "Missing required param: line_items." });

    const tooSmall = (await stripe.checkout.sessions
      .create({ mode: "payment", line_items: [{ quantity: 1, price_data: { currency: "sek", unit_amount: 299, product_data: { name: "x" } } }] })
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(tooSmall).toMatchObject({ statusCode: 400, param: "line_items" });

    const unknown = (await stripe.checkout.sessions.retrieve("cs_test_missing").catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(unknown).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
