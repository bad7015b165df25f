import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { auditEvents, sessions } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createBankIdClient, type BankIdClient } from "../../integrations/bankid/client";
import { serveFetchHandler } from "../../integrations/serve-fetch-handler";
import { createBankIdSimulator } from "../../integrations/bankid/simulator";
import { createTestDb } from "../../testing/db";
import { resolveSession } from "../sessions/sessions";
import { consumeRateLimit } from "../rate-limit/consume";
import { completeBankIdSignIn } from "./complete-sign-in";
import { cancelBankIdOrder, pollBankIdOrder } from "./poll-order";
import { startBankIdOrder } from "./start-order";

const sim = createBankIdSimulator();
let handle: DbHandle;
let client: BankIdClient;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;
const limits = { perIp: 100, perBrowser: 100, windowSeconds: 600 };

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  server = await serveFetchHandler((r) => (new URL(r.url).pathname.includes("/control") ? sim.handleControlRequest(r) : sim.handleRpRequest(r)));
  client = createBankIdClient({ baseUrl: `${server.url}/rp/v6.0/` });
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

async function identify(orderRef: string, personalNumber: string) {
  await sim.handleControlRequest(new Request(`http://sim/control/orders/${orderRef}/identify`, { method: "POST", body: JSON.stringify({ personalNumber }) }));
}

async function signInAs(personalNumber: string, purpose: "debtor" | "staff", binding = `browser-${Math.random()}`) {
  const t0 = new Date();
  const { orderId } = await startBankIdOrder(handle.db, client, { kind: "auth", purpose, binding, ip: "192.0.2.7", sameDevice: false, now: t0, limits });
  const first = await pollBankIdOrder(handle.db, client, { orderId, binding, now: t0 });
  expect(first).toMatchObject({ status: "pending", hintCode: "outstandingTransaction", rfa: "RFA1" });
  expect(first.qr).toMatch(/^bankid\.[0-9a-f-]{36}\.0\.[0-9a-f]{64}$/);
  const [order] = await handle.db.execute(sql`select order_ref from bankid_orders where id = ${orderId}`).then((r) => (r as unknown as { rows: { order_ref: string }[] }).rows);
  await identify(order!.order_ref, personalNumber);
  const done = await pollBankIdOrder(handle.db, client, { orderId, binding, now: new Date(t0.getTime() + 2000) });
  expect(done.status).toBe("complete");
  return { orderId, binding, result: await completeBankIdSignIn(handle.db, { orderId, purpose, binding, now: new Date() }) };
}

describe("BankID sign-in", () => {
  it("matches a debtor by personal number and makes a session, never storing the number in clear", async () => {
    const { result } = await signInAs("199003142388", "debtor");
    expect(result.ok).toBe(true);
    const session = await resolveSession(handle.db, (result as { sessionId: string }).sessionId, new Date(), 15);
    expect(session).toMatchObject({ kind: "debtor", displayName: "Anna" });
    expect(session!.subjectId).toBeTruthy();
    const stored = JSON.stringify(await handle.db.execute(sql`select * from bankid_orders`));
    expect(stored).not.toContain("199003142388");
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "debtor.sign_in"));
    expect(audit.length).toBeGreaterThan(0);
  });

  it("lets a person with no cases in, to a kind page (no debtor id)", async () => {
    const { result } = await signInAs("198802015126", "debtor");
    const session = await resolveSession(handle.db, (result as { sessionId: string }).sessionId, new Date(), 15);
    expect(session).toMatchObject({ kind: "debtor", subjectId: null });
  });

  it("uses an order once, and only from the browser that started it", async () => {
    const { orderId, binding, result } = await signInAs("198511224571", "debtor");
    expect(result.ok).toBe(true);
    expect(await completeBankIdSignIn(handle.db, { orderId, purpose: "debtor", binding, now: new Date() })).toEqual({ ok: false, reason: "not_found" });
    const t0 = new Date();
    const other = await startBankIdOrder(handle.db, client, { kind: "auth", purpose: "debtor", binding: "mine", ip: "192.0.2.7", sameDevice: true, now: t0, limits });
    await expect(pollBankIdOrder(handle.db, client, { orderId: other.orderId, binding: "someone-else", now: t0 })).rejects.toMatchObject({ code: "bankid_order_not_found" });
    expect(await completeBankIdSignIn(handle.db, { orderId: other.orderId, purpose: "debtor", binding: "mine", now: t0 })).toEqual({ ok: false, reason: "not_complete" });
  });

  it("signs staff in with their role, and refuses a person who is not staff", async () => {
    const agent = await signInAs("197508083354", "staff");
    const session = await resolveSession(handle.db, (agent.result as { sessionId: string }).sessionId, new Date(), 15);
    expect(session).toMatchObject({ kind: "staff", displayName: "Maria Svensson" });
    const refused = await signInAs("199003142388", "staff");
    expect(refused.result).toEqual({ ok: false, reason: "not_staff" });
  });

  it("reports cancel and collects no more than every two seconds", async () => {
    const t0 = new Date();
    const { orderId } = await startBankIdOrder(handle.db, client, { kind: "auth", purpose: "debtor", binding: "b", ip: "192.0.2.7", sameDevice: true, now: t0, limits });
    await pollBankIdOrder(handle.db, client, { orderId, binding: "b", now: t0 });
    await pollBankIdOrder(handle.db, client, { orderId, binding: "b", now: new Date(t0.getTime() + 1000) });
    const [row] = await handle.db.execute(sql`select collect_count from bankid_orders where id = ${orderId}`).then((r) => (r as unknown as { rows: { collect_count: number }[] }).rows);
    expect(row!.collect_count).toBe(1);
    await cancelBankIdOrder(handle.db, client, { orderId, binding: "b", now: t0 });
    const after = await pollBankIdOrder(handle.db, client, { orderId, binding: "b", now: new Date(t0.getTime() + 5000) });
    expect(after).toMatchObject({ status: "failed", rfa: "RFA3", qr: null });
  });

  it("rate-limits starting orders per IP and per browser", async () => {
    const tight = { perIp: 3, perBrowser: 2, windowSeconds: 600 };
    const now = new Date("2026-11-22T12:00:00Z");
    const start = (binding: string, ip: string) => startBankIdOrder(handle.db, client, { kind: "auth", purpose: "debtor", binding, ip, sameDevice: true, now, limits: tight });
    await start("x", "198.51.100.1");
    await start("x", "198.51.100.1");
    await expect(start("x", "198.51.100.1")).rejects.toMatchObject({ code: "rate_limited_bankid" });
    // Three browsers behind one address: the fourth start from that address is refused.
    for (const browser of ["y1", "y2", "y3"]) await start(browser, "198.51.100.2");
    await expect(start("y4", "198.51.100.2")).rejects.toMatchObject({ code: "rate_limited_bankid" });
    const later = await consumeRateLimit(handle.db, { key: "bankid-test", limit: 1, windowSeconds: 60, now });
    expect(later.allowed).toBe(true);
    expect((await consumeRateLimit(handle.db, { key: "bankid-test", limit: 1, windowSeconds: 60, now })).allowed).toBe(false);
    expect((await consumeRateLimit(handle.db, { key: "bankid-test", limit: 1, windowSeconds: 60, now: new Date(now.getTime() + 61_000) })).allowed).toBe(true);
  });
});

