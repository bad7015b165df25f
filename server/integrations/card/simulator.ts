import { createHash, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The part of Stripe's API that Checkout uses, on loopback: create and retrieve (and expire)
 * Checkout Sessions, form-encoded the way the official SDK sends them, behind a secret key. The
 * hosted payment page is the app's own `/sim/card/checkout/{id}`; a control API plays the payer
 * there (complete, fail, let expire, decline a card) and sends the webhooks Stripe would send,
 * signed with the endpoint secret exactly as Stripe signs them.
 */

export interface CardSimulatorOptions {
  now?: () => number;
  /** Used to deliver webhooks. */
  fetchImpl?: typeof fetch;
  /** The secret key the API accepts. */
  apiKey?: string;
  /** The webhook endpoint's signing secret. */
  webhookSecret?: string;
  /** Where webhooks go. When absent, `webhookPath` on the origin the session was created from. */
  webhookUrl?: string;
  webhookPath?: string;
  /** Origin of the hosted page (`<publicBaseUrl>/sim/card/checkout/{id}`); else the API request's. */
  publicBaseUrl?: string;
  webhookRetries?: number;
  webhookRetryDelayMs?: number;
}

export interface DeliveryPlan {
  times: number;
  delayMs: number;
}

export type CheckoutSessionObject = Record<string, unknown> & {
  id: string;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  url: string | null;
  expires_at: number;
  amount_total: number;
};

export interface SimSession {
  session: CheckoutSessionObject;
  /** The origin the session was created from (for webhook and page URLs). */
  origin: string;
  /** The payer's failed card attempts shown on the hosted page; no webhook is sent for them. */
  declines: { at: number; code: string; message: string }[];
  events: string[];
}

export interface StripeEventObject {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: CheckoutSessionObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  sessionId: string;
  url: string | null;
  attempt: number;
  at: string;
  httpStatus: number | null;
  error: string | null;
}

const API_VERSION = "2026-10-28.endive";
const MIN_AMOUNT: Record<string, number> = { sek: 300, eur: 50, nok: 300, dkk: 250, usd: 50 };
const MAX_AMOUNT = 99_999_999;

const DECLINES: Record<string, string> = {
  card_declined: "Your card was declined.",
  insufficient_funds: "Your card has insufficient funds.",
  expired_card: "Your card has expired.",
  incorrect_cvc: "Your card's security code is incorrect.",
  authentication_required: "Your card was declined. This transaction requires authentication.",
};

function stripeId(prefix: string, length = 24): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const bytes = randomBytes(length);
  let s = "";
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${prefix}${s}`;
}

/** `a[b][0][c]=v` → { a: { b: [ { c: "v" } ] } }, as Stripe reads its form bodies. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!m) continue;
    const path = [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)];
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i++) {
      let seg: string | number = path[i]!;
      const last = i === path.length - 1;
      if (Array.isArray(node)) seg = seg === "" ? node.length : Number(seg);
      if (last) {
        (node as Record<string | number, unknown>)[seg] = value;
      } else {
        const nextIsIndex = /^\d*$/.test(path[i + 1]!);
        const container = node as Record<string | number, unknown>;
        container[seg] ??= nextIsIndex ? [] : {};
        node = container[seg] as Record<string, unknown> | unknown[];
      }
    }
  }
  return root;
}

class ApiError {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly message: string,
    readonly param?: string,
    readonly code?: string,
  ) {}

  response(requestId: string): Response {
    const error: Record<string, unknown> = { message: this.message, type: this.type };
    if (this.param) error.param = this.param;
    if (this.code) {
      error.code = this.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.code.replaceAll("_", "-")}`;
    }
    error.request_log_url = `https://dashboard.stripe.com/test/logs/${requestId}`;
    return Response.json({ error }, { status: this.status, headers: { "Request-Id": requestId } });
  }
}

