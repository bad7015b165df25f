import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeTestPki } from "../../testing/certificates";
import { serveFetchHandler } from "../serve-fetch-handler";
import { createSwishClient, instructionUuid, mcommerceAppUrl, swishAmount, SwishError, type PaymentRequestBody, type SwishClient } from "./client";
import { createSwishSimulator, type SwishSimulator } from "./simulator";

const MERCHANT = "1231181189";
const PAYER = "46701234567";
const START = Date.parse("2026-11-23T09:15:00.000Z");

let clock = START;
let sim: SwishSimulator;
let swish: Awaited<ReturnType<typeof serveFetchHandler>>;
let receiver: Awaited<ReturnType<typeof serveFetchHandler>>;
let client: SwishClient;

/** What the portal's callback endpoint received, in order. */
let received: { path: string; body: Record<string, unknown>; headers: Headers }[] = [];
/** Answers the receiver gives, first to last; 200 once they run out. */
let receiverAnswers: number[] = [];

const handler = (request: Request) => (new URL(request.url).pathname.includes("/control") ? sim.handleControlRequest(request) : sim.handleApiRequest(request));

async function control(path: string, body?: unknown) {
  const res = await fetch(`${swish.url}/sim/swish/control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function request(overrides: Partial<PaymentRequestBody> = {}): PaymentRequestBody {
  return {
    payeePaymentReference: "5050105512345",
    callbackUrl: `${receiver.url}/api/webhooks/swish`,
    payeeAlias: MERCHANT,
    amount: "150.50",
    currency: "SEK",
    message: "Ärende 4711, delbetalning 1",
    ...overrides,
  };
}

async function swishError(promise: Promise<unknown>): Promise<SwishError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SwishError);
  return error as SwishError;
}

const statuses = () => received.map((r) => r.body.status);

beforeAll(async () => {
  swish = await serveFetchHandler(handler);
  receiver = await serveFetchHandler(async (req) => {
    received.push({ path: new URL(req.url).pathname, body: (await req.json()) as Record<string, unknown>, headers: req.headers });
    return new Response(null, { status: receiverAnswers.shift() ?? 200 });
  });
  client = createSwishClient({ baseUrl: `${swish.url}/sim/swish/swish-cpcapi/`, retryDelayMs: 1 });
});
afterAll(async () => {
  await swish.close();
  await receiver.close();
});
beforeEach(() => {
  clock = START;
  received = [];
  receiverAnswers = [];
  sim = createSwishSimulator({ now: () => clock, merchantAlias: MERCHANT, callbackRetryDelayMs: 5, autoSettleRefunds: false });
});

describe("Swish payment requests", () => {
  it("E-commerce: created, found on the payer's phone, paid; callback and GET agree", async () => {
    const uuid = instructionUuid();
    const created = await client.createPaymentRequest(uuid, request({ payerAlias: PAYER, callbackIdentifier: "11A86BE70EA346E4B1C39C874173F088" }));
    expect(created).toEqual({ id: uuid, location: `${swish.url}/sim/swish/swish-cpcapi/api/v1/paymentrequests/${uuid}` });

    const before = await client.getPaymentRequest(uuid);
    expect(before).toMatchObject({ id: uuid, status: "CREATED", amountOre: 15050, payerAlias: PAYER, payeeAlias: MERCHANT, currency: "SEK", paymentReference: null, datePaid: null });
    expect(before.dateCreated).toBe("2026-11-23T09:15:00.000Z");

    const phone = await control("find", { payerAlias: PAYER });
    expect(phone.status).toBe(200);
    expect(phone.body.id).toBe(uuid);

    clock += 20_000;
    expect((await control(`payments/${uuid}/pay`, {})).status).toBe(200);
    await sim.idle();

    expect(statuses()).toEqual(["PAID"]);
    const callback = received[0]!;
    expect(callback.path).toBe("/api/webhooks/swish");
    expect(callback.headers.get("callbackidentifier")).toBe("11A86BE70EA346E4B1C39C874173F088");
    expect(callback.body).toMatchObject({ id: uuid, status: "PAID", amount: 150.5, payeePaymentReference: "5050105512345", payerAlias: PAYER, datePaid: "2026-11-23T09:15:20.000Z" });
    expect(callback.body.paymentReference).toMatch(/^[0-9A-F]{32}$/);

    const after = await client.getPaymentRequest(uuid);
    expect(after).toMatchObject({ status: "PAID", paymentReference: callback.body.paymentReference, datePaid: "2026-11-23T09:15:20.000Z" });
  });

  it("M-commerce: a token opens the request in the app; the payer's number is known once paid", async () => {
    const uuid = instructionUuid();
    const created = await client.createPaymentRequest(uuid, request());
    expect(created.paymentRequestToken).toMatch(/^[0-9a-f]{32}$/);
    expect(mcommerceAppUrl(created.paymentRequestToken!, "https://kvitt.example/klar")).toContain(`token=${created.paymentRequestToken}`);

    const opened = await control("find", { token: created.paymentRequestToken });
    expect(opened.body).toMatchObject({ id: uuid, kind: "mcommerce", payerAlias: null });
    expect((await control("find", { token: "0".repeat(32) })).status).toBe(404);

    await control(`payments/${uuid}/pay`, { payerAlias: "46709876543" });
    await sim.idle();
    expect(received[0]!.body).toMatchObject({ status: "PAID", payerAlias: "46709876543" });
  });

  it("finds a request by payee and reference, as a payer typing them in would", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request({ payeePaymentReference: "REF-77" }));
    expect((await control("find", { payeeAlias: MERCHANT, payeePaymentReference: "REF-77" })).body.id).toBe(uuid);
    expect((await control("find", { payeeAlias: MERCHANT, payeePaymentReference: "REF-78" })).status).toBe(404);
  });

  it("declined by the payer", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request({ payerAlias: PAYER }));
    await control(`payments/${uuid}/decline`, {});
    await sim.idle();
    expect(statuses()).toEqual(["DECLINED"]);
    expect((await client.getPaymentRequest(uuid)).status).toBe("DECLINED");
    // A finished request can no longer be paid.
    expect((await control(`payments/${uuid}/pay`, {})).status).toBe(409);
  });

  it("cancelled by the merchant, once", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request({ payerAlias: PAYER }));
    const cancelled = await client.cancelPaymentRequest(uuid);
    expect(cancelled).toMatchObject({ id: uuid, status: "CANCELLED" });
    await sim.idle();
    expect(statuses()).toEqual(["CANCELLED"]);

    expect((await swishError(client.cancelPaymentRequest(uuid))).has("RP08")).toBe(true);
    expect((await control(`payments/${uuid}/pay`, {})).status).toBe(409);
    // The payer is free for a new request again.
    await client.createPaymentRequest(instructionUuid(), request({ payerAlias: PAYER }));
  });

  it("a paid request cannot be cancelled", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/pay`, {});
    const error = await swishError(client.cancelPaymentRequest(uuid));
    expect(error.httpStatus).toBe(422);
    expect(error.has("RP07")).toBe(true);
  });

  it("fails with the error code the control API chooses", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request({ payerAlias: PAYER }));
    await control(`payments/${uuid}/error`, { errorCode: "BANKIDCL" });
    await sim.idle();
    expect(received[0]!.body).toMatchObject({ status: "ERROR", errorCode: "BANKIDCL", errorMessage: "Payer cancelled BankID signing" });
    expect(await client.getPaymentRequest(uuid)).toMatchObject({ status: "ERROR", errorCode: "BANKIDCL" });
  });

  it("times out with TM01 when nobody answers for three minutes", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request({ payerAlias: PAYER }));
    clock += 179_000;
    expect((await client.getPaymentRequest(uuid)).status).toBe("CREATED");
    clock += 1_000;
    expect(await client.getPaymentRequest(uuid)).toMatchObject({ status: "ERROR", errorCode: "TM01" });
    await sim.idle();
    expect(statuses()).toEqual(["ERROR"]);
  });

  it("refuses what Swish refuses, with its error codes", async () => {
    const codes = async (body: PaymentRequestBody) => (await swishError(client.createPaymentRequest(instructionUuid(), body))).errors.map((e) => e.errorCode);
    expect(await codes(request({ payeePaymentReference: "faktura 1/2" }))).toEqual(["FF08"]);
    expect(await codes(request({ callbackUrl: "http://kvitt.example/cb" }))).toEqual(["RP03"]);
    expect(await codes(request({ callbackUrl: "not a url" }))).toEqual(["RP03"]);
    expect(await codes(request({ payerAlias: "0701234567" }))).toEqual(["BE18"]);
    expect(await codes(request({ amount: "150.5" }))).toEqual(["PA02"]);
    expect(await codes(request({ amount: "0.00" }))).toEqual(["PA02"]);
    expect(await codes(request({ amount: "1000000000000.00" }))).toEqual(["PA02"]);
    expect(await codes(request({ amount: "150,50" }))).toEqual(["PA02"]);
    expect(await codes(request({ currency: "EUR" as "SEK" }))).toEqual(["AM03"]);
    expect(await codes(request({ message: "x".repeat(51) }))).toEqual(["RP02"]);
    expect(await codes(request({ amount: "abc", currency: "NOK" as "SEK", payerAlias: "46" }))).toEqual(["BE18", "PA02", "AM03"]);
    expect(await codes(request({ payerAlias: "46700000000" }))).toEqual(["ACMT03"]);

    // The edges of the amount range are accepted.
    await client.createPaymentRequest(instructionUuid(), request({ amount: "0.01" }));
    await client.createPaymentRequest(instructionUuid(), request({ amount: "999999999999.99" }));
    await client.createPaymentRequest(instructionUuid(), request({ amount: swishAmount(100) }));
    // Another merchant's number is not ours to use.
    expect((await swishError(client.createPaymentRequest(instructionUuid(), request({ payeeAlias: "1239876543" })))).httpStatus).toBe(403);
  });

  it("RP06: a payer with an active E-commerce request cannot get a second", async () => {
    await client.createPaymentRequest(instructionUuid(), request({ payerAlias: PAYER }));
    const error = await swishError(client.createPaymentRequest(instructionUuid(), request({ payerAlias: PAYER })));
    expect(error.httpStatus).toBe(422);
    expect(error.errors).toEqual([{ errorCode: "RP06", errorMessage: "A payment request already exists for that payer", additionalInformation: null }]);
  });

  it("RP09: an instruction UUID is used once", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    expect((await swishError(client.createPaymentRequest(uuid, request()))).has("RP09")).toBe(true);
  });

  it("an unknown payment request is 404", async () => {
    expect((await swishError(client.getPaymentRequest(instructionUuid()))).httpStatus).toBe(404);
  });
});

