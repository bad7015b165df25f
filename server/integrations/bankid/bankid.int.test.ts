import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BankIdClientV6, QrGenerator } from "bankid";
import { makeTestPki, type TestPki } from "../../testing/certificates";
import { serveFetchHandler } from "../serve-fetch-handler";
import { BankIdError, createBankIdClient, type BankIdClient } from "./client";
import { qrContent } from "./qr";
import { createBankIdSimulator, type BankIdSimulator } from "./simulator";

const ANNA = "199003142388";
const ERIK = "198511224571";

let clock = 1_800_000_000_000;
let sim: BankIdSimulator;
const handler = (request: Request) => {
  const path = new URL(request.url).pathname;
  return path.includes("/control") ? sim.handleControlRequest(request) : sim.handleRpRequest(request);
};

let server: Awaited<ReturnType<typeof serveFetchHandler>>;
let client: BankIdClient;

async function phone(path: string, body?: unknown) {
  const res = await fetch(`${server.url}/control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function expectBankIdError(promise: Promise<unknown>, errorCode: string, httpStatus: number) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BankIdError);
  expect((error as BankIdError).errorCode).toBe(errorCode);
  expect((error as BankIdError).httpStatus).toBe(httpStatus);
}

beforeAll(async () => {
  server = await serveFetchHandler(handler);
  client = createBankIdClient({ baseUrl: `${server.url}/rp/v6.0/`, retryDelayMs: 1 });
});
afterAll(() => server.close());
beforeEach(() => {
  sim = createBankIdSimulator({ now: () => clock });
});

describe("BankID client ↔ simulator", () => {
  it("identifies a person: outstandingTransaction → started → userSign → complete", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    for (const key of ["orderRef", "autoStartToken", "qrStartToken", "qrStartSecret"] as const) {
      expect(order[key]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "pending", hintCode: "outstandingTransaction" });

    clock += 2000;
    const scanned = await phone("find", { qrContent: qrContent(order.qrStartToken, order.qrStartSecret, 2) });
    expect(scanned.status).toBe(200);
    expect((await client.collect(order.orderRef)).hintCode).toBe("started");

    await phone(`orders/${order.orderRef}/choose`, { personalNumber: ANNA, name: "Anna Lindqvist" });
    expect((await client.collect(order.orderRef)).hintCode).toBe("userSign");

    await phone(`orders/${order.orderRef}/identify`, { personalNumber: ANNA, name: "Anna Lindqvist" });
    const done = await client.collect(order.orderRef);
    expect(done.status).toBe("complete");
    expect(done.completionData?.user).toEqual({ personalNumber: ANNA, name: "Anna Lindqvist", givenName: "Anna", surname: "Lindqvist" });
    expect(done.completionData?.device.ipAddress).toBe("192.0.2.10");
    expect(done.completionData?.bankIdIssueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(done.completionData?.ocspResponse).toBeTruthy();

    // A finished order cannot be collected twice.
    await expectBankIdError(client.collect(order.orderRef), "invalidParameters", 400);
  });

  it("signs: the signature carries exactly the text the person saw", async () => {
    const text = "Avbetalningsplan: 12 × 500 kr, första betalning 26 december 2026.";
    const order = await client.sign({ endUserIp: "192.0.2.10", userVisibleData: text });
    const seen = await phone(`orders/${order.orderRef}`);
    expect(seen.body.userVisibleText).toBe(text);
    await phone("find", { autoStartToken: order.autoStartToken });
    await phone(`orders/${order.orderRef}/identify`, { personalNumber: ERIK });
    const done = await client.collect(order.orderRef);
    const signature = Buffer.from(done.completionData!.signature, "base64").toString("utf8");
    expect(signature).toContain(Buffer.from(text).toString("base64"));
    expect(signature).toContain(ERIK);
  });

  it("reports userCancel when the person cancels in the app", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("find", { autoStartToken: order.autoStartToken });
    await phone(`orders/${order.orderRef}/cancel`, {});
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode: "userCancel" });
  });

  it("cancels an order for the relying party, once", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await client.cancel(order.orderRef);
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });
    await expectBankIdError(client.cancel(order.orderRef), "invalidParameters", 400);
  });

  it("fails with startFailed when the QR code is never scanned", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    clock += 29_000;
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    clock += 2_000;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "failed", hintCode: "startFailed" });
  });

  it("expires an opened order nobody finishes (expiredTransaction)", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("find", { autoStartToken: order.autoStartToken });
    clock += 181_000;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "failed", hintCode: "expiredTransaction" });
  });

  it("lets time run out on request: unopened, startFailed; opened, expiredTransaction", async () => {
    const unopened = await client.auth({ endUserIp: "192.0.2.10" });
    expect(await phone("elapse", { autoStartToken: unopened.autoStartToken })).toMatchObject({ status: 200, body: { status: "failed", hintCode: "startFailed" } });
    expect(await client.collect(unopened.orderRef)).toMatchObject({ status: "failed", hintCode: "startFailed" });

    const opened = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("find", { autoStartToken: opened.autoStartToken });
    expect(await phone("elapse", { autoStartToken: opened.autoStartToken })).toMatchObject({ status: 200, body: { status: "failed", hintCode: "expiredTransaction" } });
    expect(await client.collect(opened.orderRef)).toMatchObject({ status: "failed", hintCode: "expiredTransaction" });
    // A finished order has no time left to run out.
    expect((await phone("elapse", { autoStartToken: opened.autoStartToken })).status).toBe(404);
  });

  it("refuses a second order for the same person and cancels both (alreadyInProgress)", async () => {
    const first = await client.auth({ endUserIp: "192.0.2.10", requirement: { personalNumber: ANNA } });
    await expectBankIdError(client.auth({ endUserIp: "192.0.2.11", requirement: { personalNumber: ANNA } }), "alreadyInProgress", 400);
    expect(await client.collect(first.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });
  });

  it("answers invalidParameters for bad input and notFound for unknown orders", async () => {
    await expectBankIdError(client.auth({ endUserIp: "not-an-ip" }), "invalidParameters", 400);
    await expectBankIdError(client.auth({ endUserIp: "192.0.2.10", requirement: { personalNumber: "199003142389" } }), "invalidParameters", 400);
    const res = await fetch(`${server.url}/rp/v6.0/sign`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ endUserIp: "192.0.2.1" }) });
    expect(await res.json()).toMatchObject({ errorCode: "invalidParameters" });
    await expectBankIdError(client.collect("3ff5a3b8-2a2a-4a4a-8b8b-0123456789ab"), "notFound", 404);
  });

  it("answers methodNotAllowed and unsupportedMediaType like the real service", async () => {
    const get = await fetch(`${server.url}/rp/v6.0/auth`);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ errorCode: "methodNotAllowed" });
    const text = await fetch(`${server.url}/rp/v6.0/auth`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" });
    expect(text.status).toBe(415);
  });

  it("retries collect through a passing maintenance window, but never retries auth", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("fault", { errorCode: "maintenance", count: 2 });
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    await phone("fault", { errorCode: "internalError", count: 1 });
    await expectBankIdError(client.auth({ endUserIp: "192.0.2.10" }), "internalError", 500);
  });

  it("tolerates hint codes it does not know", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    sim.orders.get(order.orderRef)!.hintCode = "someFutureHint";
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "pending", hintCode: "someFutureHint" });
  });

  it("forgets finished orders after a while (notFound)", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await client.cancel(order.orderRef);
    clock += 301_000;
    await expectBankIdError(client.collect(order.orderRef), "notFound", 404);
  });
});

describe("over mutual TLS", () => {
  let pki: TestPki;
  let tlsServer: Awaited<ReturnType<typeof serveFetchHandler>>;
  beforeAll(async () => {
    pki = makeTestPki();
    tlsServer = await serveFetchHandler(handler, {
      tls: { cert: pki.serverCert, key: pki.serverKey, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
    });
  });
  afterAll(() => tlsServer.close());

  it("works with the client certificate, and not without it", async () => {
    const withCert = createBankIdClient({ baseUrl: `${tlsServer.url}/rp/v6.0/`, pfx: pki.clientPfx, passphrase: pki.passphrase, ca: pki.ca });
    expect((await withCert.auth({ endUserIp: "192.0.2.10" })).orderRef).toBeTruthy();
    const withoutCert = createBankIdClient({ baseUrl: `${tlsServer.url}/rp/v6.0/`, ca: pki.ca, retries: 0 });
    await expect(withoutCert.auth({ endUserIp: "192.0.2.10" })).rejects.toBeInstanceOf(BankIdError);
  });

  it("refuses a server its CA does not vouch for", async () => {
    const wrongCa = createBankIdClient({ baseUrl: `${tlsServer.url}/rp/v6.0/`, pfx: pki.clientPfx, passphrase: pki.passphrase, ca: pki.otherCa, retries: 0 });
    await expect(wrongCa.auth({ endUserIp: "192.0.2.10" })).rejects.toMatchObject({ errorCode: "network" });
  });

  it("serves an existing third-party RP v6.0 client (npm bankid) unchanged but for its base URL", async () => {
    const thirdParty = new BankIdClientV6({ production: false, pfx: pki.clientPfx, passphrase: pki.passphrase, ca: pki.ca, refreshInterval: 10 });
    thirdParty.axios.defaults.baseURL = `${tlsServer.url}/rp/v6.0/`;
    const started = await thirdParty.authenticate({ endUserIp: "192.0.2.10" });
    expect(started.orderRef).toBeTruthy();
    // The phone scans the QR code the third-party library drew.
    const theirQr = await QrGenerator.latestQrFromCache(started.orderRef);
    expect(theirQr).toMatch(new RegExp(`^bankid\\.${started.qrStartToken}\\.\\d+\\.[0-9a-f]{64}$`));
    expect((await phone("find", { qrContent: theirQr })).status).toBe(200);
    await phone(`orders/${started.orderRef}/identify`, { personalNumber: ANNA, name: "Anna Lindqvist" });
    const collected = await thirdParty.collect({ orderRef: started.orderRef });
    expect(collected.status).toBe("complete");
    expect(collected.completionData?.user.personalNumber).toBe(ANNA);
    const again = await thirdParty.collect({ orderRef: started.orderRef }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "invalidParameters" });
    // And a sign order with its own base64 handling of userVisibleData.
    const signing = await thirdParty.sign({ endUserIp: "192.0.2.10", userVisibleData: "Jag godkänner planen." });
    const view = await phone(`orders/${signing.orderRef}`);
    expect(view.body.userVisibleText).toBe("Jag godkänner planen.");
  });
});
