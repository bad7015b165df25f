import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * Kivra's sender API on loopback: the OAuth2 token endpoint (client credentials), usermatch by
 * personal number, content with Kivra's checks and its duplicate control (the same payload but
 * `generated_at` is delivered once and answered with the same key), and the payment webhook
 * (`settled`, signed with X-KIVRA-TIMESTAMP / X-KIVRA-SIGNATURE) when a person pays a letter in the
 * app. A control API plays the recipients: who has Kivra, faults on the next calls, and paying.
 */

export interface SimKivraContent {
  key: string;
  receivedAt: string;
  ssn: string;
  subject: string;
  type: string;
  generatedAt: string;
  parts: { name: string; data: string; content_type: string }[];
  payment: Record<string, unknown> | null;
  fingerprint: string;
}

export interface KivraSimulatorOptions {
  clientId?: string;
  clientSecret?: string;
  tenantKey?: string;
  webhookSecret?: string;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

export type KivraSimulator = ReturnType<typeof createKivraSimulator>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const CONTENT_TYPES = new Set(["invoice", "invoice.reminder", "invoice.debtcollection", "letter"]);

export function createKivraSimulator(options: KivraSimulatorOptions = {}) {
  const clientId = options.clientId ?? "kvitt-demo";
  const clientSecret = options.clientSecret ?? "demo-kivra-secret";
  const tenantKey = options.tenantKey ?? "kvitt-demo-tenant";
  const webhookSecret = options.webhookSecret ?? "demo-kivra-webhook-secret";
  const now = options.now ?? Date.now;
  const doFetch = options.fetchImpl ?? fetch;
  const tokens = new Map<string, number>();
  const contents: SimKivraContent[] = [];
  /** People with a Kivra mailbox who accept mail from us. Everyone, unless told otherwise. */
  const notUsers = new Set<string>();
  const webhooks: string[] = [];
  let faults: { status: number; count: number } | null = null;
  let dropAnswers = 0;

  function bearer(request: Request): boolean {
    const value = (request.headers.get("authorization") ?? "").replace(/^Bearer /, "");
    const expires = tokens.get(value);
    return expires !== undefined && expires > now();
  }

  async function handleApiRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/api\/sim\/kivra/, "").replace(/^\/kivra/, "");
    if (request.method === "POST" && path.endsWith("/oauth2/token")) {
      const basic = request.headers.get("authorization") ?? "";
      const form = new URLSearchParams(await request.text());
      if (basic !== `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`) return json(401, { error: "invalid_client" });
      if (form.get("grant_type") !== "client_credentials") return json(400, { error: "unsupported_grant_type" });
      const token = randomBytes(24).toString("hex");
      tokens.set(token, now() + 3600_000);
      return json(200, { access_token: token, token_type: "bearer", expires_in: 3600, scope: `kivra.v2.tenant.${tenantKey}` });
    }
    if (!bearer(request)) return json(401, { code: "40100", short_message: "Unauthorized", long_message: "Missing or invalid access token" });
    if (faults && faults.count > 0) {
      faults.count -= 1;
      return json(faults.status, { code: String(faults.status * 100), short_message: "Error", long_message: "Simulated fault" });
    }
    const match = /^\/v2\/tenant\/([^/]+)\/(usermatch\/ssn|content)$/.exec(path);
    if (request.method !== "POST" || !match) return json(404, { code: "40400", short_message: "Not found", long_message: "No such resource" });
    if (decodeURIComponent(match[1]!) !== tenantKey) return json(403, { code: "40300", short_message: "Forbidden", long_message: "Unknown tenant" });
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body) return json(400, { code: "40000", short_message: "Bad request", long_message: "Body is not JSON" });
    if (match[2] === "usermatch/ssn") {
      const list = Array.isArray(body.list) ? body.list.filter((s): s is string => typeof s === "string") : null;
      if (!list) return json(400, { code: "40000", short_message: "Bad request", long_message: "list is required" });
      return json(200, { list: list.filter((s) => /^\d{12}$/.test(s) && !notUsers.has(s)) });
    }
    const ssn = typeof body.ssn === "string" ? body.ssn : "";
    const problems: string[] = [];
    if (!/^\d{12}$/.test(ssn)) problems.push("ssn");
    if (typeof body.subject !== "string" || body.subject.length === 0 || body.subject.length > 140) problems.push("subject");
    if (typeof body.type !== "string" || !CONTENT_TYPES.has(body.type)) problems.push("type");
    const parts = Array.isArray(body.parts) ? (body.parts as SimKivraContent["parts"]) : [];
    if (parts.length === 0 || parts.some((p) => !p.name || !p.data || !p.content_type)) problems.push("parts");
    if (problems.length > 0) return json(400, { code: "40000", short_message: "Bad request", long_message: `Invalid: ${problems.join(", ")}` });
    if (notUsers.has(ssn)) return json(400, { code: "40001", short_message: "Recipient", long_message: "The recipient is not a Kivra user or does not accept content from this tenant" });
    // Duplicate control: the whole payload but generated_at.
    const { generated_at: _g, ...rest } = body;
    const fingerprint = createHash("sha256").update(JSON.stringify(rest)).digest("hex");
    const existing = contents.find((c) => c.fingerprint === fingerprint);
    if (existing) return json(201, {}, { "kivra-objkey": existing.key, location: `${url.origin}/v2/tenant/${tenantKey}/content/${existing.key}` });
    const content: SimKivraContent = {
      key: `${Date.now().toString().slice(0, 10)}${randomBytes(16).toString("hex")}`,
      receivedAt: new Date(now()).toISOString(),
      ssn,
      subject: String(body.subject),
      type: String(body.type),
      generatedAt: String(body.generated_at ?? ""),
      parts,
      payment: (body.payment_multiple_options as Record<string, unknown>) ?? null,
      fingerprint,
    };
    contents.push(content);
    if (dropAnswers > 0) {
      dropAnswers -= 1;
      return json(504, { code: "50400", short_message: "Gateway timeout", long_message: "Upstream timeout" });
    }
    return json(201, {}, { "kivra-objkey": content.key, location: `${url.origin}/v2/tenant/${tenantKey}/content/${content.key}` });
  }

  /** The person pays a letter in the Kivra app: a signed `settled` webhook to every definition. */
  async function pay(key: string): Promise<{ delivered: number }> {
    const content = contents.find((c) => c.key === key);
    const option = (content?.payment?.options as { amount: string; reference: string; due_date: string }[] | undefined)?.[0];
    if (!content || !option) return { delivered: 0 };
    const event = {
      id: randomBytes(16).toString("hex"),
      event_created_at: Math.floor(now() / 1000),
      event_type: "payment.settled",
      data_version: "1",
      data: { content_key: content.key, status: "settled", type: "instant", amount: option.amount, currency: "SEK", reference: option.reference, reference_type: "SE_OCR", paid_at: new Date(now()).toISOString() },
    };
    const raw = JSON.stringify(event);
    const t = String(Math.floor(now() / 1000));
    const signature = createHmac("sha256", webhookSecret).update(`${t}:${raw}`).digest("hex");
    let delivered = 0;
    for (const url of webhooks) {
      const res = await doFetch(url, { method: "POST", headers: { "Content-Type": "application/json", "X-KIVRA-TIMESTAMP": t, "X-KIVRA-SIGNATURE": `v1=${signature}` }, body: raw }).catch(() => null);
      if (res?.ok) delivered += 1;
    }
    return { delivered };
  }

  async function handleControlRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/^.*\/control\/?/, "");
    const body = request.method === "POST" ? ((await request.json().catch(() => ({}))) as Record<string, unknown>) : {};
    if (request.method === "GET" && path === "contents") return json(200, contents.map(({ parts, ...c }) => ({ ...c, parts: parts.map((p) => ({ name: p.name, content_type: p.content_type, bytes: Buffer.from(p.data, "base64").length })) })));
    if (request.method === "POST" && path === "not-user") {
      notUsers.add(String(body.ssn));
      return json(200, {});
    }
    if (request.method === "POST" && path === "webhook") {
      webhooks.push(String(body.url));
      return json(200, {});
    }
    if (request.method === "POST" && path === "fault") {
      faults = { status: Number(body.status ?? 503), count: Number(body.count ?? 1) };
      return json(200, {});
    }
    if (request.method === "POST" && path === "drop-answers") {
      dropAnswers = Number(body.count ?? 1);
      return json(200, {});
    }
    if (request.method === "POST" && path === "pay") return json(200, await pay(String(body.key)));
    if (request.method === "POST" && path === "reset") {
      contents.length = 0;
      notUsers.clear();
      faults = null;
      dropAnswers = 0;
      return json(200, {});
    }
    return json(404, { error: "not found" });
  }

  return { handleApiRequest, handleControlRequest, contents, pay, webhooks, credentials: { clientId, clientSecret, tenantKey, webhookSecret } };
}

/** Checks a Kivra webhook's signature (any of its X-KIVRA-SIGNATURE headers) and its age. */
export function verifyKivraSignature(raw: string, timestamp: string | null, signatures: string[], secret: string, nowMs: number, toleranceSeconds = 300): boolean {
  if (!timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}:${raw}`).digest("hex")}`;
  return signatures.some((s) => s.split(",").map((x) => x.trim()).includes(expected));
}

const g = globalThis as unknown as { __kvittKivraSim?: KivraSimulator };

/** The one Kivra simulator of the app process (demo mode). */
export function kivraSimulator(): KivraSimulator {
  g.__kvittKivraSim ??= createKivraSimulator({ clientId: process.env.KIVRA_CLIENT_ID || undefined, clientSecret: process.env.KIVRA_CLIENT_SECRET || undefined, tenantKey: process.env.KIVRA_TENANT_KEY || undefined, webhookSecret: process.env.KIVRA_WEBHOOK_SECRET || undefined });
  return g.__kvittKivraSim;
}
