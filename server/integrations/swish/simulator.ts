import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { amountToOre, type SwishPaymentStatus, type SwishRefundStatus } from "./types";

/**
 * The Swish Commerce API on loopback: payment requests (E-commerce and M-commerce), cancellation,
 * refunds and callbacks, validated the way Swish validates them. A control API plays the payer's
 * Swish app (open a request, pay, decline, fail) and bends callback delivery (several times, late,
 * out of order, never) so the portal's handling of at-least-once callbacks can be tested.
 *
 * One deliberate difference from Swish: callback URLs must be https, except plain http to a
 * loopback address, which only the simulator accepts so that tests and the demo can receive them.
 */

export interface SwishSimulatorOptions {
  now?: () => number;
  /** Used to deliver callbacks. */
  fetchImpl?: typeof fetch;
  /** The merchant's Swish number; requests for any other payee are refused. */
  merchantAlias?: string;
  /** A CREATED request nobody answers fails with TM01 after this long (Swish: about 3 minutes). */
  expiryMs?: number;
  /** Further attempts when a callback is not answered with 2xx. */
  callbackRetries?: number;
  callbackRetryDelayMs?: number;
  /** Refunds are paid at once (true) or wait for the control API (false). */
  autoSettleRefunds?: boolean;
}

type ErrorItem = { errorCode: string; errorMessage: string; additionalInformation: string | null };