describe("signing with BankID", () => {
  it("shows the person exactly what they sign, and keeps the signature as evidence", async () => {
    const text = "Jag godkänner avbetalningsplanen: 12 betalningar om 500 kr, den 26:e varje månad.";
    const t0 = new Date();
    const { orderId } = await startBankIdOrder(handle.db, client, { kind: "sign", purpose: "plan:test", binding: "signer", ip: "192.0.2.7", sameDevice: false, now: t0, userVisibleText: text, limits });
    const [order] = await handle.db.execute(sql`select order_ref from bankid_orders where id = ${orderId}`).then((r) => (r as unknown as { rows: { order_ref: string }[] }).rows);
    const shown = await sim.handleControlRequest(new Request(`http://sim/control/orders/${order!.order_ref}`));
    expect(((await shown.json()) as { userVisibleText: string }).userVisibleText).toBe(text);
    await identify(order!.order_ref, "197809056133");
    expect((await pollBankIdOrder(handle.db, client, { orderId, binding: "signer", now: new Date(t0.getTime() + 2000) })).status).toBe("complete");
    const [row] = await handle.db.execute(sql`select user_visible_text, completion, personal_number_hash from bankid_orders where id = ${orderId}`).then(
      (r) => (r as unknown as { rows: { user_visible_text: string; completion: { signature: string; user: Record<string, string> }; personal_number_hash: string }[] }).rows,
    );
    expect(row!.user_visible_text).toBe(text);
    expect(Buffer.from(row!.completion.signature, "base64").toString()).toContain(Buffer.from(text).toString("base64"));
    expect(row!.completion.user).not.toHaveProperty("personalNumber");
    expect(row!.personal_number_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("sessions", () => {
  it("end after 15 idle minutes and at the absolute limit, and are gone after sign-out", async () => {
    const { result } = await signInAs("199504173973", "debtor");
    const id = (result as { sessionId: string }).sessionId;
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, id));
    const t0 = row!.lastSeenAt.getTime();
    expect(await resolveSession(handle.db, id, new Date(t0 + 14 * 60_000), 15)).not.toBeNull(); // and moves the idle window on
    expect(await resolveSession(handle.db, id, new Date(t0 + 28 * 60_000), 15)).not.toBeNull();
    expect(await resolveSession(handle.db, id, new Date(t0 + 44 * 60_000), 15)).toBeNull();
    expect(await handle.db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0);

    const second = await signInAs("199504173973", "debtor");
    const id2 = (second.result as { sessionId: string }).sessionId;
    const [row2] = await handle.db.select().from(sessions).where(eq(sessions.id, id2));
    let t = row2!.createdAt.getTime();
    while (t < row2!.expiresAt.getTime() - 10 * 60_000) {
      t += 10 * 60_000;
      expect(await resolveSession(handle.db, id2, new Date(t), 15)).not.toBeNull();
    }
    expect(await resolveSession(handle.db, id2, new Date(row2!.expiresAt.getTime() + 1), 15)).toBeNull();
  });
});

describe("the audit log", () => {
  it("cannot be changed or emptied", async () => {
    const failure = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);
    expect(failure(await handle.db.execute(sql`update audit_events set action = 'x'`).catch((e: unknown) => e))).toMatch(/append-only/);
    expect(failure(await handle.db.execute(sql`delete from audit_events`).catch((e: unknown) => e))).toMatch(/append-only/);
  });
});
