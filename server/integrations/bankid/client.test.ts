import { afterEach, describe, expect, it, vi } from "vitest";
import { BankIdError, createBankIdClient, ERROR_HTTP_STATUS, type FetchLike } from "./client";

const BASE = "https://appapi2.test.bankid.com/rp/v6.0/";
const ORDER = {
  orderRef: "131daac9-16c6-4618-beb0-365768f37288",
  autoStartToken: "7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6",
  qrStartToken: "67df3917-fa0d-44e5-b327-edcc928297f8",
  qrStartSecret: "d28db9a7-4cde-429e-a983-359be676944c",
};
// The completed answer as BankID's documentation shows it, with a field BankID may add later.
const COMPLETE = {
  orderRef: ORDER.orderRef,
  status: "complete",
  completionData: {
    user: { personalNumber: "190000000000", name: "Karl Karlsson", givenName: "Karl", surname: "Karlsson" },
    device: { ipAddress: "192.168.0.1", uhi: "OZvYM9VvyiAmG7NA5jU5zRGcSZ4ZCfn/7ugTBx2hDQI=" },
    bankIdIssueDate: "2020-02-01",
    stepUp: { mrtd: true },
    signature: "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgi...",
    ocspResponse: "MIIHfgoBAKCCB3cwggdzBgkrBgEFBQcwAQEEggdkMIIHYDCCAT...",
    risk: "low",
    somethingNew: { later: true },
  },
};

type Reply = Response | Error | (() => Promise<Response>);

/** A fetch that answers from a list and records what it was sent. */
function fakeFetch(...replies: Reply[]) {
  const calls: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply instanceof Error) throw reply;
    if (typeof reply === "function") return reply();
    return reply.clone();
  };
  return { fetchImpl, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => Response.json(body, { status, headers });
const bankIdError = (errorCode: string, status: number) => json({ errorCode, details: `details of ${errorCode}` }, status);
const connectionRefused = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) });
const connectionReset = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });

async function failure(promise: Promise<unknown>): Promise<BankIdError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BankIdError);
  return error as BankIdError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("BankID client: requests", () => {
  it("posts JSON to <base>/auth and reads the order", async () => {
    const { fetchImpl, calls } = fakeFetch(json({ ...ORDER, extra: 1 }));
    const client = createBankIdClient({ baseUrl: BASE.slice(0, -1), fetchImpl });
    expect(await client.auth({ endUserIp: "192.0.2.1", requirement: { pinCode: true }, returnUrl: "https://kvitt.example/x" })).toEqual(ORDER);
    expect(calls).toEqual([
      {
        url: `${BASE}auth`,
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: { endUserIp: "192.0.2.1", requirement: { pinCode: true }, returnUrl: "https://kvitt.example/x" },
      },
    ]);
  });

  it("encodes userVisibleData and userNonVisibleData as UTF-8 Base64 for sign and auth", async () => {
    const { fetchImpl, calls } = fakeFetch(json(ORDER));
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl });
    const text = "Avbetalningsplan: 12 × 500 kr — första betalning 26 december. Ärende Ö-4711 ✓";
    await client.sign({ endUserIp: "2001:db8::1", userVisibleData: text, userVisibleDataFormat: "simpleMarkdownV1", userNonVisibleData: "plan=4711" });
    await client.auth({ endUserIp: "192.0.2.1", userVisibleData: "Logga in på Kvitt", userNonVisibleData: new Uint8Array([0, 255, 1]) });
    expect(calls[0]?.url).toBe(`${BASE}sign`);
    expect(calls[0]?.body).toEqual({
      endUserIp: "2001:db8::1",
      userVisibleData: Buffer.from(text, "utf8").toString("base64"),
      userVisibleDataFormat: "simpleMarkdownV1",
      userNonVisibleData: Buffer.from("plan=4711").toString("base64"),
    });
    expect(Buffer.from((calls[0]?.body as { userVisibleData: string }).userVisibleData, "base64").toString("utf8")).toBe(text);
    expect(calls[1]?.body).toEqual({ endUserIp: "192.0.2.1", userVisibleData: Buffer.from("Logga in på Kvitt").toString("base64"), userNonVisibleData: "AP8B" });
  });

  it("refuses an empty or too long text to sign without sending anything", async () => {
    const { fetchImpl, calls } = fakeFetch(json(ORDER));
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl });
    expect((await failure(client.sign({ endUserIp: "192.0.2.1", userVisibleData: "" }))).errorCode).toBe("invalidParameters");
    expect((await failure(client.sign({ endUserIp: "192.0.2.1", userVisibleData: "x".repeat(30_001) }))).errorCode).toBe("invalidParameters");
    expect(calls).toHaveLength(0);
  });

  it("collects and cancels by orderRef", async () => {
    const { fetchImpl, calls } = fakeFetch(json({ orderRef: ORDER.orderRef, status: "pending", hintCode: "outstandingTransaction" }), json({}));
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl });
    expect(await client.collect(ORDER.orderRef)).toEqual({ orderRef: ORDER.orderRef, status: "pending", hintCode: "outstandingTransaction" });
    await expect(client.cancel(ORDER.orderRef)).resolves.toBeUndefined();
    expect(calls.map((c) => [c.url, c.body])).toEqual([
      [`${BASE}collect`, { orderRef: ORDER.orderRef }],
      [`${BASE}cancel`, { orderRef: ORDER.orderRef }],
    ]);
  });
});