describe("Swish callbacks: at least once, in any order, or not at all", () => {
  it("duplicates: the same callback three times", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/pay`, { callback: { times: 3 } });
    await sim.idle();
    expect(statuses()).toEqual(["PAID", "PAID", "PAID"]);
    expect(new Set(received.map((r) => JSON.stringify(r.body))).size).toBe(1);
  });

  it("late: the payment is PAID before its callback arrives", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/pay`, { callback: { delayMs: 500 } });
    expect((await client.getPaymentRequest(uuid)).status).toBe("PAID");
    expect(received).toHaveLength(0);
    await sim.idle();
    expect(statuses()).toEqual(["PAID"]);
  });

  it("out of order: a stale CREATED arrives after PAID", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/pay`, {});
    await sim.idle();
    expect((await control(`payments/${uuid}/callbacks`, { status: "CREATED", delayMs: 20 })).status).toBe(200);
    await sim.idle();
    expect(statuses()).toEqual(["PAID", "CREATED"]);
    // Fetching the payment is how the portal knows the truth.
    expect((await client.getPaymentRequest(uuid)).status).toBe("PAID");
  });

  it("redelivers the latest state on request", async () => {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/decline`, {});
    await control(`payments/${uuid}/callbacks`, { times: 2 });
    await sim.idle();
    expect(statuses()).toEqual(["DECLINED", "DECLINED", "DECLINED"]);
    expect((await control(`payments/${uuid}/callbacks`, { status: "PAID" })).status).toBe(409);
  });

  it("never: with the policy at zero no callback is sent", async () => {
    expect((await control("callback-policy", { times: 0 })).body).toEqual({ times: 0, delayMs: 0 });
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/pay`, {});
    await sim.idle();
    expect(received).toHaveLength(0);
    expect((await client.getPaymentRequest(uuid)).status).toBe("PAID");
  });

  it("retries a callback the receiver did not accept", async () => {
    receiverAnswers = [500, 503];
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request());
    await control(`payments/${uuid}/pay`, {});
    await sim.idle();
    expect(statuses()).toEqual(["PAID", "PAID", "PAID"]);
    const log = (await control(`payments/${uuid}`)).body.callbacks as { attempt: number; httpStatus: number }[];
    expect(log.map((c) => [c.attempt, c.httpStatus])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
  });
});

describe("Swish refunds", () => {
  async function paid(amount = "150.50") {
    const uuid = instructionUuid();
    await client.createPaymentRequest(uuid, request({ amount }));
    await control(`payments/${uuid}/pay`, { payerAlias: PAYER, callback: { times: 0 } });
    return client.getPaymentRequest(uuid);
  }

  it("refunds part of a payment, then pays it out with a callback", async () => {
    const payment = await paid();
    const uuid = instructionUuid();
    const created = await client.createRefund(uuid, {
      originalPaymentReference: payment.paymentReference!,
      payerPaymentReference: "RETUR-1",
      callbackUrl: `${receiver.url}/api/webhooks/swish-refund`,
      payerAlias: MERCHANT,
      amount: "50.00",
      currency: "SEK",
      message: "Återbetalning",
    });
    expect(created).toEqual({ id: uuid, location: `${swish.url}/sim/swish/swish-cpcapi/api/v1/refunds/${uuid}` });
    expect(await client.getRefund(uuid)).toMatchObject({ status: "CREATED", amountOre: 5000, payerAlias: MERCHANT, payeeAlias: PAYER, originalPaymentReference: payment.paymentReference });

    await control(`refunds/${uuid}/pay`, {});
    await sim.idle();
    expect(received.map((r) => [r.path, r.body.status])).toEqual([["/api/webhooks/swish-refund", "PAID"]]);
    expect((await client.getRefund(uuid)).paymentReference).toMatch(/^[0-9A-F]{32}$/);

    // 100.50 is left of the payment: 100.51 is too much.
    const tooMuch = await swishError(
      client.createRefund(instructionUuid(), { originalPaymentReference: payment.paymentReference!, callbackUrl: `${receiver.url}/cb`, payerAlias: MERCHANT, amount: "100.51", currency: "SEK" }),
    );
    expect(tooMuch.errors.map((e) => e.errorCode)).toEqual(["RF08"]);
  });

  it("refuses a refund of an unknown payment", async () => {
    const error = await swishError(
      client.createRefund(instructionUuid(), { originalPaymentReference: "0".repeat(32), callbackUrl: `${receiver.url}/cb`, payerAlias: MERCHANT, amount: "1.00", currency: "SEK" }),
    );
    expect(error.errors.map((e) => e.errorCode)).toEqual(["RF02"]);
  });

  it("settles refunds by itself when configured to", async () => {
    sim = createSwishSimulator({ now: () => clock, merchantAlias: MERCHANT });
    const payment = await paid("10.00");
    const uuid = instructionUuid();
    await client.createRefund(uuid, { originalPaymentReference: payment.paymentReference!, callbackUrl: `${receiver.url}/cb`, payerAlias: MERCHANT, amount: "10.00", currency: "SEK" });
    await sim.idle();
    expect((await client.getRefund(uuid)).status).toBe("PAID");
    expect(statuses()).toEqual(["PAID"]);
  });
});

describe("Swish client transport", () => {
  it("retries a GET after a 503, but never a PUT", async () => {
    let failures = 1;
    let puts = 0;
    const flaky = await serveFetchHandler((req) => {
      if (req.method === "PUT") puts++;
      if (failures > 0 || req.method === "PUT") {
        if (req.method === "GET") failures--;
        return new Response(null, { status: 503 });
      }
      return sim.handleApiRequest(req);
    });
    try {
      const flakyClient = createSwishClient({ baseUrl: `${flaky.url}/swish-cpcapi/`, retryDelayMs: 1 });
      const uuid = instructionUuid();
      await client.createPaymentRequest(uuid, request());
      expect((await flakyClient.getPaymentRequest(uuid)).status).toBe("CREATED");
      expect((await swishError(flakyClient.createPaymentRequest(instructionUuid(), request()))).httpStatus).toBe(503);
      expect(puts).toBe(1);
    } finally {
      await flaky.close();
    }
  });

  it("gives up after its timeout", async () => {
    const slow = await serveFetchHandler(async () => {
      await new Promise((r) => setTimeout(r, 400));
      return new Response(null, { status: 201 });
    });
    try {
      const slowClient = createSwishClient({ baseUrl: `${slow.url}/swish-cpcapi/`, timeoutMs: 100, retries: 0 });
      const error = await swishError(slowClient.createPaymentRequest(instructionUuid(), request()));
      expect(error.httpStatus).toBe(0);
      expect(error.errors[0]!.errorCode).toBe("timeout");
    } finally {
      await slow.close();
    }
  });

  it("refuses plain HTTP to anything but loopback", async () => {
    const remote = createSwishClient({ baseUrl: "http://cpc.example/swish-cpcapi/", retries: 0 });
    expect((await swishError(remote.getPaymentRequest(instructionUuid()))).errors[0]!.errorCode).toBe("network");
  });
});

describe("Swish over mutual TLS", () => {
  const pki = makeTestPki();
  let tls: Awaited<ReturnType<typeof serveFetchHandler>>;

  beforeAll(async () => {
    tls = await serveFetchHandler((req) => sim.handleApiRequest(req), {
      tls: { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
    });
  });
  afterAll(() => tls.close());

  it("works with the client certificate and the CA", async () => {
    const mtls = createSwishClient({ baseUrl: `${tls.url}/swish-cpcapi/`, cert: pki.clientCert, key: pki.clientKey, ca: pki.ca });
    const uuid = instructionUuid();
    const created = await mtls.createPaymentRequest(uuid, request({ payerAlias: PAYER }));
    expect(created.location).toBe(`${tls.url}/swish-cpcapi/api/v1/paymentrequests/${uuid}`);
    await control(`payments/${uuid}/pay`, {});
    expect((await mtls.getPaymentRequest(uuid)).status).toBe("PAID");
    await sim.idle();
    expect(statuses()).toEqual(["PAID"]);
  });

  it("is refused without a client certificate", async () => {
    const anonymous = createSwishClient({ baseUrl: `${tls.url}/swish-cpcapi/`, ca: pki.ca, retries: 0 });
    const error = await swishError(anonymous.getPaymentRequest(instructionUuid()));
    expect(error.httpStatus).toBe(0);
    expect(error.errors[0]!.errorCode).toBe("network");
  });

  it("refuses a server its CA did not sign", async () => {
    const wrongCa = createSwishClient({ baseUrl: `${tls.url}/swish-cpcapi/`, cert: pki.clientCert, key: pki.clientKey, ca: pki.otherCa, retries: 0 });
    expect((await swishError(wrongCa.getPaymentRequest(instructionUuid()))).errors[0]!.errorCode).toBe("network");
  });
});