interface WirePayment {
  id: string;
  payeePaymentReference: string | null;
  paymentReference: string | null;
  callbackUrl: string;
  payerAlias: string | null;
  payeeAlias: string;
  amount: number;
  currency: string;
  message: string | null;
  status: SwishPaymentStatus;
  dateCreated: string;
  datePaid: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

interface WireRefund {
  id: string;
  payerPaymentReference: string | null;
  originalPaymentReference: string;
  paymentReference: string | null;
  callbackUrl: string;
  payerAlias: string;
  payeeAlias: string | null;
  amount: number;
  currency: string;
  message: string | null;
  status: SwishRefundStatus;
  dateCreated: string;
  datePaid: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  additionalInformation: string | null;
}

export interface SimPayment {
  wire: WirePayment;
  amountOre: number;
  kind: "ecommerce" | "mcommerce";
  /** M-commerce: what the PaymentRequestToken header carried. */
  token: string | null;
  callbackIdentifier: string | null;
  createdAt: number;
  /** The payment as it was after each change, oldest first: callbacks can replay any of them. */
  history: WirePayment[];
}

export interface SimRefund {
  wire: WireRefund;
  amountOre: number;
  callbackIdentifier: string | null;
  history: WireRefund[];
}

export interface CallbackRecord {
  target: "payment" | "refund";
  id: string;
  status: string;
  url: string;
  attempt: number;
  at: string;
  httpStatus: number | null;
  error: string | null;
}

export interface CallbackPlan {
  /** How many times the callback is sent (0: never). */
  times: number;
  /** How long to wait before sending it. */
  delayMs: number;
}

const PAYMENT_ERRORS: Record<string, string> = {
  RF07: "Transaction declined",
  BANKIDCL: "Payer cancelled BankID signing",
  FF10: "Bank system processing error",
  TM01: "Swish timed out before the payment was started",
  DS24: "Swish timed out waiting for an answer from the banks after payment was started",
  BANKIDONGOING: "BankID already in use",
  BANKIDUNKN: "BankID is not able to authorize the payment",
  VR01: "Payer is under the age limit that is specified for this payment",
  VR02: "The payer alias is not enrolled with the personal identity number the merchant specified",
  ACMT01: "Counterpart is not activated",
};

const REFERENCE = /^[A-Za-z0-9-]{1,35}$/;
const MESSAGE = /^[\p{L}\p{N} :;.,?!()"'+\-/&%*=#@_]{0,50}$/u;
const PHONE = /^46\d{6,13}$/;
const INSTRUCTION_UUID = /^[0-9A-F]{32}$/;

function err(errorCode: string, errorMessage: string): ErrorItem {
  return { errorCode, errorMessage, additionalInformation: null };
}

function unprocessable(errors: ErrorItem[]): Response {
  return Response.json(errors, { status: 422 });
}

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function callbackUrlOk(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || isLoopbackHttp(url);
  } catch {
    return false;
  }
}

/** Swish amounts: digits, or digits with exactly two decimals; 0.01 – 999999999999.99. */
function parseAmount(value: unknown): number | null {
  if (typeof value === "string" && !/^\d{1,12}(\.\d{2})?$/.test(value)) return null;
  if (typeof value === "number" && (!Number.isFinite(value) || Math.round(value * 100) !== value * 100)) return null;
  if (typeof value !== "string" && typeof value !== "number") return null;
  const ore = amountToOre(value);
  if (ore === null || ore < 1 || ore > 99_999_999_999_999) return null;
  return ore;
}

function hex32(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

const planSchema = z.object({
  times: z.number().int().min(0).max(20).default(1),
  delayMs: z.number().int().min(0).max(600_000).default(0),
});

export function createSwishSimulator(options: SwishSimulatorOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const merchantAlias = options.merchantAlias ?? "1231181189";
  const expiryMs = options.expiryMs ?? 180_000;
  const callbackRetries = options.callbackRetries ?? 2;
  const callbackRetryDelayMs = options.callbackRetryDelayMs ?? 1_000;
  const autoSettleRefunds = options.autoSettleRefunds ?? true;

  const store = {
    payments: new Map<string, SimPayment>(),
    refunds: new Map<string, SimRefund>(),
    callbacks: [] as CallbackRecord[],
    /** Phone numbers Swish answers ACMT03 for. */
    notEnrolled: new Set<string>(["46700000000"]),
    /** How callbacks of future changes are delivered. */
    policy: { times: 1, delayMs: 0 } as CallbackPlan,
  };
  const inFlight = new Set<Promise<void>>();
  const iso = () => new Date(now()).toISOString();

  // -- callbacks ------------------------------------------------------------------------------

  async function post(target: CallbackRecord["target"], id: string, url: string, body: object & { status: string }, identifier: string | null) {
    for (let attempt = 1; attempt <= 1 + callbackRetries; attempt++) {
      const record: CallbackRecord = { target, id, status: body.status, url, attempt, at: iso(), httpStatus: null, error: null };
      store.callbacks.push(record);
      try {
        const response = await fetchImpl(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(identifier ? { callbackIdentifier: identifier } : {}) },
          body: JSON.stringify(body),
        });
        record.httpStatus = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      if (attempt <= callbackRetries) await sleep(callbackRetryDelayMs);
    }
  }

  function send(target: CallbackRecord["target"], id: string, url: string, body: object & { status: string }, identifier: string | null, plan: CallbackPlan) {
    if (plan.times <= 0) return;
    const delivery = (async () => {
      if (plan.delayMs > 0) await sleep(plan.delayMs);
      for (let n = 0; n < plan.times; n++) await post(target, id, url, body, identifier);
    })();
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  }

  function changePayment(p: SimPayment, patch: Partial<WirePayment>, plan: CallbackPlan = store.policy) {
    Object.assign(p.wire, patch);
    const snapshot = { ...p.wire };
    p.history.push(snapshot);
    send("payment", p.wire.id, p.wire.callbackUrl, snapshot, p.callbackIdentifier, plan);
  }

  function changeRefund(r: SimRefund, patch: Partial<WireRefund>, plan: CallbackPlan = store.policy) {
    Object.assign(r.wire, patch);
    const snapshot = { ...r.wire };
    r.history.push(snapshot);
    send("refund", r.wire.id, r.wire.callbackUrl, snapshot, r.callbackIdentifier, plan);
  }

  /** A request nobody answered in time fails as Swish's does. */
  function sweep() {
    const t = now();
    for (const p of store.payments.values()) {
      if (p.wire.status === "CREATED" && t - p.createdAt >= expiryMs) {
        changePayment(p, { status: "ERROR", errorCode: "TM01", errorMessage: PAYMENT_ERRORS.TM01! });
      }
    }
  }

  // -- the Swish API ----------------------------------------------------------------------------

  async function readJson(request: Request, type = "application/json"): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
    const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
    if (!contentType.startsWith(type)) return { ok: false, response: new Response(null, { status: 415 }) };
    try {
      return { ok: true, body: await request.json() };
    } catch {
      return { ok: false, response: new Response(null, { status: 400 }) };
    }
  }