describe("BankID client: answers", () => {
  it("reads a completed order, keeping fields it does not know", async () => {
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl: fakeFetch(json(COMPLETE)).fetchImpl });
    const done = await client.collect(ORDER.orderRef);
    expect(done.status).toBe("complete");
    expect(done.completionData?.user.personalNumber).toBe("190000000000");
    expect(done.completionData?.stepUp).toEqual({ mrtd: true });
    expect(done.completionData?.risk).toBe("low");
  });

  it("tolerates hint codes it does not know", async () => {
    const client = createBankIdClient({
      baseUrl: BASE,
      fetchImpl: fakeFetch(json({ orderRef: ORDER.orderRef, status: "pending", hintCode: "userFace" }), json({ orderRef: ORDER.orderRef, status: "failed", hintCode: "somethingNew" })).fetchImpl,
    });
    expect(await client.collect(ORDER.orderRef)).toEqual({ orderRef: ORDER.orderRef, status: "pending", hintCode: "userFace" });
    expect(await client.collect(ORDER.orderRef)).toEqual({ orderRef: ORDER.orderRef, status: "failed", hintCode: "somethingNew" });
  });

  it.each(Object.entries(ERROR_HTTP_STATUS))("turns %s (HTTP %i) into a typed BankIdError", async (errorCode, status) => {
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl: fakeFetch(bankIdError(errorCode, status)).fetchImpl, retries: 0 });
    const error = await failure(client.auth({ endUserIp: "192.0.2.1" }));
    expect(error).toMatchObject({ errorCode, details: `details of ${errorCode}`, httpStatus: status, name: "BankIdError" });
    expect(error.message).toContain(errorCode);
  });

  it("keeps error codes it does not know, and reads errors without a usable body by their status", async () => {
    const cases: [Response, string, number][] = [
      [bankIdError("somethingNew", 400), "somethingNew", 400],
      [json({ errorCode: "unauthorized" }, 401), "unauthorized", 401],
      [new Response("Forbidden", { status: 403 }), "unauthorized", 403],
      [new Response("<html>Service Unavailable</html>", { status: 503 }), "maintenance", 503],
      [new Response("Bad gateway", { status: 502 }), "internalError", 502],
      [new Response("", { status: 418 }), "invalidResponse", 418],
      [json({ message: "no code" }, 400), "invalidParameters", 400],
    ];
    for (const [response, errorCode, httpStatus] of cases) {
      const client = createBankIdClient({ baseUrl: BASE, fetchImpl: fakeFetch(response).fetchImpl, retries: 0 });
      expect(await failure(client.auth({ endUserIp: "192.0.2.1" }))).toMatchObject({ errorCode, httpStatus });
    }
  });

  it("calls an answer it cannot read invalidResponse", async () => {
    const cases: Response[] = [
      new Response("not json", { status: 200 }),
      json({ orderRef: ORDER.orderRef }),
      json({ orderRef: ORDER.orderRef, status: "complete" }),
      json({ orderRef: "another", status: "pending", hintCode: "started" }),
      json({ orderRef: ORDER.orderRef, status: "unknown" }),
    ];
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl: fakeFetch(...cases).fetchImpl, retries: 0 });
    expect((await failure(client.auth({ endUserIp: "192.0.2.1" }))).errorCode).toBe("invalidResponse");
    expect((await failure(client.auth({ endUserIp: "192.0.2.1" }))).errorCode).toBe("invalidResponse");
    for (let i = 0; i < 3; i++) expect((await failure(client.collect(ORDER.orderRef))).errorCode).toBe("invalidResponse");
  });
});

