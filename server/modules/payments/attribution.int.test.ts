import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { cases, kivraPaymentEvents, outbox, paymentRequests, payments } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { writeBgMax, type BgMaxPayment } from "../../domain/bgmax";
import { createTestDb } from "../../testing/db";
import { demoIds, paymentWorld } from "../../testing/payments";
import { createDeepLinkRow, openDeepLink } from "../deep-links/deep-links";
import { recordKivraPaymentEvent } from "../outreach/kivra-payments";
import { importBgMax } from "./import-bgmax";
import { startPayment } from "./start-payment";

const TODAY = "2026-11-24";
const now = () => new Date(`${TODAY}T10:00:00Z`);
let handle: DbHandle;
let world: Awaited<ReturnType<typeof paymentWorld>>;
let ids: Awaited<ReturnType<typeof demoIds>>;
let seq = 0;

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

/** A message already sent on a case, as the outbox leaves it. */
async function sentMessage(key: string, caseId: string, channel: "sms" | "email" | "kivra" | "paper", sentAt: Date, providerId?: string) {
  const [row] = await handle.db
    .insert(outbox)
    .values({ debtorId: ids[key]!.debtorId, caseId, channel, kind: "pre_due_reminder", payload: {}, status: "sent", dedupeKey: `attribution:${++seq}`, scheduledFor: sentAt, sentAt, providerId: providerId ?? `p-${seq}` })
    .returning({ id: outbox.id });
  return row!.id;
}

const bookedFor = async (requestId: string) => (await handle.db.select().from(payments).where(eq(payments.requestId, requestId)))[0]!;
const ocrOf = async (caseId: string) => (await handle.db.select({ ocr: cases.ocrReference }).from(cases).where(eq(cases.id, caseId)))[0]!.ocr;