  function createPayment(id: string, body: unknown, apiBase: string): Response {
    if (typeof body !== "object" || body === null || Array.isArray(body)) return new Response(null, { status: 400 });
    const b = body as Record<string, unknown>;
    const errors: ErrorItem[] = [];
    if (b.payeePaymentReference !== undefined && b.payeePaymentReference !== null && (typeof b.payeePaymentReference !== "string" || !REFERENCE.test(b.payeePaymentReference))) {
      errors.push(err("FF08", "PaymentReference is invalid"));
    }
    if (!callbackUrlOk(b.callbackUrl)) errors.push(err("RP03", "Callback URL is missing or does not use HTTPS"));
    if (b.payerAlias !== undefined && b.payerAlias !== null && (typeof b.payerAlias !== "string" || !PHONE.test(b.payerAlias))) {
      errors.push(err("BE18", "Payer alias is invalid"));
    }
    if (typeof b.payeeAlias !== "string" || b.payeeAlias === "") errors.push(err("RP01", "Missing Merchant Swish Number"));
    const amountOre = parseAmount(b.amount);
    if (amountOre === null) errors.push(err("PA02", "Amount value is missing or not a valid number"));
    if (b.currency !== "SEK") errors.push(err("AM03", "Invalid or missing Currency"));
    if (b.message !== undefined && b.message !== null && (typeof b.message !== "string" || !MESSAGE.test(b.message))) {
      errors.push(err("RP02", "Wrong formatted message"));
    }
    if (errors.length > 0) return unprocessable(errors);
    // The certificate belongs to one merchant: another payee alias is not ours to use.
    if (b.payeeAlias !== merchantAlias) return new Response(null, { status: 403 });
    if (store.payments.has(id)) return unprocessable([err("RP09", "The given instructionUUID is not available")]);
    const payerAlias = typeof b.payerAlias === "string" ? b.payerAlias : null;
    if (payerAlias) {
      if (store.notEnrolled.has(payerAlias)) return unprocessable([err("ACMT03", "Payer not Enrolled")]);
      const active = [...store.payments.values()].some((p) => p.wire.payerAlias === payerAlias && p.wire.status === "CREATED");
      if (active) return unprocessable([err("RP06", "A payment request already exists for that payer")]);
    }
    const created = iso();
    const wire: WirePayment = {
      id,
      payeePaymentReference: typeof b.payeePaymentReference === "string" ? b.payeePaymentReference : null,
      paymentReference: null,
      callbackUrl: b.callbackUrl as string,
      payerAlias,
      payeeAlias: merchantAlias,
      amount: amountOre! / 100,
      currency: "SEK",
      message: typeof b.message === "string" ? b.message : null,
      status: "CREATED",
      dateCreated: created,
      datePaid: null,
      errorCode: null,
      errorMessage: null,
    };
    const token = payerAlias ? null : randomUUID().replaceAll("-", "");
    store.payments.set(id, {
      wire,
      amountOre: amountOre!,
      kind: payerAlias ? "ecommerce" : "mcommerce",
      token,
      callbackIdentifier: typeof b.callbackIdentifier === "string" ? b.callbackIdentifier : null,
      createdAt: now(),
      history: [{ ...wire }],
    });
    const headers = new Headers({ Location: `${apiBase}v1/paymentrequests/${id}` });
    if (token) headers.set("PaymentRequestToken", token);
    return new Response(null, { status: 201, headers });
  }

  function cancelPayment(p: SimPayment, body: unknown): Response {
    const patch = z.array(z.object({ op: z.literal("replace"), path: z.literal("/status"), value: z.literal("cancelled") })).length(1).safeParse(body);
    if (!patch.success) return new Response(null, { status: 400 });
    if (p.wire.status === "CANCELLED") return unprocessable([err("RP08", "The payment request has been cancelled")]);
    if (p.wire.status !== "CREATED") return unprocessable([err("RP07", "Transaction status is not CREATED")]);
    changePayment(p, { status: "CANCELLED" });
    return Response.json(p.wire);
  }

  function refundedSoFar(paymentReference: string): number {
    let sum = 0;
    for (const r of store.refunds.values()) if (r.wire.originalPaymentReference === paymentReference && r.wire.status !== "ERROR") sum += r.amountOre;
    return sum;
  }

