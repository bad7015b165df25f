import { personalNumberKeyring } from "../../security/keyring";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { debtors, kivraPaymentEvents, outbox, payments } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { stockholmTime } from "../../domain/outreach";
import { createKivraClient } from "../../integrations/kivra/client";
import { createKivraSimulator, verifyKivraSignature, type KivraSimulator } from "../../integrations/kivra/simulator";
import { serveFetchHandler } from "../../integrations/serve-fetch-handler";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { bookPayments } from "../payments/book";
import { kivraChannel, paperChannel } from "./channels";
import { recordKivraPaymentEvent } from "./kivra-payments";
import { buildPrintBatch } from "./print-batch";
import { RetryLater, sendMessage, type OutreachDeps } from "./send";

const NOW = stockholmTime("2026-12-07", 10);
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sim: KivraSimulator;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;
let printDir: string;
let deps: OutreachDeps;
const hooks: { raw: string; headers: Headers }[] = [];
let seq = 0;

const control = (p: string, body: unknown = {}) => fetch(`${server.url}/api/sim/kivra/control/${p}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-12-01");
  ids = await demoIds(handle.db);
  sim = createKivraSimulator({
    now: () => NOW.getTime(),
    fetchImpl: (async (_url: string, init: RequestInit) => {
      hooks.push({ raw: String(init.body), headers: new Headers(init.headers) });
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch,
  });
  sim.webhooks.push("http://127.0.0.1:9/api/webhooks/kivra");
  server = await serveFetchHandler((r) => (new URL(r.url).pathname.includes("/control") ? sim.handleControlRequest(r) : sim.handleApiRequest(r)));
  printDir = await mkdtemp(path.join(tmpdir(), "kvitt-print-"));
  const kivra = createKivraClient({ baseUrl: `${server.url}/api/sim/kivra/`, tokenUrl: `${server.url}/api/sim/kivra/oauth2/token`, clientId: "kvitt-demo", clientSecret: "demo-kivra-secret", tenantKey: "kvitt-demo-tenant", timeoutMs: 2000 });
  const letter = { swishPayee: "1231181189", bankgiro: "5050-1055" };
  deps = { channels: { kivra: kivraChannel(kivra, letter), paper: paperChannel(printDir, letter) }, baseUrl: "http://localhost:3000", bankgiro: "5050-1055", pnrKeys: personalNumberKeyring() };
});
afterAll(async () => {
  await server.close();
  await handle.close();
});
beforeEach(async () => {
  await control("reset");
  hooks.length = 0;
});

async function queue(key: string, kind: string, payload: Record<string, unknown> = {}) {
  const dedupeKey = `letters:${key}:${++seq}`;
  await handle.db.insert(outbox).values({ debtorId: ids[key]!.debtorId, caseId: ids[key]!.caseIds[0]!, channel: "kivra", kind, payload, dedupeKey, scheduledFor: stockholmTime("2026-12-01", 8) });
  return (await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey)))[0]!.id;
}
const row = async (id: string) => (await handle.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe("Kivra", () => {
  it("a collection letter goes as invoice.debtcollection with its PDF and payment options, after a token and a usermatch", async () => {
    const id = await queue("erik", "collection_letter");
    const outcome = await sendMessage(handle.db, deps, id, NOW);
    expect(outcome).toMatchObject({ status: "sent", channel: "kivra" });
    expect(sim.contents).toHaveLength(1);
    const c = sim.contents[0]!;
    expect(c).toMatchObject({ ssn: "198511224571", type: "invoice.debtcollection" });
    expect(c.subject).toMatch(/^Inkassokrav för /);
    const option = (c.payment!.options as Record<string, string>[])[0]!;
    expect(c.payment).toMatchObject({ payable: true, currency: "SEK", method: "1", account: "50501055", swish_alias: "1231181189" });
    expect(option).toMatchObject({ type: "SE_OCR" });
    expect(option.amount).toMatch(/^\d+\.\d{2}$/);
    const pdf = await PDFDocument.load(Buffer.from(c.parts[0]!.data, "base64"));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe(c.subject);
    expect((await row(id)).providerId).toBe(c.key);
  });

  it("a reminder goes as invoice.reminder; a person without Kivra gets paper instead", async () => {
    await handle.db.update(debtors).set({ channelOrder: ["kivra", "paper"] }).where(eq(debtors.id, ids.mohammed!.debtorId));
    await control("not-user", { ssn: "197809056133" });
    const id = await queue("mohammed", "pre_due_reminder", { when: "before", dueDate: "2026-12-10" });
    const outcome = await sendMessage(handle.db, deps, id, NOW);
    expect(outcome).toMatchObject({ status: "sent", channel: "paper" });
    expect(sim.contents).toHaveLength(0);
    expect((await row(id)).failedChannels).toEqual(["kivra"]);
    const reminder = await queue("anna", "pre_due_reminder", { when: "due", dueDate: "2026-12-07" });
    await sendMessage(handle.db, deps, reminder, NOW);
    expect(sim.contents[0]!.type).toBe("invoice.reminder");
  });

  it("Kivra down (503) is retried; a worker that died after Kivra took the letter sends the same payload, and Kivra keeps one", async () => {
    const id = await queue("johan", "collection_letter");
    await control("fault", { status: 503, count: 1 });
    await expect(sendMessage(handle.db, deps, id, NOW)).rejects.toBeInstanceOf(RetryLater);
    await control("drop-answers", { count: 1 });
    await expect(sendMessage(handle.db, deps, id, NOW)).rejects.toBeInstanceOf(RetryLater);
    expect(sim.contents).toHaveLength(1);
    const outcome = await sendMessage(handle.db, deps, id, new Date(NOW.getTime() + 60_000));
    expect(outcome).toMatchObject({ status: "sent", providerId: sim.contents[0]!.key });
    expect(sim.contents).toHaveLength(1);
  });

  it("a letter paid in the Kivra app: the signed settled webhook ties the payment booked from the bank to that letter", async () => {
    const id = await queue("sara", "collection_letter");
    await sendMessage(handle.db, deps, id, NOW);
    const key = sim.contents[0]!.key;
    expect(await control("pay", { key })).toEqual({ delivered: 1 });
    const hook = hooks[0]!;
    expect(verifyKivraSignature(hook.raw, hook.headers.get("x-kivra-timestamp"), [hook.headers.get("x-kivra-signature")!], "demo-kivra-webhook-secret", NOW.getTime())).toBe(true);
    expect(verifyKivraSignature(hook.raw.replace("settled", "failed"), hook.headers.get("x-kivra-timestamp"), [hook.headers.get("x-kivra-signature")!], "demo-kivra-webhook-secret", NOW.getTime())).toBe(false);
    expect(await recordKivraPaymentEvent(handle.db, JSON.parse(hook.raw))).toBe("recorded");
    expect(await recordKivraPaymentEvent(handle.db, JSON.parse(hook.raw))).toBe("duplicate");
    const event = JSON.parse(hook.raw) as { data: { reference: string; amount: string } };
    const amountOre = Math.round(Number(event.data.amount) * 100);
    const [booked] = await handle.db.transaction((tx) => bookPayments(tx, [{ idempotencyKey: `test-kivra-${key}`, method: "bankgiro", amountOre, bookedOn: "2026-12-08", ocrReference: event.data.reference, referenceChecked: true }], { kind: "system", id: null }));
    const [payment] = await handle.db.select().from(payments).where(eq(payments.id, booked!.paymentId));
    expect(payment).toMatchObject({ sourceOutboxId: id, sourceChannel: "kivra", attributionSource: "kivra" });
    expect((await handle.db.select().from(kivraPaymentEvents).where(eq(kivraPaymentEvents.contentKey, key)))[0]!.paymentId).toBe(payment!.id);
  });
});

describe("paper", () => {
  it("a print-ready A4 letter in the day's folder, once; the day's batch gathers them; a bank payment with its OCR is traced to it", async () => {
    await handle.db.update(debtors).set({ channelOrder: ["paper"] }).where(eq(debtors.id, ids.anna!.debtorId));
    const id = await queue("anna", "collection_letter");
    const later = new Date(NOW.getTime() + 3_600_000);
    const outcome = await sendMessage(handle.db, deps, id, later);
    expect(outcome).toMatchObject({ status: "sent", channel: "paper", providerId: `print:2026-12-07:${id}` });
    const file = path.join(printDir, "2026-12-07", `${id}.pdf`);
    const pdf = await PDFDocument.load(await readFile(file));
    const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect(Math.round(width / (72 / 25.4))).toBe(210);
    expect(Math.round(height / (72 / 25.4))).toBe(297);
    // Retried after a crash: the letter is found in the folder and not made again.
    await handle.db.update(outbox).set({ status: "sending" }).where(eq(outbox.id, id));
    expect(await sendMessage(handle.db, deps, id, later)).toMatchObject({ status: "sent", reused: true });
    const letters = await readdir(path.join(printDir, "2026-12-07"));
    expect(letters.filter((n) => n === `${id}.pdf`)).toHaveLength(1);
    const batch = await buildPrintBatch(printDir, "2026-12-07");
    expect(batch).toMatchObject({ letters: letters.length });
    expect((await readFile(path.join(printDir, "batch-2026-12-07.txt"), "utf8")).split("\n")).toContain(id);

    const [anna] = await handle.db.select().from(outbox).where(eq(outbox.id, id));
    const ocr = (anna!.rendered as { payment: { ocr: string } }).payment.ocr;
    const [booked] = await handle.db.transaction((tx) => bookPayments(tx, [{ idempotencyKey: "test-paper-ocr", method: "bankgiro", amountOre: 10_000, bookedOn: "2026-12-09", ocrReference: ocr, referenceChecked: true }], { kind: "system", id: null }));
    const [payment] = await handle.db.select().from(payments).where(eq(payments.id, booked!.paymentId));
    expect(payment).toMatchObject({ sourceOutboxId: id, sourceChannel: "paper", attributionSource: "ocr" });
  });
});
