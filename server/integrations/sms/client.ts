import { ChannelError, isTransientStatus } from "../channel-error";

/**
 * The 46elks SMS API: `POST /a1/sms` (form fields from, to, message, whendelivered; HTTP basic
 * auth), `GET /a1/sms/{id}` and `GET /a1/sms` (the account's messages, newest first, paged by
 * `start`/`end`). Delivery reports are POSTed (form fields id, status, delivered) to
 * `whendelivered`; they are unsigned, so the portal reads the message back before trusting one.
 */

export interface ElksMessage {
  id: string;
  from: string;
  to: string;
  message: string;
  created: string;
  /** created | sent | delivered | failed */
  status: string;
  delivered?: string;
  direction?: string;
  parts?: number;
}

export interface SmsClientOptions {
  /** Up to and including `/a1/`, e.g. https://api.46elks.com/a1/ */
  baseUrl: string;
  username: string;
  password: string;
  /** Sender name (up to 11 letters) or number. */
  from: string;
  timeoutMs?: number;
}

export type SmsClient = ReturnType<typeof createSmsClient>;

export function createSmsClient(options: SmsClientOptions) {
  const base = options.baseUrl.replace(/\/*$/, "/");
  const auth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;

  async function call(method: string, path: string, form?: Record<string, string>): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, base), {
        method,
        headers: { Authorization: auth, ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new ChannelError(`46elks: ${timeout ? "timeout" : "network error"}`, false, timeout ? "timeout" : "network");
    }
    const text = await res.text();
    if (!res.ok) {
      // 46elks answers errors as a plain sentence, e.g. "Invalid to number".
      throw new ChannelError(`46elks ${res.status}: ${text.slice(0, 200)}`, !isTransientStatus(res.status) && res.status !== 401 && res.status !== 403, `http_${res.status}`);
    }
    return JSON.parse(text) as unknown;
  }

  return {
    async send(input: { to: string; message: string; whendelivered?: string }): Promise<ElksMessage> {
      const form: Record<string, string> = { from: options.from, to: input.to, message: input.message };
      if (input.whendelivered) form.whendelivered = input.whendelivered;
      return (await call("POST", "sms", form)) as ElksMessage;
    },
    async get(id: string): Promise<ElksMessage> {
      return (await call("GET", `sms/${encodeURIComponent(id)}`)) as ElksMessage;
    },
    /** Messages created at or after `start` (ISO 8601), newest first, following the pages. */
    async listSince(start: Date, limit = 5000): Promise<ElksMessage[]> {
      const out: ElksMessage[] = [];
      let end: string | undefined;
      for (;;) {
        const query = new URLSearchParams({ start: start.toISOString(), limit: "100", ...(end ? { end } : {}) });
        const page = (await call("GET", `sms?${query}`)) as { data: ElksMessage[]; next?: string };
        out.push(...page.data);
        if (!page.next || out.length >= limit) return out;
        end = page.next;
      }
    },
  };
}
