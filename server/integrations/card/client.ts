import Stripe from "stripe";

/**
 * Card payments through Stripe Checkout, with Stripe's official SDK. In production it talks to
 * api.stripe.com; in demo mode and tests `apiUrl` points it at the simulator, the SDK otherwise
 * unchanged.
 */

export interface CardClientOptions {
  secretKey: string;
  /**
   * Where the API is, when not api.stripe.com: e.g. http://127.0.0.1:3000/api/sim/card/. Stripe's
   * SDK only takes host, port and protocol; a path is added to each request by a thin fetch wrapper.
   */
  apiUrl?: string;
  timeoutMs?: number;
  /** The SDK's own retries (it sends an idempotency key, so creating is safe to retry). */
  maxNetworkRetries?: number;
}

export interface CheckoutSessionInput {
  amountOre: number;
  currency: "sek";
  /** Ours: the payment's reference; becomes `client_reference_id` and `metadata.reference`. */
  reference: string;
  successUrl: string;
  cancelUrl: string;
  metadata?: Record<string, string>;
  /** What the payer sees on Stripe's page. */
  description?: string;
  locale?: "sv" | "en" | "auto";
  customerEmail?: string;
  /** Seconds since the epoch; Stripe allows 30 minutes to 24 hours ahead. */
  expiresAt?: number;
  idempotencyKey?: string;
}

export interface CheckoutSessionView {
  id: string;
  /** Stripe's hosted page (the simulator's page in demo mode); null once the session is over. */
  url: string | null;
  /** "open" | "complete" | "expired" (Stripe may add more). */
  status: Stripe.Checkout.Session.Status | null;
  /** "paid" | "unpaid" | "no_payment_required": only "paid" means the money is there. */
  paymentStatus: Stripe.Checkout.Session.PaymentStatus;
  amountOre: number | null;
  currency: string | null;
  reference: string | null;
  metadata: Record<string, string>;
  paymentIntentId: string | null;
  created: number;
  expiresAt: number;
}

/** A webhook whose signature, timestamp or body did not check out. */
export class CardWebhookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CardWebhookError";
  }
}

export function toSessionView(session: Stripe.Checkout.Session): CheckoutSessionView {
  return {
    id: session.id,
    url: session.url ?? null,
    status: session.status ?? null,
    paymentStatus: session.payment_status,
    amountOre: session.amount_total ?? null,
    currency: session.currency ?? null,
    reference: session.client_reference_id ?? null,
    metadata: (session.metadata ?? {}) as Record<string, string>,
    paymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
    created: session.created,
    expiresAt: session.expires_at,
  };
}

/** Inserts a base path (`/api/sim/card`) between the origin and Stripe's `/v1/…`. */
function prefixingFetch(basePath: string): typeof fetch {
  return (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    url.pathname = `${basePath}${url.pathname}`;
    return fetch(url, init);
  };
}

export function createStripe(options: CardClientOptions): Stripe {
  const config: Stripe.StripeConfig = {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    appInfo: { name: "Kvitt" },
  };
  if (options.apiUrl) {
    const api = new URL(options.apiUrl);
    config.host = api.hostname;
    config.port = api.port || (api.protocol === "https:" ? "443" : "80");
    config.protocol = api.protocol === "http:" ? "http" : "https";
    const basePath = api.pathname.replace(/\/+$/, "");
    if (basePath) config.httpClient = Stripe.createFetchHttpClient(prefixingFetch(basePath));
  }
  return new Stripe(options.secretKey, config);
}

export type CardClient = ReturnType<typeof createCardClient>;

export function createCardClient(options: CardClientOptions) {
  const stripe = createStripe(options);

  return {
    stripe,

    async createCheckoutSession(input: CheckoutSessionInput): Promise<CheckoutSessionView> {
      if (!Number.isSafeInteger(input.amountOre) || input.amountOre <= 0) throw new RangeError("amount must be whole, positive öre");
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          allowed_payment_method_types: ["card"],
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: input.currency,
                unit_amount: input.amountOre,
                product_data: { name: input.description ?? `Betalning ${input.reference}` },
              },
            },
          ],
          client_reference_id: input.reference,
          metadata: { ...input.metadata, reference: input.reference },
          payment_intent_data: { metadata: { ...input.metadata, reference: input.reference } },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          ...(input.locale ? { locale: input.locale } : {}),
          ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
          ...(input.expiresAt ? { expires_at: input.expiresAt } : {}),
        },
        input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined,
      );
      return toSessionView(session);
    },

    async retrieveSession(id: string): Promise<CheckoutSessionView> {
      return toSessionView(await stripe.checkout.sessions.retrieve(id));
    },

    /** Ends an open session (the payer gave up); Stripe answers with the expired session. */
    async expireSession(id: string): Promise<CheckoutSessionView> {
      return toSessionView(await stripe.checkout.sessions.expire(id));
    },
  };
}

/**
 * Checks a webhook's `Stripe-Signature` (HMAC-SHA256 of `${t}.${body}` with the endpoint secret,
 * timestamp within `toleranceSeconds`) and returns the event. `rawBody` must be the exact bytes
 * received, not re-serialised JSON.
 */
export function verifyWebhook(
  rawBody: string | Buffer | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  options: { toleranceSeconds?: number; receivedAt?: number } = {},
): Stripe.Event {
  if (!signatureHeader) throw new CardWebhookError("missing Stripe-Signature header");
  const payload = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody);
  try {
    return Stripe.webhooks.constructEvent(payload, signatureHeader, secret, options.toleranceSeconds, undefined, options.receivedAt);
  } catch (error) {
    throw new CardWebhookError(error instanceof Error ? error.message : "invalid webhook", { cause: error });
  }
}
