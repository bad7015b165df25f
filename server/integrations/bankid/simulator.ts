import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { orderRequestSchema } from "./types";
import { qrContent } from "./qr";

/**
 * A BankID Relying Party API v6.0 on loopback, behaving as the real service does (statuses, hint
 * codes, errors, timing), plus a control API through which a person or a test plays the phone.
 * It is a fetch handler, mounted by the app in demo mode only and served directly in tests.
 */

type Status = "pending" | "failed" | "complete";

interface SimOrder {
  orderRef: string;
  kind: "auth" | "sign";
  createdAt: number;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
  endUserIp: string;
  requiredPersonalNumber?: string;
  mrtd: boolean;
  userVisibleText: string | null;
  userNonVisibleData?: string;
  returnUrl?: string;
  status: Status;
  hintCode: string;
  openedAt?: number;
  person?: { personalNumber: string; name: string; givenName: string; surname: string };
  finishedAt?: number;
  /** A final state has been collected once; collecting again is invalidParameters. */
  finalCollected: boolean;
  cancelledByRp: boolean;
  signature?: string;
}

export interface BankIdSimulatorOptions {
  now?: () => number;
  /** An order nobody opens fails with startFailed after this long. */
  startTimeoutMs?: number;
  /** An opened order nobody finishes fails with expiredTransaction after this long. */
  userTimeoutMs?: number;
  /** Finished orders are forgotten (notFound) after this long. */
  retentionMs?: number;
}

const STATUS_FOR: Record<string, number> = {
  alreadyInProgress: 400,
  invalidParameters: 400,
  unauthorized: 401,
  notFound: 404,
  methodNotAllowed: 405,
  requestTimeout: 408,
  unsupportedMediaType: 415,
  tooManyRequests: 429,
  internalError: 500,
  maintenance: 503,
};

function rpError(errorCode: string, details: string): Response {
  return Response.json({ errorCode, details }, { status: STATUS_FOR[errorCode] ?? 500 });
}