describe("BankID client: retries only where safe", () => {
  const pending = () => json({ orderRef: ORDER.orderRef, status: "pending", hintCode: "started" });

  it.each<[string, () => Reply]>([
    ["a network error", connectionReset],
    ["500 internalError", () => bankIdError("internalError", 500)],
    ["503 maintenance", () => bankIdError("maintenance", 503)],
    ["408 requestTimeout", () => bankIdError("requestTimeout", 408)],
    ["429 tooManyRequests", () => bankIdError("tooManyRequests", 429)],
  ])("repeats collect after %s", async (_, transient) => {
    const { fetchImpl, calls } = fakeFetch(transient(), transient(), pending());
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 1 });
    expect((await client.collect(ORDER.orderRef)).hintCode).toBe("started");
    expect(calls).toHaveLength(3);
  });

  it("gives up after a bounded number of attempts", async () => {
    const { fetchImpl, calls } = fakeFetch(bankIdError("maintenance", 503));
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 1 });
    expect(await failure(client.collect(ORDER.orderRef))).toMatchObject({ errorCode: "maintenance", httpStatus: 503 });
    expect(calls).toHaveLength(3);
    const once = fakeFetch(bankIdError("maintenance", 503));
    await failure(createBankIdClient({ baseUrl: BASE, fetchImpl: once.fetchImpl, retries: 0 }).collect(ORDER.orderRef));
    expect(once.calls).toHaveLength(1);
  });

  it("waits longer each time, and as long as Retry-After asks (within reason)", async () => {
    vi.useFakeTimers();
    const { fetchImpl, calls } = fakeFetch(json({ errorCode: "tooManyRequests", details: "" }, 429, { "Retry-After": "2" }), bankIdError("maintenance", 503), pending());
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 100 });
    const result = client.collect(ORDER.orderRef);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect((await result).status).toBe("pending");
  });

  it("does not repeat collect after errors that will not pass", async () => {
    for (const [code, status] of [["invalidParameters", 400], ["unauthorized", 401], ["notFound", 404], ["unsupportedMediaType", 415]] as const) {
      const { fetchImpl, calls } = fakeFetch(bankIdError(code, status), pending());
      await failure(createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 1 }).collect(ORDER.orderRef));
      expect(calls).toHaveLength(1);
    }
  });

  it.each<[string, () => Reply]>([
    ["500 internalError", () => bankIdError("internalError", 500)],
    ["503 maintenance", () => bankIdError("maintenance", 503)],
    ["429 tooManyRequests", () => bankIdError("tooManyRequests", 429)],
    ["a connection reset", connectionReset],
  ])("never repeats auth or sign after %s", async (_, failureReply) => {
    for (const start of ["auth", "sign"] as const) {
      const { fetchImpl, calls } = fakeFetch(failureReply(), json(ORDER));
      const client = createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 1 });
      await failure(start === "auth" ? client.auth({ endUserIp: "192.0.2.1" }) : client.sign({ endUserIp: "192.0.2.1", userVisibleData: "x" }));
      expect(calls).toHaveLength(1);
    }
  });

  it("repeats auth when no connection could be made, since nothing was sent", async () => {
    const { fetchImpl, calls } = fakeFetch(connectionRefused(), json(ORDER));
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 1 });
    expect(await client.auth({ endUserIp: "192.0.2.1" })).toEqual(ORDER);
    expect(calls).toHaveLength(2);
    const down = fakeFetch(connectionRefused());
    const error = await failure(createBankIdClient({ baseUrl: BASE, fetchImpl: down.fetchImpl, retryDelayMs: 1 }).auth({ endUserIp: "192.0.2.1" }));
    expect(error).toMatchObject({ errorCode: "network", httpStatus: 0, notSent: true });
    expect(error.details).toContain("ECONNREFUSED");
    expect(down.calls).toHaveLength(3);
  });

  it("takes invalidParameters after an answer to cancel was lost as the order being cancelled", async () => {
    const { fetchImpl, calls } = fakeFetch(connectionReset(), bankIdError("invalidParameters", 400));
    await expect(createBankIdClient({ baseUrl: BASE, fetchImpl, retryDelayMs: 1 }).cancel(ORDER.orderRef)).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
    // Without an earlier lost answer it is an error, as cancelling twice is.
    const twice = fakeFetch(bankIdError("invalidParameters", 400));
    expect((await failure(createBankIdClient({ baseUrl: BASE, fetchImpl: twice.fetchImpl }).cancel(ORDER.orderRef))).errorCode).toBe("invalidParameters");
  });
});

