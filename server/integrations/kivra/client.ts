import { ChannelError, isTransientStatus } from "../channel-error";

/**
 * Kivra's sender (tenant) API, per its OpenAPI description: an OAuth2 client-credentials token
 * (`POST` to the token URL, Basic auth, `grant_type=client_credentials`), `POST
 * /v2/tenant/{tenantKey}/usermatch/ssn` (who can receive from us) and `POST
 * /v2/tenant/{tenantKey}/content` (201 with the `kivra-objkey` header). Kivra keeps duplicate
 * control: the same payload sent again (all but `generated_at`) is answered OK and delivered once,
 * which is how a retry after a crash stays one letter.
 */

export interface KivraPaymentOption {
  due_date: string;
  amount: string;
  type: "SE_OCR";
  reference: string;
  title?: string;
}

export interface KivraContent {
  ssn: string;
  subject: string;
  generated_at: string;
  type: "invoice" | "invoice.reminder" | "invoice.debtcollection" | "letter";
  parts: { name: string; data: string; content_type: string }[];
  payment_multiple_options?: {
    payable: boolean;
    currency: "SEK";
    method: "1" | "2" | "3";
    account: string;
    swish_alias?: string;
    options: KivraPaymentOption[];
  };
}

export interface KivraClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  tenantKey: string;
  timeoutMs?: number;
  now?: () => number;
}

export type KivraClient = ReturnType<typeof createKivraClient>;

export function createKivraClient(options: KivraClientOptions) {
  const base = options.baseUrl.replace(/\/*$/, "/");
  const now = options.now ?? Date.now;
  let token: { value: string; expiresAt: number } | null = null;

  async function request(url: string | URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    } catch (error) {
      const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new ChannelError(`Kivra: ${timeout ? "timeout" : "network error"}`, false, timeout ? "timeout" : "network");
    }
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > now() + 30_000) return token.value;
    const res = await request(options.tokenUrl, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    if (!res.ok) throw new ChannelError(`Kivra token ${res.status}`, false, `token_${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    token = { value: body.access_token, expiresAt: now() + body.expires_in * 1000 };
    return token.value;
  }

  async function call(path: string, body: unknown): Promise<Response> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await request(new URL(path, base), { method: "POST", headers: { Authorization: `Bearer ${await accessToken()}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
      // An expired or revoked token: fetch a new one once.
      if (res.status === 401 && attempt === 0) {
        token = null;
        continue;
      }
      if (!res.ok) {
        const text = await res.text();
        throw new ChannelError(`Kivra ${res.status}: ${text.slice(0, 200)}`, !isTransientStatus(res.status) && res.status !== 401 && res.status !== 403, `http_${res.status}`);
      }
      return res;
    }
    throw new ChannelError("Kivra: unauthorized", false, "http_401");
  }

  return {
    /** Of these personal numbers (12 digits), the ones that can receive content from us. */
    async usermatch(ssns: string[]): Promise<string[]> {
      const res = await call(`v2/tenant/${encodeURIComponent(options.tenantKey)}/usermatch/ssn`, { list: ssns });
      return ((await res.json()) as { list: string[] }).list;
    },
    /** Sends content; returns Kivra's key for it (`kivra-objkey`). */
    async sendContent(content: KivraContent): Promise<string> {
      const res = await call(`v2/tenant/${encodeURIComponent(options.tenantKey)}/content`, content);
      const key = res.headers.get("kivra-objkey");
      if (!key) throw new ChannelError("Kivra: no kivra-objkey in the answer", false, "no_key");
      return key;
    },
  };
}
