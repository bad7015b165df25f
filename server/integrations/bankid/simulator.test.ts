import { beforeEach, describe, expect, it } from "vitest";
import { BankIdError, createBankIdClient, ERROR_HTTP_STATUS, FAILED_HINT_CODES, PENDING_HINT_CODES, type BankIdClient } from "./client";
import { qrContent } from "./qr";
import { bankIdSimulator, createBankIdSimulator, fakeName, isValidPersonalNumber, type BankIdSimulator } from "./simulator";

// Valid personal identity numbers (Luhn), the first a woman's, the second a man's.
const ANNA = "199003142388";
const ERIK = "198511224571";
const ORIGIN = "http://127.0.0.1:9/api/sim/bankid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let clock: number;
let sim: BankIdSimulator;
let client: BankIdClient;

beforeEach(() => {
  clock = Date.UTC(2026, 10, 22, 12, 0, 0);
  sim = createBankIdSimulator({ now: () => clock });
  // The relying-party handler called in-process through the client's fetchImpl: no sockets here.
  client = createBankIdClient({ baseUrl: `${ORIGIN}/rp/v6.0/`, fetchImpl: (url, init) => sim.handleRpRequest(new Request(url, init)), retryDelayMs: 1 });
});

async function phone(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const init: RequestInit = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const res = await sim.handleControlRequest(new Request(`${ORIGIN}/control/${path}`, init));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function rp(method: string, body: unknown, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await sim.handleRpRequest(
    new Request(`${ORIGIN}/rp/v6.0/${method}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body), ...init }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function failure(promise: Promise<unknown>): Promise<BankIdError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BankIdError);
  return error as BankIdError;
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("BankID simulator: an identification from start to end", () => {
  it("outstandingTransaction → started (QR scanned) → userSign → complete, then no second collect", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    for (const value of Object.values(order)) expect(value).toMatch(UUID);
    expect(new Set(Object.values(order)).size).toBe(4);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "pending", hintCode: "outstandingTransaction" });

    clock += 2_400;
    const scanned = await phone("find", { qrContent: qrContent(order.qrStartToken, order.qrStartSecret, 2) });
    expect(scanned).toMatchObject({ status: 200, body: { orderRef: order.orderRef, type: "auth", startedVia: "qr", qr: true, autostart: false } });
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "pending", hintCode: "started" });

    await phone(`orders/${order.orderRef}/choose`, { personalNumber: ANNA, name: "Anna Lindqvist" });
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "pending", hintCode: "userSign" });

    clock += 5_000;
    const identified = await phone(`orders/${order.orderRef}/identify`, {});
    expect(identified).toMatchObject({ status: 200, body: { status: "complete", hintCode: null } });
    const done = await client.collect(order.orderRef);
    expect(done.status).toBe("complete");
    const data = done.completionData!;
    expect(data.user).toEqual({ personalNumber: ANNA, name: "Anna Lindqvist", givenName: "Anna", surname: "Lindqvist" });
    expect(data.device.ipAddress).toBe("192.0.2.10");
    expect(data.device.uhi).toMatch(/^[A-Za-z0-9+/]{27}$/);
    expect(data.bankIdIssueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.bankIdIssueDate < "2026-11-22").toBe(true);
    expect(data.stepUp).toBeUndefined();
    expect(data.risk).toBeUndefined();
    expect(Buffer.from(data.ocspResponse, "base64").length).toBeGreaterThan(100);
    const signature = Buffer.from(data.signature, "base64").toString("utf8");
    expect(signature).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    expect(signature).toContain("<funcId>Identification</funcId>");
    expect(signature).toContain(`SERIALNUMBER=${ANNA}`);
    expect(signature).not.toContain("usrVisibleData");

    const again = await failure(client.collect(order.orderRef));
    expect(again).toMatchObject({ errorCode: "invalidParameters", httpStatus: 400 });
    expect(again.details).not.toBe("");
  });

  it("starts from the autostart link, and from the app's own list", async () => {
    const viaLink = await client.auth({ endUserIp: "192.0.2.10" });
    clock += 1;
    const fromList = await client.auth({ endUserIp: "192.0.2.11" });
    const listed = await phone("orders");
    expect((listed.body.orders as { orderRef: string }[]).map((o) => o.orderRef)).toEqual([fromList.orderRef, viaLink.orderRef]);
    expect(listed.body.orders).toMatchObject([{ type: "auth", created: new Date(clock).toISOString(), startedVia: null, qr: false, autostart: false }, {}]);

    expect(await phone("find", { autoStartToken: viaLink.autoStartToken })).toMatchObject({ status: 200, body: { startedVia: "autostart", autostart: true, hintCode: "started" } });
    expect(await phone(`orders/${fromList.orderRef}/open`, {})).toMatchObject({ status: 200, body: { startedVia: "app", hintCode: "started" } });
    expect((await client.collect(viaLink.orderRef)).hintCode).toBe("started");
    expect((await client.collect(fromList.orderRef)).hintCode).toBe("started");
    expect(await phone("find", { autoStartToken: "3f0c3c2b-0000-4000-8000-000000000000" })).toMatchObject({ status: 404 });
  });

  it("gives a deterministic made-up name when none is chosen", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone(`orders/${order.orderRef}/identify`, { personalNumber: ERIK });
    const { user } = (await client.collect(order.orderRef)).completionData!;
    expect(user).toEqual({ personalNumber: ERIK, ...fakeName(ERIK) });
    expect(fakeName(ERIK)).toEqual(fakeName(ERIK));
    expect(user.name).toBe(`${user.givenName} ${user.surname}`);
    const second = await client.auth({ endUserIp: "192.0.2.10" });
    await phone(`orders/${second.orderRef}/identify`, { personalNumber: ANNA, givenName: "Anna-Karin", surname: "af Klint" });
    expect((await client.collect(second.orderRef)).completionData!.user).toMatchObject({ name: "Anna-Karin af Klint", givenName: "Anna-Karin", surname: "af Klint" });
  });

  it("checks the personal number the phone identifies with", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    for (const personalNumber of ["199003142389", "9003142388", "19900314238x"]) {
      expect((await phone(`orders/${order.orderRef}/identify`, { personalNumber })).status).toBe(400);
    }
    expect((await phone(`orders/${order.orderRef}/identify`, {})).status).toBe(400);
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    expect(isValidPersonalNumber(ANNA) && isValidPersonalNumber(ERIK)).toBe(true);
  });
});

describe("BankID simulator: signing", () => {
  it("shows the decoded text on the phone and signs exactly the Base64 the relying party sent", async () => {
    const text = "**Avbetalningsplan**\n\n12 × 500 kr, första betalning 26 december 2026. Ärende Ö-4711 ✓";
    const order = await client.sign({ endUserIp: "192.0.2.10", userVisibleData: text, userVisibleDataFormat: "simpleMarkdownV1", userNonVisibleData: "plan:4711" });
    const seen = await phone(`orders/${order.orderRef}`);
    expect(seen.body).toMatchObject({ type: "sign", userVisibleData: text, userVisibleText: text, userVisibleDataFormat: "simpleMarkdownV1", kind: "sign" });
    await phone("find", { autoStartToken: order.autoStartToken });
    await phone(`orders/${order.orderRef}/identify`, { personalNumber: ERIK, name: "Erik Johansson" });
    const done = await client.collect(order.orderRef);
    const signature = Buffer.from(done.completionData!.signature, "base64").toString("utf8");
    expect(signature).toContain(`<usrVisibleData charset="UTF-8" visible="wysiwys">${b64(text)}</usrVisibleData>`);
    expect(signature).toContain(`<usrNonVisibleData>${b64("plan:4711")}</usrNonVisibleData>`);
    expect(signature).toContain("<funcId>Signing</funcId>");
    expect(signature).toContain("CN=Erik Johansson");
  });

  it("asks for the ID document check when the order requires it (userMrtd, stepUp)", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10", requirement: { mrtd: true } });
    await phone(`orders/${order.orderRef}/choose`, { personalNumber: ANNA });
    expect((await client.collect(order.orderRef)).hintCode).toBe("userMrtd");
    await phone(`orders/${order.orderRef}/hint`, { hintCode: "userSign" });
    expect((await client.collect(order.orderRef)).hintCode).toBe("userSign");
    await phone(`orders/${order.orderRef}/identify`, {});
    expect((await client.collect(order.orderRef)).completionData).toMatchObject({ user: { personalNumber: ANNA }, stepUp: { mrtd: true } });

    const unchecked = await client.auth({ endUserIp: "192.0.2.10", requirement: { mrtd: true } });
    await phone(`orders/${unchecked.orderRef}/identify`, { personalNumber: ERIK, mrtd: false });
    expect((await client.collect(unchecked.orderRef)).completionData?.stepUp).toEqual({ mrtd: false });
  });

  it("returns a risk level when asked, and the phone's own IP address when it has another", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10", returnRisk: true });
    await phone(`orders/${order.orderRef}/identify`, { personalNumber: ANNA, ipAddress: "198.51.100.7" });
    expect((await client.collect(order.orderRef)).completionData).toMatchObject({ risk: "low", device: { ipAddress: "198.51.100.7" } });
  });
});

describe("BankID simulator: orders that do not complete", () => {
  it("userCancel when the person cancels in the app", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("find", { autoStartToken: order.autoStartToken });
    expect(await phone(`orders/${order.orderRef}/cancel`, {})).toMatchObject({ status: 200, body: { status: "failed", hintCode: "userCancel" } });
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode: "userCancel" });
    expect((await phone(`orders/${order.orderRef}/identify`, { personalNumber: ANNA })).status).toBe(409);
  });

  it("cancelled when the relying party cancels; a second cancel is invalidParameters", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await client.cancel(order.orderRef);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode: "cancelled" });
    expect(await failure(client.cancel(order.orderRef))).toMatchObject({ errorCode: "invalidParameters", httpStatus: 400 });
    expect((await phone("find", { autoStartToken: order.autoStartToken })).status).toBe(409);
  });

  it("a finished order cannot be cancelled", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone(`orders/${order.orderRef}/identify`, { personalNumber: ANNA });
    expect(await failure(client.cancel(order.orderRef))).toMatchObject({ errorCode: "invalidParameters", httpStatus: 400 });
    expect((await client.collect(order.orderRef)).status).toBe("complete");
  });

  it("startFailed when no phone opens the order within qrScanTimeoutMs", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    clock += 29_999;
    expect((await client.collect(order.orderRef)).hintCode).toBe("outstandingTransaction");
    clock += 1;
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode: "startFailed" });
    expect((await phone("find", { qrContent: qrContent(order.qrStartToken, order.qrStartSecret, 30) })).status).toBe(409);
  });

  it("follows its timing options", async () => {
    sim = createBankIdSimulator({ now: () => clock, qrScanTimeoutMs: 5_000, userTimeoutMs: 10_000, completedRetentionMs: 20_000 });
    client = createBankIdClient({ baseUrl: `${ORIGIN}/rp/v6.0/`, fetchImpl: (url, init) => sim.handleRpRequest(new Request(url, init)) });
    const unscanned = await client.auth({ endUserIp: "192.0.2.10" });
    const opened = await client.auth({ endUserIp: "192.0.2.10" });
    await phone(`orders/${opened.orderRef}/open`, {});
    clock += 5_000;
    expect((await client.collect(unscanned.orderRef)).hintCode).toBe("startFailed");
    expect((await client.collect(opened.orderRef)).hintCode).toBe("started");
    clock += 5_000;
    expect((await client.collect(opened.orderRef)).hintCode).toBe("expiredTransaction");
    clock += 20_000;
    expect((await failure(client.collect(opened.orderRef))).errorCode).toBe("notFound");
  });

  it("only accepts a QR code of the last few seconds, with the right code", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    clock += 20_000;
    expect((await phone("find", { qrContent: qrContent(order.qrStartToken, order.qrStartSecret, 3) })).status).toBe(404);
    expect((await phone("find", { qrContent: qrContent(order.qrStartToken, "another-secret", 20) })).status).toBe(404);
    expect((await phone("find", { qrContent: "bankid.nonsense" })).status).toBe(404);
    expect((await phone("find", { qrContent: qrContent(order.qrStartToken, order.qrStartSecret, 19) })).status).toBe(200);
    // Once scanned, the 30-second limit no longer applies.
    clock += 60_000;
    expect((await client.collect(order.orderRef)).hintCode).toBe("started");
  });

  it("expiredTransaction when an opened order is not finished within userTimeoutMs", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("find", { autoStartToken: order.autoStartToken });
    await phone(`orders/${order.orderRef}/choose`, { personalNumber: ANNA });
    clock += 179_999;
    expect((await client.collect(order.orderRef)).hintCode).toBe("userSign");
    clock += 1;
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode: "expiredTransaction" });
    expect((await phone(`orders/${order.orderRef}/identify`, {})).status).toBe(409);
  });

  it("keeps a finished order for completedRetentionMs, then forgets it (notFound)", async () => {
    const uncollected = await client.auth({ endUserIp: "192.0.2.10" });
    const collected = await client.auth({ endUserIp: "192.0.2.10" });
    await phone(`orders/${uncollected.orderRef}/identify`, { personalNumber: ANNA });
    await phone(`orders/${collected.orderRef}/identify`, { personalNumber: ERIK });
    await client.collect(collected.orderRef);
    clock += 299_999;
    expect((await failure(client.collect(collected.orderRef))).errorCode).toBe("invalidParameters");
    expect((await phone(`orders/${uncollected.orderRef}`)).body.status).toBe("complete");
    clock += 1;
    expect(await failure(client.collect(uncollected.orderRef))).toMatchObject({ errorCode: "notFound", httpStatus: 404 });
    expect((await failure(client.collect(collected.orderRef))).errorCode).toBe("notFound");
    expect((await phone(`orders/${uncollected.orderRef}`)).status).toBe(404);
  });

  it("notFound for an order it never made", async () => {
    expect(await failure(client.collect("3ff5a3b8-2a2a-4a4a-8b8b-0123456789ab"))).toMatchObject({ errorCode: "notFound", httpStatus: 404 });
    expect(await failure(client.cancel("3ff5a3b8-2a2a-4a4a-8b8b-0123456789ab"))).toMatchObject({ errorCode: "notFound", httpStatus: 404 });
  });
});

describe("BankID simulator: one order per person at a time", () => {
  it("a second order for a personal number cancels both and answers alreadyInProgress", async () => {
    const first = await client.auth({ endUserIp: "192.0.2.10", requirement: { personalNumber: ANNA } });
    expect(await failure(client.sign({ endUserIp: "192.0.2.11", userVisibleData: "x", requirement: { personalNumber: ANNA } }))).toMatchObject({
      errorCode: "alreadyInProgress",
      httpStatus: 400,
    });
    expect(await client.collect(first.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });
    expect(sim.store.orders.size).toBe(1);
    // With nothing in progress any more, a new order goes through.
    expect((await client.auth({ endUserIp: "192.0.2.10", requirement: { personalNumber: ANNA } })).orderRef).toMatch(UUID);
  });

  it("the same when the phone binds a second order to a person with one in progress", async () => {
    const first = await client.auth({ endUserIp: "192.0.2.10" });
    const second = await client.auth({ endUserIp: "192.0.2.10" });
    expect((await phone(`orders/${first.orderRef}/choose`, { personalNumber: ERIK })).status).toBe(200);
    expect(await phone(`orders/${second.orderRef}/choose`, { personalNumber: ERIK })).toMatchObject({ status: 409, body: { error: "alreadyInProgress" } });
    expect(await client.collect(first.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });
    expect(await client.collect(second.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });

    // And a relying party's order for someone the phone is busy with.
    const third = await client.auth({ endUserIp: "192.0.2.10" });
    await phone(`orders/${third.orderRef}/choose`, { personalNumber: ANNA });
    expect((await failure(client.auth({ endUserIp: "192.0.2.10", requirement: { personalNumber: ANNA } }))).errorCode).toBe("alreadyInProgress");
    expect(await client.collect(third.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });
  });

  it("an order for one personal number cannot be completed by another person", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10", requirement: { personalNumber: ANNA } });
    expect(await phone(`orders/${order.orderRef}/identify`, { personalNumber: ERIK })).toMatchObject({ status: 409, body: { error: "wrongPerson" } });
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    expect((await phone(`orders/${order.orderRef}`)).body.requiredPersonalNumber).toBe(ANNA);
  });
});

describe("BankID simulator: every hint code reaches the relying party", () => {
  it.each([...PENDING_HINT_CODES.filter((c) => c !== "outstandingTransaction"), "someFuturePendingCode"])("pending %s", async (hintCode) => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    expect((await phone(`orders/${order.orderRef}/hint`, { hintCode })).status).toBe(200);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "pending", hintCode });
  });

  it.each([...FAILED_HINT_CODES, "someFutureFailure"])("failed %s", async (hintCode) => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    expect((await phone(`orders/${order.orderRef}/fail`, { hintCode })).status).toBe(200);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode });
  });
});

describe("BankID simulator: errors on the wire", () => {
  it.each<[string, string, Record<string, unknown>, RegExp]>([
    ["auth", "missing endUserIp", {}, /endUserIp is required/],
    ["auth", "endUserIp not an IP", { endUserIp: "localhost" }, /endUserIp is not a valid/],
    ["auth", "endUserIp with a port", { endUserIp: "192.0.2.1:443" }, /endUserIp is not a valid/],
    ["sign", "no userVisibleData", { endUserIp: "192.0.2.1" }, /userVisibleData is required for sign/],
    ["sign", "userVisibleData not Base64", { endUserIp: "192.0.2.1", userVisibleData: "inte base64!" }, /userVisibleData must be Base64/],
    ["sign", "userVisibleData empty", { endUserIp: "192.0.2.1", userVisibleData: "" }, /userVisibleData must be Base64/],
    ["sign", "userVisibleData not UTF-8", { endUserIp: "192.0.2.1", userVisibleData: Buffer.from([0xff, 0xfe, 0xfd]).toString("base64") }, /not Base64-encoded UTF-8/],
    ["auth", "userVisibleData too long", { endUserIp: "192.0.2.1", userVisibleData: "QUFB".repeat(10_001) }, /userVisibleData must be Base64/],
    ["auth", "userNonVisibleData not Base64", { endUserIp: "192.0.2.1", userNonVisibleData: "%%%" }, /userNonVisibleData/],
    ["auth", "an unknown userVisibleDataFormat", { endUserIp: "192.0.2.1", userVisibleData: b64("x"), userVisibleDataFormat: "html" }, /simpleMarkdownV1/],
    ["auth", "personalNumber of 10 digits", { endUserIp: "192.0.2.1", requirement: { personalNumber: "9003142388" } }, /12 digits/],
    ["auth", "personalNumber with a bad check digit", { endUserIp: "192.0.2.1", requirement: { personalNumber: "199003142389" } }, /not a valid personal identity number/],
    ["auth", "a bad cardReader", { endUserIp: "192.0.2.1", requirement: { cardReader: "class9" } }, /requirement.cardReader/],
    ["auth", "returnUrl not a URL", { endUserIp: "192.0.2.1", returnUrl: "kvitt" }, /returnUrl/],
    ["collect", "no orderRef", {}, /orderRef is required/],
    ["cancel", "orderRef not a string", { orderRef: 42 }, /orderRef is required/],
  ])("%s with %s → 400 invalidParameters with a sentence", async (method, _, body, details) => {
    const res = await rp(method, body);
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe("invalidParameters");
    expect(res.body.details).toMatch(details);
    expect(sim.store.orders.size).toBe(0);
  });

  it("400 for a body that is not a JSON object", async () => {
    expect(await rp("auth", "{not json")).toMatchObject({ status: 400, body: { errorCode: "invalidParameters" } });
    expect(await rp("auth", "[1,2]")).toMatchObject({ status: 400, body: { errorCode: "invalidParameters" } });
    expect(await rp("auth", "null")).toMatchObject({ status: 400, body: { errorCode: "invalidParameters" } });
  });

  it("405 methodNotAllowed for anything but POST, 415 for another content type, 404 for another path", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const res = await sim.handleRpRequest(new Request(`${ORIGIN}/rp/v6.0/collect`, { method, ...(method === "GET" ? {} : { body: "{}" }) }));
      expect(res.status).toBe(405);
      expect(await res.json()).toMatchObject({ errorCode: "methodNotAllowed" });
    }
    expect(await rp("auth", "{}", { headers: { "Content-Type": "text/plain" } })).toMatchObject({ status: 415, body: { errorCode: "unsupportedMediaType" } });
    expect(await rp("auth", "{}", { headers: { "Content-Type": "application/x-www-form-urlencoded" } })).toMatchObject({ status: 415 });
    const charset = await rp("auth", { endUserIp: "192.0.2.1" }, { headers: { "Content-Type": "application/json; charset=UTF-8" } });
    expect(charset.status).toBe(200);
    for (const path of ["/rp/v6.0/verify", "/rp/v5.1/auth", "/rp/v6.0/", "/anything"]) {
      const res = await sim.handleRpRequest(new Request(`${ORIGIN}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }));
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ errorCode: "notFound" });
    }
  });

  it.each(Object.entries(ERROR_HTTP_STATUS))("a fault set through the control API: %s (HTTP %i)", async (errorCode, httpStatus) => {
    expect((await phone("fault", { errorCode, count: 1 })).status).toBe(200);
    expect(await failure(createBankIdClient({ baseUrl: `${ORIGIN}/rp/v6.0/`, fetchImpl: (u, i) => sim.handleRpRequest(new Request(u, i)), retries: 0 }).collect("x"))).toMatchObject({
      errorCode,
      httpStatus,
    });
    // The fault is used up: the next call is answered normally.
    expect((await failure(client.collect("x"))).errorCode).toBe("notFound");
  });

  it("faults can be unknown codes, limited to some methods, counted, late, and cleared", async () => {
    await phone("fault", { errorCode: "somethingNew", httpStatus: 422, count: 2, methods: ["auth"] });
    expect((await failure(client.collect("x"))).errorCode).toBe("notFound");
    expect(await failure(client.auth({ endUserIp: "192.0.2.1" }))).toMatchObject({ errorCode: "somethingNew", httpStatus: 422 });
    expect((await failure(client.auth({ endUserIp: "192.0.2.1" }))).errorCode).toBe("somethingNew");
    expect((await client.auth({ endUserIp: "192.0.2.1" })).orderRef).toMatch(UUID);

    await phone("fault", { errorCode: "maintenance", count: 5 });
    expect(await phone("fault", { errorCode: null })).toMatchObject({ status: 200, body: { fault: null } });
    expect((await client.auth({ endUserIp: "192.0.2.1" })).orderRef).toMatch(UUID);

    await phone("fault", { delayMs: 30, count: 1 });
    const started = Date.now();
    await client.auth({ endUserIp: "192.0.2.1" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect((await phone("fault", { errorCode: 5 })).status).toBe(400);
  });

  it("lets collect ride out a short maintenance window, but never repeats auth", async () => {
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    await phone("fault", { errorCode: "maintenance", count: 2 });
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    await phone("fault", { errorCode: "internalError", count: 1 });
    const before = sim.store.calls.filter((c) => c.method === "auth").length;
    expect((await failure(client.auth({ endUserIp: "192.0.2.10" }))).errorCode).toBe("internalError");
    expect(sim.store.calls.filter((c) => c.method === "auth").length - before).toBe(1);
  });
});