describe("BankID client: time limits", () => {
  it("gives up on an attempt after 10 s by default and aborts it", async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const client = createBankIdClient({
      baseUrl: BASE,
      fetchImpl: (_url, init) => {
        signal = init.signal;
        return new Promise<Response>(() => undefined);
      },
    });
    const result = failure(client.auth({ endUserIp: "192.0.2.1" }));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({ errorCode: "timeout", httpStatus: 0 });
    expect(signal?.aborted).toBe(true);
  });

  it("repeats a collect that timed out", async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Promise<Response>(() => undefined), json({ orderRef: ORDER.orderRef, status: "pending", hintCode: "userSign" }));
    const client = createBankIdClient({ baseUrl: BASE, fetchImpl, timeoutMs: 20, retryDelayMs: 1 });
    expect((await client.collect(ORDER.orderRef)).hintCode).toBe("userSign");
    expect(calls).toHaveLength(2);
  });
});

describe("BankID client: configuration", () => {
  it("speaks plain http only to loopback", () => {
    for (const baseUrl of ["http://127.0.0.1:3000/api/sim/bankid/rp/v6.0/", "http://localhost:3000/rp/v6.0", "http://[::1]:8080/rp/v6.0/", "https://appapi2.bankid.com/rp/v6.0/"]) {
      expect(() => createBankIdClient({ baseUrl })).not.toThrow();
    }
    for (const baseUrl of ["http://appapi2.bankid.com/rp/v6.0/", "http://10.0.0.5/rp/v6.0/", "http://localhost.evil.example/rp/v6.0/", "ftp://127.0.0.1/rp/v6.0/"]) {
      expect(() => createBankIdClient({ baseUrl })).toThrow(TypeError);
    }
  });

  it("will not drop a client certificate on the floor when a fetchImpl is given", () => {
    expect(() => createBankIdClient({ baseUrl: BASE, fetchImpl: fakeFetch(json(ORDER)).fetchImpl, pfx: Buffer.from("x") })).toThrow(TypeError);
  });
});
