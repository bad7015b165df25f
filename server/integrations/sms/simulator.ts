import { randomBytes } from "node:crypto";

/**
 * The 46elks SMS API on loopback: the same paths, basic auth, form fields, JSON answers and
 * plain-text errors, and delivery reports POSTed to `whendelivered`. A control API plays the
 * phone network: numbers that cannot be reached, faults on the next calls, slow answers.
 */

export interface SimSms {
  id: string;
  from: string;
  to: string;
  message: string;
  created: string;
  status: "created" | "sent" | "delivered" | "failed";
  delivered?: string;
  direction: "outgoing";
  parts: number;
  whendelivered?: string;
}

export interface SmsSimulatorOptions {
  username?: string;
  password?: string;
  now?: () => number;
  fetchImpl?: typeof fetch;
  /** Delay before a delivery report is sent. */
  reportDelayMs?: number;
}

export type SmsSimulator = ReturnType<typeof createSmsSimulator>;

const text = (status: number, body: string) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export function createSmsSimulator(options: SmsSimulatorOptions = {}) {
  const username = options.username ?? "u_kvitt_demo";
  const password = options.password ?? "demo-46elks-secret";
  const now = options.now ?? Date.now;
  const doFetch = options.fetchImpl ?? fetch;
  const messages: SimSms[] = [];
  const unreachable = new Set<string>();
  let faults: { status: number; count: number; body: string } | null = null;
  let delayMs = 0;
  /** Fails after storing the message: the provider took it, but the answer never arrives. */
  let dropAnswers = 0;

  function authorised(request: Request): boolean {
    const header = request.headers.get("authorization") ?? "";
    return header === `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  }

  async function report(sms: SimSms) {
    if (!sms.whendelivered) return;
    await new Promise((r) => setTimeout(r, options.reportDelayMs ?? 0));
    try {
      await doFetch(sms.whendelivered, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ id: sms.id, status: sms.status, delivered: sms.delivered ?? new Date(now()).toISOString() }).toString(),
      });
    } catch {
      // 46elks retries reports for a while; the portal can always read the message back.
    }
  }

  async function handleApiRequest(request: Request): Promise<Response> {
    if (!authorised(request)) return text(401, "Authorization failed");
    if (faults && faults.count > 0) {
      faults.count -= 1;
      return text(faults.status, faults.body);
    }
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/a1\//, "");
    if (request.method === "POST" && path === "sms") {
      const form = new URLSearchParams(await request.text());
      const from = form.get("from") ?? "";
      const to = form.get("to") ?? "";
      const message = form.get("message") ?? "";
      if (!/^(\+\d{8,15}|[A-Za-z][A-Za-z0-9]{1,10})$/.test(from)) return text(400, "Invalid from number");
      if (!/^\+\d{8,15}$/.test(to)) return text(400, "Invalid to number");
      if (message.length === 0) return text(400, "Missing key message");
      if (message.length > 1530) return text(400, "Message too long");
      const sms: SimSms = {
        id: `s${randomBytes(16).toString("hex")}`,
        from,
        to,
        message,
        created: new Date(now()).toISOString(),
        status: "created",
        direction: "outgoing",
        parts: Math.ceil(message.length / 153) || 1,
        whendelivered: form.get("whendelivered") ?? undefined,
      };
      messages.push(sms);
      // The network delivers it (or not) a moment later.
      queueMicrotask(() => {
        sms.status = unreachable.has(to) ? "failed" : "delivered";
        if (sms.status === "delivered") sms.delivered = new Date(now()).toISOString();
        void report(sms);
      });
      // Whether this answer is lost is settled when the message is taken, so a slow request that
      // finishes later never uses up a loss meant for the next one.
      const dropped = dropAnswers > 0;
      if (dropped) dropAnswers -= 1;
      // A slow network: the message is taken, the answer comes late.
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (dropped) return text(502, "Bad gateway");
      const { whendelivered: _w, ...wire } = sms;
      return json(200, { ...wire, status: "created" });
    }
    if (request.method === "GET" && path.startsWith("sms/")) {
      const sms = messages.find((m) => m.id === decodeURIComponent(path.slice(4)));
      if (!sms) return text(404, "Not found");
      const { whendelivered: _w, ...wire } = sms;
      return json(200, wire);
    }
    if (request.method === "GET" && path === "sms") {
      const start = url.searchParams.get("start");
      const end = url.searchParams.get("end");
      const limit = Math.min(Number(url.searchParams.get("limit") ?? 100), 100);
      const sorted = [...messages].reverse().filter((m) => (!start || m.created >= start) && (!end || m.created < end));
      const data = sorted.slice(0, limit).map(({ whendelivered: _w, ...wire }) => wire);
      return json(200, { data, ...(sorted.length > limit ? { next: data[data.length - 1]!.created } : {}) });
    }
    return text(404, "Not found");
  }

  async function handleControlRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/^.*\/control\/?/, "");
    const body = request.method === "POST" ? ((await request.json().catch(() => ({}))) as Record<string, unknown>) : {};
    if (request.method === "GET" && path === "messages") return json(200, messages);
    if (request.method === "POST" && path === "unreachable") {
      unreachable.add(String(body.to));
      return json(200, {});
    }
    if (request.method === "POST" && path === "fault") {
      faults = { status: Number(body.status ?? 503), count: Number(body.count ?? 1), body: String(body.body ?? "Service unavailable") };
      return json(200, {});
    }
    if (request.method === "POST" && path === "delay") {
      delayMs = Number(body.ms ?? 0);
      return json(200, {});
    }
    if (request.method === "POST" && path === "drop-answers") {
      dropAnswers = Number(body.count ?? 1);
      return json(200, {});
    }
    if (request.method === "POST" && path === "reset") {
      messages.length = 0;
      unreachable.clear();
      faults = null;
      delayMs = 0;
      dropAnswers = 0;
      return json(200, {});
    }
    return json(404, { error: "not found" });
  }

  return { handleApiRequest, handleControlRequest, messages, credentials: { username, password } };
}

const g = globalThis as unknown as { __kvittSmsSim?: SmsSimulator };

/** The one simulator of the app process (demo mode). */
export function smsSimulator(): SmsSimulator {
  g.__kvittSmsSim ??= createSmsSimulator();
  return g.__kvittSmsSim;
}