function luhnOk(pnr: string): boolean {
  const short = pnr.slice(2);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(short[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function defaultName(pnr: string) {
  const givenName = "Test";
  const surname = `Person ${pnr.slice(-4)}`;
  return { givenName, surname, name: `${givenName} ${surname}` };
}

export function createBankIdSimulator(options: BankIdSimulatorOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const userTimeoutMs = options.userTimeoutMs ?? 180_000;
  const retentionMs = options.retentionMs ?? 300_000;
  const orders = new Map<string, SimOrder>();
  let fault: { errorCode: string; count: number } | null = null;

  function finish(order: SimOrder, status: "failed" | "complete", hintCode: string) {
    order.status = status;
    order.hintCode = hintCode;
    order.finishedAt = now();
  }

  /** Applies the passage of time: unopened orders fail to start, opened ones expire. */
  function advance(order: SimOrder) {
    if (order.status !== "pending") return;
    const t = now();
    if (!order.openedAt && t - order.createdAt >= startTimeoutMs) finish(order, "failed", "startFailed");
    else if (t - order.createdAt >= userTimeoutMs) finish(order, "failed", "expiredTransaction");
  }

  function sweep() {
    const t = now();
    for (const [ref, order] of orders) {
      advance(order);
      if (order.finishedAt && t - order.finishedAt > retentionMs) orders.delete(ref);
    }
  }

  function pendingFor(personalNumber: string, except?: string) {
    return [...orders.values()].filter(
      (o) => o.orderRef !== except && o.status === "pending" && (o.requiredPersonalNumber === personalNumber || o.person?.personalNumber === personalNumber),
    );
  }

  async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
    if (request.method !== "POST") return { ok: false, response: rpError("methodNotAllowed", "Only POST is allowed.") };
    const type = request.headers.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("application/json")) return { ok: false, response: rpError("unsupportedMediaType", "Content-Type must be application/json.") };
    try {
      return { ok: true, body: await request.json() };
    } catch {
      return { ok: false, response: rpError("invalidParameters", "Invalid JSON.") };
    }
  }

  function startOrder(kind: "auth" | "sign", body: unknown): Response {
    const parsed = orderRequestSchema.safeParse(body);
    if (!parsed.success) return rpError("invalidParameters", `Invalid ${parsed.error.issues[0]?.path.join(".") || "request"}.`);
    const req = parsed.data;
    let userVisibleText: string | null = null;
    if (req.userVisibleData !== undefined) {
      const decoded = Buffer.from(req.userVisibleData, "base64");
      if (decoded.toString("base64").replace(/=+$/, "") !== req.userVisibleData.replace(/=+$/, "") || decoded.length === 0 || decoded.length > 40_000) {
        return rpError("invalidParameters", "Invalid userVisibleData.");
      }
      userVisibleText = decoded.toString("utf8");
    }
    if (kind === "sign" && userVisibleText === null) return rpError("invalidParameters", "Missing userVisibleData.");
    const pnr = req.requirement?.personalNumber;
    if (pnr) {
      if (!luhnOk(pnr)) return rpError("invalidParameters", "Invalid personalNumber.");
      const clashing = pendingFor(pnr);
      if (clashing.length > 0) {
        for (const o of clashing) finish(o, "failed", "cancelled");
        return rpError("alreadyInProgress", "Order already in progress for pno.");
      }
    }
    const order: SimOrder = {
      orderRef: randomUUID(),
      kind,
      createdAt: now(),
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      endUserIp: req.endUserIp,
      requiredPersonalNumber: pnr,
      mrtd: req.requirement?.mrtd ?? false,
      userVisibleText,
      userNonVisibleData: req.userNonVisibleData,
      returnUrl: req.returnUrl,
      status: "pending",
      hintCode: "outstandingTransaction",
      finalCollected: false,
      cancelledByRp: false,
    };
    orders.set(order.orderRef, order);
    return Response.json({
      orderRef: order.orderRef,
      autoStartToken: order.autoStartToken,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
    });
  }

  function collect(body: unknown): Response {
    const parsed = z.object({ orderRef: z.string().min(1) }).safeParse(body);
    if (!parsed.success) return rpError("invalidParameters", "Invalid orderRef.");
    sweep();
    const order = orders.get(parsed.data.orderRef);
    if (!order) return rpError("notFound", "No such order.");
    if (order.finalCollected) return rpError("invalidParameters", "No such order.");
    if (order.status === "pending") return Response.json({ orderRef: order.orderRef, status: "pending", hintCode: order.hintCode });
    order.finalCollected = true;
    if (order.status === "failed") return Response.json({ orderRef: order.orderRef, status: "failed", hintCode: order.hintCode });
    const person = order.person!;
    return Response.json({
      orderRef: order.orderRef,
      status: "complete",
      completionData: {
        user: person,
        device: { ipAddress: order.endUserIp, uhi: createHash("sha256").update(person.personalNumber).digest("base64").slice(0, 27) },
        bankIdIssueDate: "2024-01-15",
        ...(order.mrtd ? { stepUp: { mrtd: true } } : {}),
        signature: order.signature,
        ocspResponse: randomBytes(64).toString("base64"),
      },
    });
  }

  function cancel(body: unknown): Response {
    const parsed = z.object({ orderRef: z.string().min(1) }).safeParse(body);
    if (!parsed.success) return rpError("invalidParameters", "Invalid orderRef.");
    sweep();
    const order = orders.get(parsed.data.orderRef);
    if (!order) return rpError("notFound", "No such order.");
    if (order.status !== "pending" || order.cancelledByRp) return rpError("invalidParameters", "Order is not pending.");
    order.cancelledByRp = true;
    finish(order, "failed", "cancelled");
    return Response.json({});
  }

  async function handleRpRequest(request: Request): Promise<Response> {
    const method = new URL(request.url).pathname.replace(/\/+$/, "").split("/").pop();
    if (!method || !["auth", "sign", "collect", "cancel"].includes(method)) return rpError("notFound", "No such method.");
    const read = await readJson(request);
    if (!read.ok) return read.response;
    if (fault && fault.count > 0) {
      fault.count -= 1;
      const code = fault.errorCode;
      if (fault.count === 0) fault = null;
      return rpError(code, "Simulated fault.");
    }
    if (method === "auth" || method === "sign") return startOrder(method, read.body);
    if (method === "collect") return collect(read.body);
    return cancel(read.body);
  }

  function publicView(order: SimOrder) {
    return {
      orderRef: order.orderRef,
      kind: order.kind,
      status: order.status,
      hintCode: order.hintCode,
      createdAt: new Date(order.createdAt).toISOString(),
      userVisibleText: order.userVisibleText,
      requiredPersonalNumber: order.requiredPersonalNumber ?? null,
      returnUrl: order.returnUrl ?? null,
    };
  }

  /** Finds the order a QR code (at any second) or an autostart token points at. */
  function find(body: { autoStartToken?: string; qrContent?: string }): SimOrder | undefined {
    for (const order of orders.values()) {
      if (body.autoStartToken && order.autoStartToken === body.autoStartToken) return order;
      if (body.qrContent) {
        const [, token, time] = body.qrContent.split(".");
        if (token === order.qrStartToken && time !== undefined && qrContent(order.qrStartToken, order.qrStartSecret, Number(time)) === body.qrContent) {
          // A QR code is only valid for about a second.
          const age = (now() - order.createdAt) / 1000;
          if (Math.abs(age - Number(time)) <= 3) return order;
        }
      }
    }
    return undefined;
  }

  const personInput = z.object({
    personalNumber: z.string().regex(/^\d{12}$/),
    name: z.string().min(1).max(100).optional(),
    givenName: z.string().min(1).max(50).optional(),
    surname: z.string().min(1).max(50).optional(),
  });

  async function handleControlRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/\/+$/, "");
    const parts = path.slice(path.indexOf("/control") + "/control".length).split("/").filter(Boolean);
    sweep();
    const body = request.method === "POST" ? ((await request.json().catch(() => ({}))) as Record<string, unknown>) : {};
    const notFound = () => Response.json({ error: "notFound" }, { status: 404 });

    if (request.method === "GET" && parts[0] === "orders" && parts.length === 1) {
      const list = [...orders.values()].filter((o) => o.status === "pending").sort((a, b) => b.createdAt - a.createdAt);
      return Response.json({ orders: list.map(publicView) });
    }
    if (request.method === "GET" && parts[0] === "orders" && parts[1]) {
      const order = orders.get(parts[1]);
      return order ? Response.json(publicView(order)) : notFound();
    }
    if (request.method === "POST" && parts[0] === "find") {
      const order = find(body as { autoStartToken?: string; qrContent?: string });
      if (!order || order.status !== "pending") return notFound();
      if (!order.openedAt) {
        order.openedAt = now();
        order.hintCode = "started";
      }
      return Response.json(publicView(order));
    }
    if (request.method === "POST" && parts[0] === "elapse") {
      // Time runs out for an order found by what the phone sees (opened or not): it fails as it
      // would when BankID's time is up, without the wait.
      const order = find(body as { autoStartToken?: string; qrContent?: string });
      if (!order || order.status !== "pending") return notFound();
      order.createdAt -= Math.max(startTimeoutMs, userTimeoutMs);
      advance(order);
      return Response.json(publicView(order));
    }
    if (request.method === "POST" && parts[0] === "fault") {
      const f = z.object({ errorCode: z.string().nullable(), count: z.number().int().min(1).max(100).default(1) }).safeParse(body);
      if (!f.success) return Response.json({ error: "invalid" }, { status: 400 });
      fault = f.data.errorCode ? { errorCode: f.data.errorCode, count: f.data.count } : null;
      return Response.json({ ok: true });
    }
    if (request.method === "POST" && parts[0] === "orders" && parts[1] && parts[2]) {
      const order = orders.get(parts[1]);
      if (!order) return notFound();
      advance(order);
      if (order.status !== "pending") return Response.json({ error: "notPending", status: order.status, hintCode: order.hintCode }, { status: 409 });
      const action = parts[2];
      if (action === "open") {
        order.openedAt ??= now();
        order.hintCode = "started";
        return Response.json(publicView(order));
      }
      if (action === "cancel") {
        finish(order, "failed", "userCancel");
        return Response.json(publicView(order));
      }
      if (action === "choose" || action === "identify") {
        const p = personInput.safeParse(body);
        if (!p.success || !luhnOk(p.data.personalNumber)) return Response.json({ error: "invalidPersonalNumber" }, { status: 400 });
        if (order.requiredPersonalNumber && order.requiredPersonalNumber !== p.data.personalNumber) {
          return Response.json({ error: "wrongPerson" }, { status: 409 });
        }
        const clashing = pendingFor(p.data.personalNumber, order.orderRef);
        if (clashing.length > 0) {
          for (const o of [order, ...clashing]) finish(o, "failed", "cancelled");
          return Response.json({ error: "alreadyInProgress" }, { status: 409 });
        }
        order.openedAt ??= now();
        const names = defaultName(p.data.personalNumber);
        const givenName = p.data.givenName ?? p.data.name?.split(" ")[0] ?? names.givenName;
        const surname = p.data.surname ?? p.data.name?.split(" ").slice(1).join(" ") ?? names.surname;
        order.person = { personalNumber: p.data.personalNumber, givenName, surname, name: p.data.name ?? `${givenName} ${surname}` };
        order.hintCode = "userSign";
        if (action === "identify") {
          const signed = `<sim:signature><orderRef>${order.orderRef}</orderRef><user>${order.person.personalNumber}</user>${
            order.userVisibleText ? `<usrVisibleData>${Buffer.from(order.userVisibleText).toString("base64")}</usrVisibleData>` : ""
          }<signedAt>${new Date(now()).toISOString()}</signedAt></sim:signature>`;
          order.signature = Buffer.from(signed).toString("base64");
          finish(order, "complete", "");
        }
        return Response.json(publicView(order));
      }
    }
    return notFound();
  }

  return { handleRpRequest, handleControlRequest, orders };
}

export type BankIdSimulator = ReturnType<typeof createBankIdSimulator>;

const globalSim = globalThis as unknown as { __kvittBankIdSim?: BankIdSimulator };

/** The one simulator of a running app (kept across module reloads in development). */
export function bankIdSimulator(): BankIdSimulator {
  // Tests may shorten BankID's timing so that expiry can be seen without waiting minutes.
  const ms = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  globalSim.__kvittBankIdSim ??= createBankIdSimulator({
    startTimeoutMs: ms("KVITT_SIM_BANKID_START_TIMEOUT_MS"),
    userTimeoutMs: ms("KVITT_SIM_BANKID_USER_TIMEOUT_MS"),
  });
  return globalSim.__kvittBankIdSim;
}
