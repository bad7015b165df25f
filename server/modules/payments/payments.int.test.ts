import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { cases, outbox, paymentAllocations, paymentRequests, payments } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createSwishClient } from "../../integrations/swish/client";
import { createTestDb } from "../../testing/db";
import { demoIds, paymentWorld } from "../../testing/payments";
import { createCaller } from "../../api/root";
import { debtorViewer, testContext } from "../../testing/context";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { reconcileOpenRequests, settleRequest } from "./settle-request";
import { startPayment } from "./start-payment";
import { handleCardWebhook, handleSwishCallback } from "./webhooks";

const TODAY = "2026-11-24";
const now = () => new Date(`${TODAY}T10:00:00Z`);

let handle: DbHandle;
let world: Awaited<ReturnType<typeof paymentWorld>>;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
  world = await paymentWorld(handle.db, now);
});
afterAll(async () => {
  await world.close();
  await handle.close();
});

const left = async (key: string, caseId: string) => {
  const [ledger] = await loadDebtorLedgers(handle.db, { debtorId: ids[key]!.debtorId, caseId, asOf: TODAY });
  return ledger!.balance.leftOre;
};
const requestRow = async (id: string) => (await handle.db.select().from(paymentRequests).where(eq(paymentRequests.id, id)))[0]!;
const bookedFor = (requestId: string) => handle.db.select().from(payments).where(eq(payments.requestId, requestId));

async function swishFor(requestId: string) {
  const row = await requestRow(requestId);
  const found = await world.swish("find", { token: row.token });
  expect(found.status).toBe(200);
  return found.body.id as string;
}