const missing = (param: string) => new ApiError(400, "invalid_request_error", `Missing required param: ${param}.`, param, "parameter_missing");
const invalid = (param: string, message: string) => new ApiError(400, "invalid_request_error", message, param, "parameter_invalid");

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function integer(v: unknown, param: string): number {
  if (typeof v !== "string" || !/^-?\d+$/.test(v)) throw invalid(param, `Invalid integer: ${String(v)}`);
  return Number(v);
}

function validUrl(v: string, param: string): string {
  try {
    const u = new URL(v);
    if (u.protocol === "http:" || u.protocol === "https:") return v;
  } catch {
    // fall through
  }
  throw invalid(param, "Not a valid URL");
}

function metadataOf(v: unknown, param: string): Record<string, string> {
  if (v === undefined || v === "") return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw invalid(param, "Invalid hash");
  const entries = Object.entries(v as Record<string, unknown>).filter(([, value]) => value !== "");
  if (entries.length > 50) throw invalid(param, "Metadata can have at most 50 keys.");
  for (const [k, value] of entries) {
    if (k.length > 40) throw invalid(`${param}[${k}]`, "Metadata keys can be at most 40 characters long.");
    if (typeof value !== "string" || value.length > 500) throw invalid(`${param}[${k}]`, "Metadata values can be at most 500 characters long.");
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

const planSchema = z.object({
  times: z.number().int().min(0).max(20).default(1),
  delayMs: z.number().int().min(0).max(600_000).default(0),
});

export function createCardSimulator(options: CardSimulatorOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const apiKey = options.apiKey ?? "sk_test_kvitt_demo";
  const webhookRetries = options.webhookRetries ?? 2;
  const webhookRetryDelayMs = options.webhookRetryDelayMs ?? 1_000;

  const store = {
    sessions: new Map<string, SimSession>(),
    events: new Map<string, StripeEventObject>(),
    deliveries: [] as WebhookDelivery[],
    webhook: { url: options.webhookUrl ?? null, path: options.webhookPath ?? null, secret: options.webhookSecret ?? "whsec_kvitt_demo" } as {
      url: string | null;
      path: string | null;
      secret: string;
    },
    policy: { times: 1, delayMs: 0 } as DeliveryPlan,
    idempotency: new Map<string, { fingerprint: string; status: number; body: string }>(),
  };
  const inFlight = new Set<Promise<void>>();
  const seconds = () => Math.floor(now() / 1000);

  // -- webhooks -------------------------------------------------------------------------------

  /** Stripe's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed with the secret>`. */
  function signature(body: string, timestamp: number): string {
    const v1 = createHmac("sha256", store.webhook.secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
    return `t=${timestamp},v1=${v1}`;
  }

  function webhookTarget(sim: SimSession): string | null {
    if (store.webhook.url) return store.webhook.url;
    if (store.webhook.path) return new URL(store.webhook.path, options.publicBaseUrl ?? sim.origin).toString();
    return null;
  }

  async function deliverOnce(event: StripeEventObject, url: string | null) {
    const body = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= 1 + webhookRetries; attempt++) {
      const record: WebhookDelivery = {
        eventId: event.id,
        type: event.type,
        sessionId: event.data.object.id,
        url,
        attempt,
        at: new Date(now()).toISOString(),
        httpStatus: null,
        error: null,
      };
      store.deliveries.push(record);
      if (!url) {
        record.error = "no webhook endpoint configured";
        return;
      }
      try {
        const response = await fetchImpl(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Stripe-Signature": signature(body, seconds()),
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          },
          body,
        });
        record.httpStatus = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      if (attempt <= webhookRetries) await sleep(webhookRetryDelayMs);
    }
  }

  function deliver(event: StripeEventObject, sim: SimSession, plan: DeliveryPlan) {
    if (plan.times <= 0) return;
    const url = webhookTarget(sim);
    const delivery = (async () => {
      if (plan.delayMs > 0) await sleep(plan.delayMs);
      for (let n = 0; n < plan.times; n++) await deliverOnce(event, url);
    })();
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  }

  function emit(sim: SimSession, type: string, plan: DeliveryPlan = store.policy) {
    const event: StripeEventObject = {
      id: stripeId("evt_"),
      object: "event",
      api_version: API_VERSION,
      created: seconds(),
      data: { object: structuredClone(sim.session) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    store.events.set(event.id, event);
    sim.events.push(event.id);
    deliver(event, sim, plan);
  }

  function expire(sim: SimSession, plan?: DeliveryPlan) {
    Object.assign(sim.session, { status: "expired", url: null });
    emit(sim, "checkout.session.expired", plan);
  }

  /** Sessions whose time ran out expire as Stripe's do. */
  function sweep() {
    const t = seconds();
    for (const sim of store.sessions.values()) if (sim.session.status === "open" && t >= sim.session.expires_at) expire(sim);
  }

  // -- the API --------------------------------------------------------------------------------

  function authenticate(request: Request): ApiError | null {
    const header = request.headers.get("authorization") ?? "";
    let key: string | null = null;
    if (/^bearer /i.test(header)) key = header.slice(7).trim();
    else if (/^basic /i.test(header)) key = Buffer.from(header.slice(6).trim(), "base64").toString("utf8").split(":")[0] ?? null;
    if (!key) {
      return new ApiError(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      );
    }
    if (key !== apiKey) {
      const masked = key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "*".repeat(key.length);
      return new ApiError(401, "invalid_request_error", `Invalid API Key provided: ${masked}`);
    }
    return null;
  }

  function createSession(params: Record<string, unknown>, origin: string): CheckoutSessionObject {
    const mode = str(params.mode);
    if (!mode) throw missing("mode");
    if (!["payment", "setup", "subscription"].includes(mode)) throw invalid("mode", `Invalid mode: must be one of payment, setup, or subscription`);
    if (mode !== "payment") throw invalid("mode", "Only mode=payment is available here.");
    const items = params.line_items;
    if (!Array.isArray(items) || items.length === 0) throw missing("line_items");
    let currency: string | undefined;
    let total = 0;
    for (const [i, raw] of items.entries()) {
      const at = `line_items[${i}]`;
      const item = (raw ?? {}) as Record<string, unknown>;
      if (str(item.price)) throw new ApiError(400, "invalid_request_error", `No such price: '${String(item.price)}'`, `${at}[price]`, "resource_missing");
      const pd = item.price_data as Record<string, unknown> | undefined;
      if (!pd || typeof pd !== "object") throw invalid(at, "You must specify either `price` or `price_data` in each line item.");
      const c = str(pd.currency)?.toLowerCase();
      if (!c) throw missing(`${at}[price_data][currency]`);
      if (!/^[a-z]{3}$/.test(c)) throw invalid(`${at}[price_data][currency]`, `Invalid currency: ${c}`);
      if (currency && c !== currency) throw invalid(`${at}[price_data][currency]`, "All line items must use the same currency.");
      currency = c;
      if (pd.unit_amount === undefined) throw missing(`${at}[price_data][unit_amount]`);
      const unit = integer(pd.unit_amount, `${at}[price_data][unit_amount]`);
      if (unit < 0) throw invalid(`${at}[price_data][unit_amount]`, "This value must be greater than or equal to 0.");
      const product = pd.product_data as Record<string, unknown> | undefined;
      if (!str(pd.product) && !str(product?.name)) throw missing(`${at}[price_data][product_data][name]`);
      if (item.quantity === undefined) throw missing(`${at}[quantity]`);
      const quantity = integer(item.quantity, `${at}[quantity]`);
      if (quantity < 1) throw invalid(`${at}[quantity]`, "This value must be greater than or equal to 1.");
      total += unit * quantity;
    }
    const min = MIN_AMOUNT[currency!] ?? 50;
    if (total < min) {
      throw invalid("line_items", `The Checkout Session's total amount due must add up to at least ${(min / 100).toFixed(2)} ${currency}`);
    }
    if (total > MAX_AMOUNT) throw invalid("line_items", `The Checkout Session's total amount due must be no more than ${(MAX_AMOUNT / 100).toFixed(2)} ${currency}`);
    const successUrl = str(params.success_url) ? validUrl(params.success_url as string, "success_url") : null;
    const cancelUrl = str(params.cancel_url) ? validUrl(params.cancel_url as string, "cancel_url") : null;
    const reference = str(params.client_reference_id) ?? null;
    if (reference && reference.length > 200) throw invalid("client_reference_id", "client_reference_id must be at most 200 characters.");
    const metadata = metadataOf(params.metadata, "metadata");
    const created = seconds();
    let expiresAt = created + 24 * 3600;
    if (params.expires_at !== undefined) {
      expiresAt = integer(params.expires_at, "expires_at");
      if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600) {
        throw invalid("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
      }
    }
    const methods = (params.allowed_payment_method_types ?? params.payment_method_types) as unknown;
    const id = stripeId("cs_test_", 58);
    const base = options.publicBaseUrl ?? origin;
    return {
      id,
      object: "checkout.session",
      after_expiration: null,
      allow_promotion_codes: null,
      amount_subtotal: total,
      amount_total: total,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: cancelUrl,
      client_reference_id: reference,
      client_secret: null,
      consent: null,
      consent_collection: null,
      created,
      currency: currency!,
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: null,
      customer_creation: "if_required",
      customer_details: str(params.customer_email) ? { email: params.customer_email, name: null, address: null, phone: null, tax_exempt: "none", tax_ids: [] } : null,
      customer_email: str(params.customer_email) ?? null,
      expires_at: expiresAt,
      invoice: null,
      invoice_creation: null,
      livemode: false,
      locale: str(params.locale) ?? null,
      metadata,
      mode: "payment",
      payment_intent: null,
      payment_link: null,
      payment_method_collection: "if_required",
      payment_method_options: {},
      payment_method_types: Array.isArray(methods) ? methods : ["card"],
      payment_status: "unpaid",
      phone_number_collection: { enabled: false },
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: "open",
      submit_type: null,
      subscription: null,
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: "hosted",
      url: `${base.replace(/\/+$/, "")}/sim/card/checkout/${id}`,
    };
  }

  /** Paths under any prefix ending `/v1/checkout/sessions…`, as the SDK sends them. */
  async function handleApiRequest(request: Request): Promise<Response> {
    const requestId = stripeId("req_", 14);
    const url = new URL(request.url);
    const at = url.pathname.indexOf("/v1/");
    const parts = at < 0 ? [] : url.pathname.slice(at + 4).split("/").filter(Boolean);
    const headers = { "Request-Id": requestId, "Stripe-Version": request.headers.get("stripe-version") ?? API_VERSION };
    try {
      const denied = authenticate(request);
      if (denied) throw denied;
      sweep();
      const unrecognized = () =>
        new ApiError(404, "invalid_request_error", `Unrecognized request URL (${request.method}: ${url.pathname.slice(Math.max(at, 0))}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
      if (parts[0] !== "checkout" || parts[1] !== "sessions" || parts.length > 4) throw unrecognized();
      const id = parts[2];

      if (request.method === "POST") {
        const text = await request.text();
        const key = request.headers.get("idempotency-key");
        const fingerprint = createHash("sha256").update(`${url.pathname}\n${text}`).digest("hex");
        if (key) {
          const seen = store.idempotency.get(key);
          if (seen) {
            if (seen.fingerprint !== fingerprint) {
              throw new ApiError(
                400,
                "idempotency_error",
                `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              );
            }
            return new Response(seen.body, { status: seen.status, headers: { ...headers, "Content-Type": "application/json", "Idempotent-Replayed": "true" } });
          }
        }
        let result: Response;
        if (!id) {
          const session = createSession(parseStripeForm(text), url.origin);
          store.sessions.set(session.id, { session, origin: url.origin, declines: [], events: [] });
          result = Response.json(session, { headers });
        } else if (parts[3] === "expire" && parts.length === 4) {
          const sim = store.sessions.get(id);
          if (!sim) throw new ApiError(404, "invalid_request_error", `No such checkout.session: '${id}'`, "session", "resource_missing");
          if (sim.session.status !== "open") throw new ApiError(400, "invalid_request_error", `Only Checkout Sessions with a status in ["open"] can be expired.`);
          expire(sim);
          result = Response.json(sim.session, { headers });
        } else {
          throw unrecognized();
        }
        if (key) store.idempotency.set(key, { fingerprint, status: result.status, body: await result.clone().text() });
        return result;
      }
      if (request.method === "GET") {
        if (!id) {
          const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 10) || 10));
          const all = [...store.sessions.values()].map((s) => s.session).sort((a, b) => (b.created as number) - (a.created as number));
          return Response.json({ object: "list", data: all.slice(0, limit), has_more: all.length > limit, url: "/v1/checkout/sessions" }, { headers });
        }
        if (parts.length > 3) throw unrecognized();
        const sim = store.sessions.get(id);
        if (!sim) throw new ApiError(404, "invalid_request_error", `No such checkout.session: '${id}'`, "id", "resource_missing");
        return Response.json(sim.session, { headers });
      }
      throw unrecognized();
    } catch (error) {
      if (error instanceof ApiError) return error.response(requestId);
      throw error;
    }
  }

  // -- the control API (the hosted page's payer, webhook delivery) -----------------------------

  /** Where Stripe's page sends the payer next: success_url (with the session id filled in) or cancel_url. */
  function redirectUrl(sim: SimSession, to: "success" | "cancel"): string | null {
    const target = (to === "success" ? sim.session.success_url : sim.session.cancel_url) as string | null;
    return target ? target.replaceAll("{CHECKOUT_SESSION_ID}", sim.session.id) : null;
  }

  function view(sim: SimSession, next?: "success" | "cancel") {
    return {
      ...(next ? { redirectUrl: redirectUrl(sim, next) } : {}),
      session: sim.session,
      declines: sim.declines,
      events: sim.events.map((id) => store.events.get(id)?.type),
      deliveries: store.deliveries.filter((d) => d.sessionId === sim.session.id),
    };
  }

  const payerSchema = z.object({
    email: z.email().optional(),
    name: z.string().min(1).max(100).optional(),
    webhook: planSchema.optional(),
  });

  async function handleControlRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/\/+$/, "");
    const at = path.indexOf("/control");
    const [head, id, action] = path.slice(at + "/control".length).split("/").filter(Boolean);
    const method = request.method;
    let body: Record<string, unknown> = {};
    if (method === "POST") {
      const text = await request.text();
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return Response.json({ error: "invalidJson" }, { status: 400 });
      }
    }
    const notFound = () => Response.json({ error: "notFound" }, { status: 404 });
    const bad = (error: string) => Response.json({ error }, { status: 400 });
    if (at < 0) return notFound();
    sweep();

    if (method === "GET" && head === "sessions" && !id) {
      const list = [...store.sessions.values()].sort((a, b) => (b.session.created as number) - (a.session.created as number));
      return Response.json({ sessions: list.map((s) => view(s)) });
    }
    if (method === "GET" && head === "sessions" && id && !action) {
      const sim = store.sessions.get(id);
      return sim ? Response.json(view(sim)) : notFound();
    }
    if (method === "GET" && head === "events") return Response.json({ events: [...store.events.values()], deliveries: store.deliveries });
    if (method === "GET" && head === "webhook") return Response.json({ url: store.webhook.url, path: store.webhook.path, policy: store.policy });
    if (method !== "POST") return notFound();

    if (head === "reset") {
      store.sessions.clear();
      store.events.clear();
      store.deliveries.length = 0;
      store.idempotency.clear();
      store.policy = { times: 1, delayMs: 0 };
      return Response.json({ ok: true });
    }
    if (head === "webhook") {
      const w = z
        .object({ url: z.string().url().nullable().optional(), secret: z.string().min(1).optional(), times: z.number().int().min(0).max(20).optional(), delayMs: z.number().int().min(0).max(600_000).optional() })
        .safeParse(body);
      if (!w.success) return bad("invalidWebhook");
      if (w.data.url !== undefined) store.webhook.url = w.data.url;
      if (w.data.secret) store.webhook.secret = w.data.secret;
      store.policy = { times: w.data.times ?? store.policy.times, delayMs: w.data.delayMs ?? store.policy.delayMs };
      return Response.json({ url: store.webhook.url, path: store.webhook.path, policy: store.policy });
    }
    if (head !== "sessions" || !id) return notFound();
    const sim = store.sessions.get(id);
    if (!sim) return notFound();

    if (action === "webhooks") {
      const r = planSchema.extend({ type: z.string().optional() }).safeParse(body);
      if (!r.success) return bad("invalidPlan");
      const eventId = r.data.type ? sim.events.findLast((e) => store.events.get(e)?.type === r.data.type) : sim.events.at(-1);
      const event = eventId ? store.events.get(eventId) : undefined;
      if (!event) return Response.json({ error: "noSuchEvent" }, { status: 409 });
      deliver(event, sim, r.data);
      return Response.json(view(sim));
    }
    const payer = payerSchema.safeParse(body);
    if (!payer.success) return bad("invalidPayer");
    const plan = payer.data.webhook ?? store.policy;
    if (sim.session.status !== "open") return Response.json({ error: "notOpen", status: sim.session.status }, { status: 409 });
    const details = {
      email: payer.data.email ?? (sim.session.customer_email as string | null) ?? "betalare@example.se",
      name: payer.data.name ?? "Test Betalare",
      address: null,
      phone: null,
      tax_exempt: "none",
      tax_ids: [],
    };

    if (action === "complete") {
      Object.assign(sim.session, { status: "complete", payment_status: "paid", payment_intent: stripeId("pi_"), customer_details: details, url: null });
      emit(sim, "checkout.session.completed", plan);
      return Response.json(view(sim, "success"));
    }
    if (action === "fail") {
      // An asynchronous payment that the bank later refused: the session is over, nothing was paid.
      Object.assign(sim.session, { status: "complete", payment_status: "unpaid", payment_intent: stripeId("pi_"), customer_details: details, url: null });
      emit(sim, "checkout.session.async_payment_failed", plan);
      return Response.json(view(sim, "success"));
    }
    if (action === "expire") {
      expire(sim, plan);
      return Response.json(view(sim));
    }
    if (action === "cancel") {
      // The payer went back to the shop: the session stays open until it expires.
      return Response.json(view(sim, "cancel"));
    }
    if (action === "decline") {
      const code = typeof body.code === "string" && DECLINES[body.code] ? body.code : "card_declined";
      sim.declines.push({ at: seconds(), code, message: DECLINES[code]! });
      return Response.json(view(sim));
    }
    return notFound();
  }

  /** Resolves when every scheduled webhook has been delivered (or has given up). */
  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return { handleApiRequest, handleControlRequest, store, idle };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type CardSimulator = ReturnType<typeof createCardSimulator>;

const globalSim = globalThis as unknown as { __kvittCardSim?: CardSimulator };

/** The one simulator of a running app (kept across module reloads in development). */
export function cardSimulator(): CardSimulator {
  globalSim.__kvittCardSim ??= createCardSimulator({
    apiKey: process.env.STRIPE_SECRET_KEY || "sk_test_kvitt_demo",
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || "whsec_kvitt_demo",
    webhookUrl: process.env.KVITT_SIM_CARD_WEBHOOK_URL || undefined,
    webhookPath: "/api/webhooks/card",
    publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined,
  });
  return globalSim.__kvittCardSim;
}