describe("a payment records the message that led to it", () => {
  it("Swish and card: the person's message link opened in the session is recorded with the payment", async () => {
    const anna = ids.anna!;
    const sms = await sentMessage("anna", anna.caseIds[0]!, "sms", new Date(`${TODAY}T08:00:00Z`));
    const link = await createDeepLinkRow(handle.db, { debtorId: anna.debtorId, caseId: anna.caseIds[0]!, channel: "sms", outboxId: sms, now: new Date(`${TODAY}T08:00:00Z`) });
    expect(await openDeepLink(handle.db, { token: link.token, ipKey: "attribution-1", now: new Date(`${TODAY}T09:55:00Z`) })).toMatchObject({ ok: true });
    const swish = await startPayment(handle.db, world.deps, { debtorId: anna.debtorId, caseIds: [anna.caseIds[0]!], amountOre: 10_000, method: "swish", locale: "sv", now: now() });
    const token = (await handle.db.select().from(paymentRequests).where(eq(paymentRequests.id, swish.requestId)))[0]!.token;
    const found = await world.swish("find", { token });
    await world.swish(`payments/${found.body.id as string}/pay`, {});
    await world.settle();
    expect(await bookedFor(swish.requestId)).toMatchObject({ status: "booked", method: "swish", sourceOutboxId: sms, sourceChannel: "sms", attributionSource: "deep_link" });

    const mohammed = ids.mohammed!;
    const email = await sentMessage("mohammed", mohammed.caseIds[0]!, "email", new Date(`${TODAY}T07:00:00Z`));
    const mail = await createDeepLinkRow(handle.db, { debtorId: mohammed.debtorId, caseId: mohammed.caseIds[0]!, channel: "email", outboxId: email, now: new Date(`${TODAY}T07:00:00Z`) });
    await openDeepLink(handle.db, { token: mail.token, ipKey: "attribution-2", now: new Date(`${TODAY}T09:00:00Z`) });
    const card = await startPayment(handle.db, world.deps, { debtorId: mohammed.debtorId, caseIds: [mohammed.caseIds[0]!], amountOre: 20_000, method: "card", locale: "sv", now: now() });
    const session = (await handle.db.select().from(paymentRequests).where(eq(paymentRequests.id, card.requestId)))[0]!.externalId;
    await world.card(`sessions/${session}/complete`, {});
    await world.settle();
    expect(await bookedFor(card.requestId)).toMatchObject({ status: "booked", method: "card", sourceOutboxId: email, sourceChannel: "email", attributionSource: "deep_link" });
  });

  it("a link opened longer ago than a session, or none at all, records nothing", async () => {
    const johan = ids.johan!;
    const sms = await sentMessage("johan", johan.caseIds[0]!, "sms", new Date("2026-11-23T08:00:00Z"));
    const link = await createDeepLinkRow(handle.db, { debtorId: johan.debtorId, caseId: johan.caseIds[0]!, channel: "sms", outboxId: sms, now: new Date("2026-11-23T08:00:00Z") });
    await openDeepLink(handle.db, { token: link.token, ipKey: "attribution-3", now: new Date("2026-11-23T09:00:00Z") });
    const swish = await startPayment(handle.db, world.deps, { debtorId: johan.debtorId, caseIds: [johan.caseIds[0]!], amountOre: 10_000, method: "swish", locale: "sv", now: now() });
    const token = (await handle.db.select().from(paymentRequests).where(eq(paymentRequests.id, swish.requestId)))[0]!.token;
    const found = await world.swish("find", { token });
    await world.swish(`payments/${found.body.id as string}/pay`, {});
    await world.settle();
    expect(await bookedFor(swish.requestId)).toMatchObject({ status: "booked", sourceOutboxId: null, sourceChannel: null, attributionSource: null });
  });

  it("a BgMax file, booked in one go: a Kivra settled event by OCR and amount, else the case's latest letter, else nothing", async () => {
    const erik = ids.erik!;
    const sara = ids.sara!;
    // Erik's second case: a paper letter yesterday, after the demo's Kivra letter.
    const paper = await sentMessage("erik", erik.caseIds[1]!, "paper", new Date(`${TODAY}T06:00:00Z`));
    await sentMessage("erik", erik.caseIds[1]!, "sms", new Date(`${TODAY}T07:00:00Z`));
    // Sara's case: a Kivra letter paid in the Kivra app.
    const kivra = await sentMessage("sara", sara.caseIds[1]!, "kivra", new Date(`${TODAY}T06:00:00Z`), "kivra-content-attribution");
    const saraOcr = await ocrOf(sara.caseIds[1]!);
    expect(await recordKivraPaymentEvent(handle.db, { id: "evt-attribution-1", event_type: "payment", data: { content_key: "kivra-content-attribution", status: "settled", amount: "150.00", reference: saraOcr } })).toBe("recorded");
    // Erik's third case has had no letter (the demo's letter is on his first).
    const noLetter = erik.caseIds[2]!;
    expect(await handle.db.select().from(outbox).where(eq(outbox.caseId, noLetter))).toHaveLength(0);

    const payment = (reference: string, amountOre: number, serial: string): BgMaxPayment => ({ kind: "payment", senderBankgiro: "", reference, referenceCode: 2, amountOre, channel: 1, serial, extraReferences: [], freeText: [], name: "Test Betalare" });
    const list = [payment(await ocrOf(erik.caseIds[1]!), 10_000, "000000000001"), payment(saraOcr, 15_000, "000000000002"), payment(await ocrOf(noLetter), 10_000, "000000000003")];
    const bytes = writeBgMax({
      timestamp: "2026-11-24T06:00:00.000001",
      test: false,
      version: 1,
      sections: [{ payeeBankgiro: "50501055", currency: "SEK", deposit: { date: TODAY, serial: "00001", amountOre: 35_000, count: 3, account: "99123456789" }, payments: list }],
    });
    const summary = await importBgMax(handle.db, { bytes, payeeBankgiro: "5050-1055", importedBy: "test", actor: { kind: "system", id: "test" } });
    expect(summary).toMatchObject({ booked: 3 });
    const rows = await handle.db.select().from(payments).where(inArray(payments.caseId, [erik.caseIds[1]!, sara.caseIds[1]!, noLetter]));
    const of = (caseId: string) => rows.find((r) => r.caseId === caseId && r.method === "bankgiro")!;
    expect(of(erik.caseIds[1]!)).toMatchObject({ sourceOutboxId: paper, sourceChannel: "paper", attributionSource: "ocr" });
    expect(of(sara.caseIds[1]!)).toMatchObject({ sourceOutboxId: kivra, sourceChannel: "kivra", attributionSource: "kivra" });
    expect(of(noLetter)).toMatchObject({ sourceOutboxId: null, sourceChannel: null, attributionSource: null });
    const [event] = await handle.db.select().from(kivraPaymentEvents).where(eq(kivraPaymentEvents.eventId, "evt-attribution-1"));
    expect(event!.paymentId).toBe(of(sara.caseIds[1]!).id);
  });
});