describe("Swish, through the simulator and back", () => {
  it("pays a case in full: one payment booked per case, the case paid, its reminders stopped", async () => {
    const { debtorId, caseIds } = ids.anna!;
    await handle.db.insert(outbox).values({ debtorId, caseId: caseIds[0]!, channel: "sms", kind: "pre_due_reminder", payload: { when: "before" }, dedupeKey: "test-anna-reminder", scheduledFor: new Date("2026-12-01T08:00:00Z") });
    const owed = await left("anna", caseIds[0]!);
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: null, method: "swish", locale: "sv", now: now() });
    expect(started.amountOre).toBe(owed);
    expect(started.swishToken).toBeTruthy();

    await world.swish(`payments/${await swishFor(started.requestId)}/pay`, {});
    await world.settle();

    expect((await requestRow(started.requestId)).status).toBe("paid");
    const booked = await bookedFor(started.requestId);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ caseId: caseIds[0], amountOre: owed, status: "booked", overpaymentOre: 0, method: "swish" });
    expect(await left("anna", caseIds[0]!)).toBe(0);
    const [c] = await handle.db.select().from(cases).where(eq(cases.id, caseIds[0]!));
    expect(c!.status).toBe("paid");
    const [reminder] = await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, "test-anna-reminder"));
    expect(reminder!.status).toBe("cancelled");
  });

  it("records a declined, a cancelled and a failed request, and books nothing for them", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const start = () => startPayment(handle.db, world.deps, { debtorId, caseIds: [caseIds[0]!], amountOre: 20_000, method: "swish", locale: "sv", now: now() });

    const declined = await start();
    await world.swish(`payments/${await swishFor(declined.requestId)}/decline`, {});
    const cancelled = await start();
    await world.deps.swish.cancelPaymentRequest(await swishFor(cancelled.requestId));
    const failed = await start();
    await world.swish(`payments/${await swishFor(failed.requestId)}/error`, { errorCode: "BANKIDCL" });
    await world.settle();
    // Cancelling sends no callback: the reconciler finds it.
    await reconcileOpenRequests(handle.db, world.deps, new Date(Date.now() + 120_000));

    expect((await requestRow(declined.requestId)).status).toBe("declined");
    expect((await requestRow(cancelled.requestId)).status).toBe("cancelled");
    expect(await requestRow(failed.requestId)).toMatchObject({ status: "error", errorCode: "BANKIDCL" });
    for (const r of [declined, cancelled, failed]) expect(await bookedFor(r.requestId)).toHaveLength(0);
  });

  it("takes duplicate, late and out-of-order callbacks in its stride", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const before = await left("erik", caseIds[1]!);
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds: [caseIds[1]!], amountOre: 50_000, method: "swish", locale: "sv", now: now() });
    const swishId = await swishFor(started.requestId);
    await world.swish(`payments/${swishId}/pay`, { callback: { times: 4, delayMs: 0 } });
    await world.settle();
    // The CREATED state arriving after PAID must not reopen anything; PAID again must not book again.
    await world.swish(`payments/${swishId}/callbacks`, { status: "CREATED", times: 2 });
    await world.swish(`payments/${swishId}/callbacks`, { status: "PAID", times: 3 });
    await world.settle();

    const callbacks = (await world.swish("callbacks")).body.callbacks as { id: string; httpStatus: number }[];
    expect(callbacks.filter((c) => c.id === swishId).length).toBeGreaterThanOrEqual(9);
    expect(callbacks.filter((c) => c.id === swishId).every((c) => c.httpStatus === 200)).toBe(true);
    expect(await bookedFor(started.requestId)).toHaveLength(1);
    expect(await left("erik", caseIds[1]!)).toBe(before - 50_000);
  });

  it("books one payment when the same callback arrives twenty times at once", async () => {
    const { debtorId, caseIds } = ids.erik!;
    const before = await left("erik", caseIds[2]!);
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds: [caseIds[2]!], amountOre: 30_000, method: "swish", locale: "sv", now: now() });
    const swishId = await swishFor(started.requestId);
    const paid = await world.swish(`payments/${swishId}/pay`, { callback: { times: 0, delayMs: 0 } });
    // The callback Swish would have sent: the paid payment object.
    const answers = await Promise.all(Array.from({ length: 20 }, () => handleSwishCallback(handle.db, world.deps, paid.body, now())));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await bookedFor(started.requestId)).toHaveLength(1);
    expect(await left("erik", caseIds[2]!)).toBe(before - 30_000);
  });

  it("believes Swish, not the callback: a forged PAID changes nothing", async () => {
    const { debtorId, caseIds } = ids.sara!;
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds: [caseIds[0]!], amountOre: 20_000, method: "swish", locale: "sv", now: now() });
    const swishId = await swishFor(started.requestId);
    const forged = { id: swishId, status: "PAID", amount: 200, currency: "SEK", paymentReference: "FORGED", payeeAlias: "1231181189" };
    expect((await handleSwishCallback(handle.db, world.deps, forged, now())).status).toBe(200);
    expect((await requestRow(started.requestId)).status).toBe("created");
    expect(await bookedFor(started.requestId)).toHaveLength(0);
    expect((await handleSwishCallback(handle.db, world.deps, { nonsense: true }, now())).status).toBe(400);
  });

  it("finds a payment whose callback never came", async () => {
    const { debtorId, caseIds } = ids.sara!;
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds: [caseIds[1]!], amountOre: 15_000, method: "swish", locale: "sv", now: now() });
    await world.swish(`payments/${await swishFor(started.requestId)}/pay`, { callback: { times: 0, delayMs: 0 } });
    expect(await reconcileOpenRequests(handle.db, world.deps, new Date(), 60_000)).toBe(0);
    expect(await reconcileOpenRequests(handle.db, world.deps, new Date(Date.now() + 120_000), 60_000)).toBeGreaterThanOrEqual(1);
    expect((await requestRow(started.requestId)).status).toBe("paid");
    expect(await bookedFor(started.requestId)).toHaveLength(1);
  });

  it("says so plainly when Swish cannot be reached, and books nothing", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const offline = { ...world.deps, swish: createSwishClient({ baseUrl: "http://127.0.0.1:9/swish-cpcapi/", retries: 0, timeoutMs: 500 }) };
    await expect(startPayment(handle.db, offline, { debtorId, caseIds, amountOre: 20_000, method: "swish", locale: "sv", now: now() })).rejects.toMatchObject({ code: "payment_provider_unavailable" });
    const rows = await handle.db.select().from(paymentRequests).where(and(eq(paymentRequests.debtorId, debtorId), eq(paymentRequests.status, "error")));
    expect(rows).toHaveLength(1);
  });

  it("refuses an amount below the minimum or above the balance, and another person's case", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const owed = await left("mohammed", caseIds[0]!);
    await expect(startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 99_99, method: "swish", locale: "sv", now: now() })).rejects.toMatchObject({ code: "amount_below_minimum" });
    await expect(startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: owed + 1, method: "card", locale: "sv", now: now() })).rejects.toMatchObject({ code: "amount_above_balance" });
    await expect(startPayment(handle.db, world.deps, { debtorId, caseIds: ids.lena!.caseIds, amountOre: null, method: "swish", locale: "sv", now: now() })).rejects.toMatchObject({ code: "case_not_found" });
  });
});