  function createRefund(id: string, body: unknown, apiBase: string): Response {
    if (typeof body !== "object" || body === null || Array.isArray(body)) return new Response(null, { status: 400 });
    const b = body as Record<string, unknown>;
    const errors: ErrorItem[] = [];
    const original = [...store.payments.values()].find((p) => p.wire.status === "PAID" && p.wire.paymentReference === b.originalPaymentReference);
    if (!original) errors.push(err("RF02", "Original Payment not found or original payment is more than 13 months old"));
    if (b.payerPaymentReference !== undefined && b.payerPaymentReference !== null && (typeof b.payerPaymentReference !== "string" || !REFERENCE.test(b.payerPaymentReference))) {
      errors.push(err("FF08", "PaymentReference is invalid"));
    }
    if (!callbackUrlOk(b.callbackUrl)) errors.push(err("RP03", "Callback URL is missing or does not use HTTPS"));
    if (typeof b.payerAlias !== "string" || b.payerAlias === "") errors.push(err("RP01", "Missing Merchant Swish Number"));
    else if (original && b.payerAlias !== original.wire.payeeAlias) errors.push(err("RF03", "Payer alias in the refund does not match the payee alias in the original payment"));
    const amountOre = parseAmount(b.amount);
    if (amountOre === null) errors.push(err("PA02", "Amount value is missing or not a valid number"));
    else if (original && amountOre > original.amountOre - refundedSoFar(original.wire.paymentReference!)) {
      errors.push(err("RF08", "Amount value is too large, or amount exceeds the amount of the original payment minus the previous refunds"));
    }
    if (b.currency !== "SEK") errors.push(err("AM03", "Invalid or missing Currency"));
    if (b.message !== undefined && b.message !== null && (typeof b.message !== "string" || !MESSAGE.test(b.message))) {
      errors.push(err("RP02", "Wrong formatted message"));
    }
    if (errors.length > 0) return unprocessable(errors);
    if (b.payerAlias !== merchantAlias) return new Response(null, { status: 403 });
    if (store.refunds.has(id)) return unprocessable([err("RP09", "The given instructionUUID is not available")]);
    const wire: WireRefund = {
      id,
      payerPaymentReference: typeof b.payerPaymentReference === "string" ? b.payerPaymentReference : null,
      originalPaymentReference: original!.wire.paymentReference!,
      paymentReference: null,
      callbackUrl: b.callbackUrl as string,
      payerAlias: merchantAlias,
      payeeAlias: original!.wire.payerAlias,
      amount: amountOre! / 100,
      currency: "SEK",
      message: typeof b.message === "string" ? b.message : null,
      status: "CREATED",
      dateCreated: iso(),
      datePaid: null,
      errorCode: null,
      errorMessage: null,
      additionalInformation: null,
    };
    const refund: SimRefund = { wire, amountOre: amountOre!, callbackIdentifier: typeof b.callbackIdentifier === "string" ? b.callbackIdentifier : null, history: [{ ...wire }] };
    store.refunds.set(id, refund);
    if (autoSettleRefunds) {
      // Swish settles a refund moments after accepting it; the callback follows.
      const settle = sleep(0).then(() => {
        if (refund.wire.status === "CREATED") changeRefund(refund, { status: "PAID", paymentReference: hex32(), datePaid: iso() });
      });
      inFlight.add(settle);
      void settle.finally(() => inFlight.delete(settle));
    }
    return new Response(null, { status: 201, headers: { Location: `${apiBase}v1/refunds/${id}` } });
  }

  /** Paths under any prefix ending `/swish-cpcapi/api/…`, as the real service has them. */
  async function handleApiRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const marker = "/swish-cpcapi/api/";
    const at = url.pathname.indexOf(marker);
    if (at < 0) return new Response(null, { status: 404 });
    const apiBase = `${url.origin}${url.pathname.slice(0, at)}${marker}`;
    const parts = url.pathname.slice(at + marker.length).split("/").filter(Boolean);
    const [version, resource, id] = parts;
    const method = request.method;
    sweep();

    if (parts.length > 3 || (resource !== "paymentrequests" && resource !== "refunds")) return new Response(null, { status: 404 });
    const isPayment = resource === "paymentrequests";