describe("BankID simulator: control API", () => {
  it("lists only pending orders, newest first, and shows any order by reference", async () => {
    const a = await client.auth({ endUserIp: "192.0.2.10" });
    clock += 1_000;
    const b = await client.sign({ endUserIp: "192.0.2.10", userVisibleData: "Godkänn" });
    clock += 1_000;
    const c = await client.auth({ endUserIp: "192.0.2.10" });
    await client.cancel(c.orderRef);
    const list = (await phone("orders")).body.orders as { orderRef: string; type: string; userVisibleData: string | null }[];
    expect(list.map((o) => [o.orderRef, o.type, o.userVisibleData])).toEqual([
      [b.orderRef, "sign", "Godkänn"],
      [a.orderRef, "auth", null],
    ]);
    expect((await phone(`orders/${c.orderRef}`)).body).toMatchObject({ status: "failed", hintCode: "cancelled" });
  });

  it("answers unknown routes, orders and bodies plainly", async () => {
    expect((await phone("orders/nope")).status).toBe(404);
    expect((await phone("orders/nope/identify", { personalNumber: ANNA })).status).toBe(404);
    expect((await phone("nothing-here", {})).status).toBe(404);
    const order = await client.auth({ endUserIp: "192.0.2.10" });
    expect((await phone(`orders/${order.orderRef}/dance`, {})).status).toBe(404);
    expect((await phone(`orders/${order.orderRef}/hint`, { hintCode: "not a code" })).status).toBe(400);
    const bad = await sim.handleControlRequest(new Request(`${ORIGIN}/control/find`, { method: "POST", body: "{" }));
    expect(bad.status).toBe(400);
    // A body without a content type is read all the same.
    const plain = await sim.handleControlRequest(new Request(`${ORIGIN}/control/orders/${order.orderRef}/identify`, { method: "POST", body: JSON.stringify({ personalNumber: ANNA }) }));
    expect(plain.status).toBe(200);
  });

  it("resets", async () => {
    await client.auth({ endUserIp: "192.0.2.10" });
    await phone("fault", { errorCode: "maintenance", count: 3 });
    expect((await phone("reset", {})).status).toBe(200);
    expect(sim.store.orders.size).toBe(0);
    expect(sim.store.fault).toBeNull();
  });

  it("keeps one state for the running app across module reloads, on globalThis", async () => {
    const a = bankIdSimulator();
    const b = bankIdSimulator();
    expect(a.store).toBe(b.store);
    expect((globalThis as { __kvittBankIdSim?: unknown }).__kvittBankIdSim).toBe(a.store);
    const res = await a.handleRpRequest(new Request(`${ORIGIN}/rp/v6.0/auth`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ endUserIp: "192.0.2.1" }) }));
    const { orderRef } = (await res.json()) as { orderRef: string };
    expect(b.store.orders.has(orderRef)).toBe(true);
    // A fresh simulator for a test shares nothing with it.
    expect(createBankIdSimulator().store).not.toBe(a.store);
    await a.handleControlRequest(new Request(`${ORIGIN}/control/reset`, { method: "POST" }));
  });
});