describe("card, through Stripe's SDK, the simulator and a signed webhook", () => {
  it("pays part of a case: fees first, then interest, then principal; the balance falls by exactly that much", async () => {
    const { debtorId, caseIds } = ids.johan!;
    const before = await left("johan", caseIds[0]!);
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 25_000, method: "card", locale: "en", now: now() });
    expect(started.payUrl).toMatch(/\/sim\/card\/checkout\/cs_/);
    const sessionId = (await requestRow(started.requestId)).externalId;
    const done = await world.card(`sessions/${sessionId}/complete`, {});
    expect(done.body.redirectUrl).toBe(`${world.deps.baseUrl}/payments/${started.requestId}?session=${sessionId}`);
    await world.settle();

    expect((await requestRow(started.requestId)).status).toBe("paid");
    const [payment] = await bookedFor(started.requestId);
    expect(payment).toMatchObject({ method: "card", amountOre: 25_000, status: "booked" });
    const parts = await handle.db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, payment!.id));
    expect(parts.reduce((s, p) => s + p.amountOre, 0)).toBe(25_000);
    expect(parts.map((p) => p.component)).toEqual([...parts.map((p) => p.component)].sort((a, b) => ["fee", "interest", "principal"].indexOf(a) - ["fee", "interest", "principal"].indexOf(b)));
    expect(parts[0]!.component).toBe("fee");
    expect(await left("johan", caseIds[0]!)).toBe(before - 25_000);
  });

  it("records a failed card payment and an abandoned checkout without booking", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const failed = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 20_000, method: "card", locale: "sv", now: now() });
    await world.card(`sessions/${(await requestRow(failed.requestId)).externalId}/fail`, {});
    const expired = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 20_000, method: "card", locale: "sv", now: now() });
    await world.card(`sessions/${(await requestRow(expired.requestId)).externalId}/expire`, {});
    await world.settle();
    expect(await requestRow(failed.requestId)).toMatchObject({ status: "error", errorCode: "async_payment_failed" });
    expect((await requestRow(expired.requestId)).status).toBe("cancelled");
    expect(await bookedFor(failed.requestId)).toHaveLength(0);
    expect(await bookedFor(expired.requestId)).toHaveLength(0);
  });

  it("rejects a forged webhook and books nothing from it", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 20_000, method: "card", locale: "sv", now: now() });
    const sessionId = (await requestRow(started.requestId)).externalId;
    const rawBody = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: { id: sessionId, payment_status: "paid" } } });
    const t = Math.floor(Date.now() / 1000);
    for (const signature of [null, `t=${t},v1=${"0".repeat(64)}`, "garbage"]) {
      const answer = await handleCardWebhook(handle.db, world.deps, { rawBody, signature, secret: "whsec_kvitt_payments_test", now: now() });
      expect(answer.status).toBe(400);
    }
    expect((await requestRow(started.requestId)).status).toBe("created");
    expect(await bookedFor(started.requestId)).toHaveLength(0);
  });

  it("settles a paid request exactly once even when told twice by different routes", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 20_000, method: "card", locale: "sv", now: now() });
    const sessionId = (await requestRow(started.requestId)).externalId;
    await world.card(`sessions/${sessionId}/complete`, { webhook: { times: 3, delayMs: 0 } });
    const observed = { status: "paid" as const, amountOre: 20_000, externalReference: "pi_direct", paidAt: now(), errorCode: null };
    await Promise.all([world.settle(), settleRequest(handle.db, { method: "card", externalId: sessionId }, observed, now())]);
    expect(await bookedFor(started.requestId)).toHaveLength(1);
  });
});

describe("debtor.payments, through the router", () => {
  it("starts a payment for the signed-in debtor and shows it, its receipt and nobody else's", async () => {
    const { debtorId, caseIds } = ids.sara!;
    const as = (id: string) => createCaller(testContext(handle.db, debtorViewer(id), { now: now(), payments: world.deps }));
    const options = await as(debtorId).debtor.payments.options({});
    expect(options.cases.map((c) => c.id).sort()).toEqual([...caseIds].filter((id) => options.cases.some((c) => c.id === id)).sort());
    const started = await as(debtorId).debtor.payments.start({ caseIds: [caseIds[0]!], amountOre: 10_000, method: "swish" });
    await world.swish(`payments/${await swishFor(started.requestId)}/pay`, {});
    await world.settle();
    const request = await as(debtorId).debtor.payments.get({ requestId: started.requestId });
    expect(request.status).toBe("paid");
    const receipt = await as(debtorId).debtor.payments.receipt({ paymentId: request.payments[0]!.id });
    expect(receipt).toMatchObject({ amountOre: 10_000, method: "swish" });
    expect(receipt.feesOre + receipt.interestOre + receipt.principalOre + receipt.overpaymentOre).toBe(10_000);

    const other = ids.erik!.debtorId;
    await expect(as(other).debtor.payments.get({ requestId: started.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(other).debtor.payments.receipt({ paymentId: request.payments[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(other).debtor.payments.start({ caseIds: [caseIds[0]!], amountOre: null, method: "card" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(other).debtor.payments.options({ caseId: caseIds[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const crossSite = createCaller(testContext(handle.db, debtorViewer(debtorId), { sameOrigin: false, payments: world.deps }));
    await expect(crossSite.debtor.payments.start({ caseIds: [caseIds[0]!], amountOre: null, method: "swish" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the ledger's own keys", () => {
  it("refuses an allocation that names a case other than its payment's", async () => {
    const [anna, erik] = [ids.anna!.caseIds[0]!, ids.erik!.caseIds[0]!];
    const [p] = await handle.db.insert(payments).values({ caseId: anna, method: "manual", amountOre: 100, idempotencyKey: "test:keys", bookedOn: TODAY }).returning();
    const elsewhere = handle.db.insert(paymentAllocations).values({ paymentId: p!.id, caseId: erik, component: "principal", amountOre: 100, bookedOn: TODAY });
    await expect(elsewhere).rejects.toMatchObject({ cause: expect.objectContaining({ code: "23503" }) });
    // On its own case it is taken.
    await handle.db.insert(paymentAllocations).values({ paymentId: p!.id, caseId: anna, component: "principal", amountOre: 100, bookedOn: TODAY });
    expect(await handle.db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, p!.id))).toHaveLength(1);
  });
});