    if (id === undefined) {
      // The v1 API creates with POST and lets Swish choose the id.
      if (version !== "v1") return new Response(null, { status: 404 });
      if (method !== "POST") return new Response(null, { status: 405 });
      const read = await readJson(request);
      if (!read.ok) return read.response;
      return isPayment ? createPayment(hex32(), read.body, apiBase) : createRefund(hex32(), read.body, apiBase);
    }
    if (method === "PUT") {
      if (version !== "v2") return new Response(null, { status: 405 });
      if (!INSTRUCTION_UUID.test(id)) return new Response(null, { status: 400 });
      const read = await readJson(request);
      if (!read.ok) return read.response;
      return isPayment ? createPayment(id, read.body, apiBase) : createRefund(id, read.body, apiBase);
    }
    if (version !== "v1") return new Response(null, { status: 405 });
    if (method === "GET") {
      const found = isPayment ? store.payments.get(id) : store.refunds.get(id);
      return found ? Response.json(found.wire) : new Response(null, { status: 404 });
    }
    if (method === "PATCH" && isPayment) {
      const payment = store.payments.get(id);
      if (!payment) return new Response(null, { status: 404 });
      const read = await readJson(request, "application/json-patch+json");
      if (!read.ok) return read.response;
      return cancelPayment(payment, read.body);
    }
    return new Response(null, { status: 405 });
  }

  // -- the control API (the payer's app, callback delivery) -------------------------------------

  function paymentView(p: SimPayment) {
    return {
      ...p.wire,
      amountOre: p.amountOre,
      kind: p.kind,
      token: p.token,
      history: p.history.map((h) => h.status),
      callbacks: store.callbacks.filter((c) => c.target === "payment" && c.id === p.wire.id),
    };
  }

  function refundView(r: SimRefund) {
    return {
      ...r.wire,
      amountOre: r.amountOre,
      history: r.history.map((h) => h.status),
      callbacks: store.callbacks.filter((c) => c.target === "refund" && c.id === r.wire.id),
    };
  }

  const actionSchema = z.object({ callback: planSchema.optional() });

  async function handleControlRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/\/+$/, "");
    const at = path.indexOf("/control");
    const parts = path.slice(at + "/control".length).split("/").filter(Boolean);
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
    sweep();
    const [head, id, action] = parts;

    if (at < 0) return notFound();
    if (method === "GET" && head === "payments" && !id) {
      const list = [...store.payments.values()].sort((a, b) => b.createdAt - a.createdAt);
      return Response.json({ payments: list.map(paymentView) });
    }
    if (method === "GET" && head === "payments" && id && !action) {
      const p = store.payments.get(id);
      return p ? Response.json(paymentView(p)) : notFound();
    }
    if (method === "GET" && head === "refunds" && !id) return Response.json({ refunds: [...store.refunds.values()].map(refundView) });
    if (method === "GET" && head === "refunds" && id && !action) {
      const r = store.refunds.get(id);
      return r ? Response.json(refundView(r)) : notFound();
    }
    if (method === "GET" && head === "callbacks") return Response.json({ callbacks: store.callbacks });
    if (method === "GET" && head === "callback-policy") return Response.json(store.policy);
    if (method !== "POST") return notFound();

    if (head === "reset") {
      store.payments.clear();
      store.refunds.clear();
      store.callbacks.length = 0;
      store.policy = { times: 1, delayMs: 0 };
      return Response.json({ ok: true });
    }
    if (head === "callback-policy") {
      const plan = planSchema.safeParse(body);
      if (!plan.success) return bad("invalidPolicy");
      store.policy = plan.data;
      return Response.json(store.policy);
    }
    if (head === "enrollment") {
      const e = z.object({ alias: z.string().regex(PHONE), enrolled: z.boolean() }).safeParse(body);
      if (!e.success) return bad("invalidEnrollment");
      if (e.data.enrolled) store.notEnrolled.delete(e.data.alias);
      else store.notEnrolled.add(e.data.alias);
      return Response.json({ alias: e.data.alias, enrolled: e.data.enrolled });
    }
    if (head === "find") {
      // What the payer's app sees: an M-commerce token, the requests sent to a phone number, or a
      // payee and reference typed in by hand.
      const q = z
        .object({ token: z.string().optional(), payerAlias: z.string().optional(), payeeAlias: z.string().optional(), payeePaymentReference: z.string().optional() })
        .safeParse(body);
      if (!q.success) return bad("invalidQuery");
      const { token, payerAlias, payeeAlias, payeePaymentReference } = q.data;
      const found = [...store.payments.values()]
        .filter((p) => p.wire.status === "CREATED")
        .sort((a, b) => b.createdAt - a.createdAt)
        .find((p) =>
          token
            ? p.token === token
            : payerAlias
              ? p.wire.payerAlias === payerAlias
              : payeePaymentReference !== undefined && p.wire.payeePaymentReference === payeePaymentReference && (payeeAlias ?? merchantAlias) === p.wire.payeeAlias,
        );
      return found ? Response.json(paymentView(found)) : notFound();
    }

    if (head === "payments" && id) {
      const p = store.payments.get(id);
      if (!p) return notFound();
      const parsed = actionSchema.safeParse(body);
      if (!parsed.success) return bad("invalidCallbackPlan");
      const plan = parsed.data.callback ?? store.policy;
      if (action === "callbacks") {
        // Redelivery, possibly of an older state (out of order).
        const r = planSchema.extend({ status: z.enum(["CREATED", "PAID", "DECLINED", "ERROR", "CANCELLED"]).optional() }).safeParse(body);
        if (!r.success) return bad("invalidCallbackPlan");
        const snapshot = r.data.status ? p.history.findLast((h) => h.status === r.data.status) : p.history.at(-1);
        if (!snapshot) return Response.json({ error: "noSuchState" }, { status: 409 });
        send("payment", p.wire.id, p.wire.callbackUrl, snapshot, p.callbackIdentifier, r.data);
        return Response.json(paymentView(p));
      }
      if (p.wire.status !== "CREATED") return Response.json({ error: "notCreated", status: p.wire.status }, { status: 409 });
      if (action === "pay") {
        const given = typeof body.payerAlias === "string" ? body.payerAlias : undefined;
        if (given !== undefined && !PHONE.test(given)) return bad("invalidPayerAlias");
        if (p.kind === "ecommerce" && given !== undefined && given !== p.wire.payerAlias) return Response.json({ error: "wrongPayer" }, { status: 409 });
        changePayment(p, { status: "PAID", payerAlias: p.wire.payerAlias ?? given ?? "46701234567", paymentReference: hex32(), datePaid: iso() }, plan);
        return Response.json(paymentView(p));
      }
      if (action === "decline") {
        changePayment(p, { status: "DECLINED" }, plan);
        return Response.json(paymentView(p));
      }
      if (action === "error") {
        const code = typeof body.errorCode === "string" && /^[A-Z0-9]{2,20}$/.test(body.errorCode) ? body.errorCode : null;
        if (!code) return bad("invalidErrorCode");
        const message = typeof body.errorMessage === "string" ? body.errorMessage : (PAYMENT_ERRORS[code] ?? "Payment failed");
        changePayment(p, { status: "ERROR", errorCode: code, errorMessage: message }, plan);
        return Response.json(paymentView(p));
      }
      return notFound();
    }

    if (head === "refunds" && id) {
      const r = store.refunds.get(id);
      if (!r) return notFound();
      const parsed = actionSchema.safeParse(body);
      if (!parsed.success) return bad("invalidCallbackPlan");
      const plan = parsed.data.callback ?? store.policy;
      if (action === "callbacks") {
        const c = planSchema.safeParse(body);
        if (!c.success) return bad("invalidCallbackPlan");
        send("refund", r.wire.id, r.wire.callbackUrl, r.history.at(-1)!, r.callbackIdentifier, c.data);
        return Response.json(refundView(r));
      }
      if (r.wire.status !== "CREATED") return Response.json({ error: "notCreated", status: r.wire.status }, { status: 409 });
      if (action === "pay") {
        changeRefund(r, { status: "PAID", paymentReference: hex32(), datePaid: iso() }, plan);
        return Response.json(refundView(r));
      }
      if (action === "error") {
        const code = typeof body.errorCode === "string" ? body.errorCode : "RF07";
        changeRefund(r, { status: "ERROR", errorCode: code, errorMessage: PAYMENT_ERRORS[code] ?? "Refund failed" }, plan);
        return Response.json(refundView(r));
      }
      return notFound();
    }
    return notFound();
  }

  /** Resolves when every scheduled callback has been delivered (or has given up). */
  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return { handleApiRequest, handleControlRequest, store, idle };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type SwishSimulator = ReturnType<typeof createSwishSimulator>;

const globalSim = globalThis as unknown as { __kvittSwishSim?: SwishSimulator };

/** The one simulator of a running app (kept across module reloads in development). */
export function swishSimulator(): SwishSimulator {
  globalSim.__kvittSwishSim ??= createSwishSimulator({ merchantAlias: process.env.SWISH_PAYEE_ALIAS || "1231181189" });
  return globalSim.__kvittSwishSim;
}
