import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import type { Context } from "../../api/trpc";
import type { DbHandle } from "../../db/client";
import { attachments, auditEvents, callbackRequests, debtors, messageDrafts, messages, outbox, personRequests, staffUsers, threads, workItems } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { isBankDay } from "../../domain/calendar";
import { debtorViewer, testContext } from "../../testing/context";
import { createTestDb } from "../../testing/db";
import { brokenPdf, htmlPage, pdfOfSize, realJpeg, realPdf, realPng } from "../../testing/files";
import { pdfText } from "../../testing/pdf-text";
import { demoIds } from "../../testing/payments";
import { bookPayments } from "../payments/book";
import { renderPersonDataPdf } from "./person-data-pdf";
import sv from "../../../messages/sv.json";

// Wednesday 2 December 2026, 10.00 in Stockholm.
const NOW = new Date("2026-12-02T09:00:00Z");
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let agentId: string;
let supervisorId: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-12-02");
  ids = await demoIds(handle.db);
  agentId = (await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "agent")))[0]!.id;
  supervisorId = (await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "supervisor")))[0]!.id;
});
afterAll(() => handle.close());

const as = (debtorId: string, overrides: Partial<Context> = {}) => createCaller(testContext(handle.db, debtorViewer(debtorId), { now: NOW, ...overrides }));
const staff = (id = agentId, role: "agent" | "supervisor" = "agent", now = NOW) =>
  createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: id, role, displayName: "Maria" }, { now }));
const n = async (table: typeof messages | typeof attachments | typeof threads | typeof workItems) => (await handle.db.select({ n: count() }).from(table))[0]!.n;

/** Runs a staff call and returns how many audit events it wrote. */
async function auditedOnce<T>(call: () => Promise<T>): Promise<T> {
  const before = (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n;
  const result = await call();
  const after = (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n;
  expect(after - before, "audit events written by one staff call").toBe(1);
  return result;
}

describe("writing to us", () => {
  it("a message with a PDF and a JPEG: stored, the reply day promised in bank days, a work item and an audit event", async () => {
    const anna = ids.anna!;
    const pdf = await realPdf("Kvitto 123");
    const jpeg = await realJpeg();
    const result = await as(anna.debtorId).debtor.talk.send({
      subject: { caseId: anna.caseIds[0]! },
      body: "Hej. Jag har betalat, här är kvittot.",
      files: [
        { name: "kvitto.pdf", bytes: pdf },
        { name: "foto.jpg", bytes: jpeg },
      ],
    });
    if (!result.ok) throw new Error(result.code);
    // The web shop answers within 1 bank day: Thursday 3 December.
    expect(result.replyDueOn).toBe("2026-12-03");
    const thread = await as(anna.debtorId).debtor.talk.openThread({ threadId: result.threadId });
    expect(thread.messages).toHaveLength(1);
    const files = thread.messages[0]!.attachments;
    expect(files.map((f) => f.fileName)).toEqual(["foto.jpg", "kvitto.pdf"].sort());
    for (const f of files) {
      const back = await as(anna.debtorId).debtor.attachments.download({ attachmentId: f.id });
      expect(Buffer.from(back.bytes).equals(Buffer.from(f.fileName.endsWith(".pdf") ? pdf : jpeg))).toBe(true);
    }
    const [item] = await handle.db.select().from(workItems).where(and(eq(workItems.kind, "message"), eq(workItems.subjectId, result.threadId)));
    expect(item).toMatchObject({ status: "open", caseId: anna.caseIds[0], debtorId: anna.debtorId });
    expect(item!.dueBy.toISOString()).toBe("2026-12-03T16:00:00.000Z");
    expect(item!.summary).not.toContain("Anna");
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message.sent"), eq(auditEvents.subjectId, result.threadId)));
    expect(audit).toHaveLength(1);

    // Writing again goes to the same thread and keeps the first promise.
    const again = await as(anna.debtorId, { now: new Date("2026-12-02T15:00:00Z") }).debtor.talk.send({ subject: { caseId: anna.caseIds[0]! }, body: "En sak till.", files: [] });
    expect(again).toMatchObject({ ok: true, threadId: result.threadId, replyDueOn: "2026-12-03" });
  });

  it("a general question is promised within the agency's 1 bank day, over a weekend", async () => {
    const result = await as(ids.sara!.debtorId, { now: new Date("2026-12-04T16:30:00Z") }).debtor.talk.send({ subject: "general", body: "Hur byter jag språk?", files: [] });
    expect(result).toMatchObject({ ok: true, replyDueOn: "2026-12-07" });
    expect(isBankDay("2026-12-07")).toBe(true);
  });

  describe("refuses each bad upload with its own reason, stores nothing and keeps the text", () => {
    const cases: [string, () => Promise<{ name: string; bytes: Uint8Array }[]>, string][] = [
      ["a PNG renamed .pdf", async () => [{ name: "kvitto.pdf", bytes: await realPng() }], "name_does_not_match"],
      ["a PDF that does not parse", async () => [{ name: "faktura.pdf", bytes: brokenPdf() }], "pdf_unreadable"],
      ["an 11 MB file", async () => [{ name: "stor.pdf", bytes: await pdfOfSize(11 * 1024 * 1024) }], "file_too_large"],
      ["an HTML file named .png", async () => [{ name: "bild.png", bytes: htmlPage() }], "type_not_allowed"],
      ["a zero-byte file", async () => [{ name: "tom.pdf", bytes: new Uint8Array() }], "file_empty"],
      ["six files", async () => Array.from({ length: 6 }, (_, i) => ({ name: `sida-${i}.pdf`, bytes: new Uint8Array(0) })), "too_many_files"],
    ];
    for (const [what, files, code] of cases) {
      it(what, async () => {
        const erik = ids.erik!;
        const before = { messages: await n(messages), attachments: await n(attachments), threads: await n(threads), items: await n(workItems) };
        const body = `Mitt meddelande om ${what}.`;
        const result = await as(erik.debtorId).debtor.talk.send({ subject: { caseId: erik.caseIds[2]! }, body, files: await files() });
        expect(result).toMatchObject({ ok: false, code });
        expect({ messages: await n(messages), attachments: await n(attachments), threads: await n(threads), items: await n(workItems) }).toEqual(before);
        const compose = await as(erik.debtorId).debtor.talk.compose({ subject: { caseId: erik.caseIds[2]! } });
        expect(compose.draft).toMatchObject({ body, errorCode: code });
      });
    }
    it("an empty or too long text", async () => {
      const erik = ids.erik!;
      expect(await as(erik.debtorId).debtor.talk.send({ subject: "general", body: "   ", files: [] })).toMatchObject({ ok: false, code: "message_empty" });
      const long = "å".repeat(5001);
      expect(await as(erik.debtorId).debtor.talk.send({ subject: { caseId: erik.caseIds[2]! }, body: long, files: [] })).toMatchObject({ ok: false, code: "message_too_long" });
      expect((await as(erik.debtorId).debtor.talk.compose({ subject: { caseId: erik.caseIds[2]! } })).draft?.body).toBe(long);
      // Exactly 5 000 characters is fine, and sending clears the draft.
      expect(await as(erik.debtorId).debtor.talk.send({ subject: { caseId: erik.caseIds[2]! }, body: "å".repeat(5000), files: [] })).toMatchObject({ ok: true });
      expect((await as(erik.debtorId).debtor.talk.compose({ subject: { caseId: erik.caseIds[2]! } })).draft).toBeNull();
    });
  });
});

describe("staff answer", () => {
  it("reply, outbox notice, unread count, read on opening, handled; each staff call audited exactly once", async () => {
    const johan = ids.johan!;
    const sent = await as(johan.debtorId).debtor.talk.send({ subject: { caseId: johan.caseIds[0]! }, body: "Kan jag få mer tid?", files: [await realPdf().then((bytes) => ({ name: "lön.pdf", bytes }))] });
    if (!sent.ok) throw new Error(sent.code);
    const queue = await auditedOnce(() => staff().staff.talk.queue());
    expect(queue.threads.map((t) => t.id)).toContain(sent.threadId);
    const thread = await auditedOnce(() => staff().staff.talk.thread({ threadId: sent.threadId }));
    expect(thread.debtorName).toBe("Johan Karlsson");
    const fileId = thread.messages[0]!.attachments[0]!.id;
    await auditedOnce(() => staff().staff.attachments.download({ attachmentId: fileId }));

    const later = new Date("2026-12-02T13:00:00Z");
    await auditedOnce(() => staff(agentId, "agent", later).staff.talk.reply({ threadId: sent.threadId, body: "Hej Johan. Ja, det går bra. Vi pausar i 14 dagar." }));
    const [notice] = await handle.db.select().from(outbox).where(and(eq(outbox.kind, "reply_notification"), eq(outbox.debtorId, johan.debtorId)));
    expect(notice).toMatchObject({ payload: { threadId: sent.threadId }, status: "queued" });
    const [item] = await handle.db.select().from(workItems).where(and(eq(workItems.kind, "message"), eq(workItems.subjectId, sent.threadId)));
    expect(item!.status).toBe("done");

    expect((await as(johan.debtorId).debtor.talk.unread()).unread).toBe(1);
    const overview = await as(johan.debtorId).debtor.talk.overview();
    expect(overview.threads.find((t) => t.id === sent.threadId)).toMatchObject({ unread: 1, status: "waiting_for_debtor" });
    const seen = await as(johan.debtorId).debtor.talk.openThread({ threadId: sent.threadId });
    expect(seen.messages.map((m) => [m.author, m.staffName])).toEqual([["debtor", null], ["staff", "Maria"]]);
    expect((await as(johan.debtorId).debtor.talk.unread()).unread).toBe(0);

    const history = await as(johan.debtorId).debtor.talk.caseHistory({ caseId: johan.caseIds[0]! });
    expect(history.map((h) => h.kind)).toEqual(["you_wrote", "we_replied"]);

    await auditedOnce(() => staff().staff.talk.handled({ threadId: sent.threadId }));
    expect((await handle.db.select().from(threads).where(eq(threads.id, sent.threadId)))[0]!.status).toBe("closed");
    // Writing again reopens it, with a new promise and a new deadline in the queue.
    await as(johan.debtorId).debtor.talk.send({ subject: { caseId: johan.caseIds[0]! }, body: "Tack.", files: [] });
    expect((await handle.db.select().from(workItems).where(and(eq(workItems.kind, "message"), eq(workItems.subjectId, sent.threadId))))[0]!.status).toBe("open");

    await expect(staff().staff.talk.reply({ threadId: sent.threadId, body: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("callbacks", () => {
  it("booked in a window on a bank day, confirmed, on the queue from the window's start, and cancelled", async () => {
    const mohammed = ids.mohammed!;
    const api = as(mohammed.debtorId);
    const options = await api.debtor.callbacks.options();
    expect(options.phone).toBe("070-123 45 67");
    expect(options.days[0]).toBe("2026-12-03");
    await expect(api.debtor.callbacks.request({ caseId: null, phone: "+47 912 34 567", day: "2026-12-03", startHour: 10, topic: "Plan" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "phone_not_swedish" },
    });
    await expect(api.debtor.callbacks.request({ caseId: null, phone: "070-123", day: "2026-12-05", startHour: 9, topic: "" })).rejects.toMatchObject({
      cause: { details: { errors: { phone: "phone_invalid", day: "callback_day_invalid", window: "callback_window_invalid", topic: "topic_required" } } },
    });
    const booked = await api.debtor.callbacks.request({ caseId: mohammed.caseIds[0]!, phone: "0701234567", day: "2026-12-03", startHour: 10, topic: "Jag vill ändra min plan." });
    expect(booked).toMatchObject({ day: "2026-12-03", startHour: 10, endHour: 12 });
    const [row] = await handle.db.select().from(callbackRequests).where(eq(callbackRequests.id, booked.callbackId));
    expect(row).toMatchObject({ phone: "+46701234567", status: "requested" });
    const [item] = await handle.db.select().from(workItems).where(and(eq(workItems.kind, "callback"), eq(workItems.subjectId, booked.callbackId)));
    expect(item!.dueBy.toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect((await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, `callback:${booked.callbackId}:confirmed`)))[0]).toMatchObject({ kind: "callback_confirmed" });

    await api.debtor.callbacks.cancel({ callbackId: booked.callbackId });
    expect((await api.debtor.callbacks.get({ callbackId: booked.callbackId })).status).toBe("cancelled");
    expect((await handle.db.select().from(workItems).where(eq(workItems.subjectId, booked.callbackId)))[0]!.status).toBe("done");
    await api.debtor.callbacks.cancel({ callbackId: booked.callbackId });
    await expect(staff().staff.callbacks.outcome({ callbackId: booked.callbackId, outcome: "reached", note: "" })).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await api.debtor.callbacks.request({ caseId: null, phone: "070-123 45 67", day: "2026-12-04", startHour: 16, topic: "En fråga" });
    const view = await auditedOnce(() => staff().staff.callbacks.get({ callbackId: second.callbackId }));
    expect(view).toMatchObject({ phone: "070-123 45 67", debtorName: "Mohammed Ali", endHour: 17 });
    await auditedOnce(() => staff().staff.callbacks.outcome({ callbackId: second.callbackId, outcome: "no_answer", note: "Ringde 16.10" }));
    await expect(api.debtor.callbacks.cancel({ callbackId: second.callbackId })).rejects.toMatchObject({ code: "CONFLICT" });
    const history = (await api.debtor.talk.caseHistory({ caseId: mohammed.caseIds[0]! })).map((h) => h.kind);
    expect(history).toEqual(expect.arrayContaining(["callback_requested", "callback_cancelled"]));
  });
});

describe("complaints and data access", () => {
  it("a complaint has its 5-bank-day clock and a written answer", async () => {
    const sara = ids.sara!;
    const filed = await as(sara.debtorId).debtor.requests.complain({ caseId: sara.caseIds[0]!, body: "Ni svarade inte på mitt mejl." });
    if (!filed.ok) throw new Error(filed.code);
    expect(filed.dueOn).toBe("2026-12-09");
    expect((await handle.db.select().from(workItems).where(eq(workItems.subjectId, filed.requestId)))[0]).toMatchObject({ kind: "complaint", status: "open" });
    expect(await as(sara.debtorId).debtor.requests.complain({ caseId: null, body: " " })).toEqual({ ok: false, code: "complaint_empty" });
    await auditedOnce(() => staff().staff.requests.get({ requestId: filed.requestId }));
    await auditedOnce(() => staff().staff.requests.answer({ requestId: filed.requestId, answer: "Förlåt. Vi har nu svarat på ditt mejl." }));
    const seen = await as(sara.debtorId).debtor.requests.open({ requestId: filed.requestId });
    expect(seen).toMatchObject({ status: "answered", answer: "Förlåt. Vi har nu svarat på ditt mejl." });
    await expect(staff().staff.requests.answer({ requestId: filed.requestId, answer: "Igen" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the released data-access PDF and JSON hold every case number, payment and message of the person, and nothing of anyone else's", async () => {
    const erik = ids.erik!;
    const api = as(erik.debtorId);
    await handle.db.transaction((tx) =>
      bookPayments(
        tx,
        [
          { idempotencyKey: "talk:erik:1", method: "manual", amountOre: 12_345, bookedOn: "2026-11-30", caseId: erik.caseIds[0]! },
          { idempotencyKey: "talk:anna:1", method: "manual", amountOre: 98_765, bookedOn: "2026-11-30", caseId: ids.anna!.caseIds[0]! },
        ],
        { kind: "system", id: null },
      ),
    );
    await api.debtor.talk.send({ subject: "general", body: "Erik undrar över breven.", files: [] });
    await as(ids.anna!.debtorId).debtor.talk.send({ subject: "general", body: "Anna har en hemlig fråga.", files: [] });
    const asked = await api.debtor.requests.dataAccess();
    expect(asked.dueOn).toBe("2027-01-04");
    expect((await api.debtor.requests.dataAccess()).requestId).toBe(asked.requestId);
    await expect(api.debtor.requests.dataExport({ requestId: asked.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await auditedOnce(() => staff().staff.requests.release({ requestId: asked.requestId }));

    const data = await api.debtor.requests.dataExport({ requestId: asked.requestId });
    const texts = {
      title: sv.talk.pdf.title,
      intro: sv.talk.pdf.intro,
      label: (k: string) => (sv.talk.pdf.label as Record<string, string>)[k] ?? k,
      money: (ore: number) => `${(ore / 100).toFixed(2).replace(".", ",")} kr`,
      date: (iso: string) => iso.slice(0, 10),
      dateTime: (iso: string) => iso.slice(0, 16).replace("T", " "),
    };
    const text = pdfText(await renderPersonDataPdf(data, texts)).replace(/\s+/g, " ");
    // Lines wrap (and over-long words split) where the page ends: compare without white space.
    const solid = text.replace(/\s+/g, "");

    const mine = await handle.db.select().from(debtors).where(eq(debtors.id, erik.debtorId));
    expect(text).toContain("Erik Johansson");
    expect(text).toContain("19851122-4571");
    expect(mine[0]!.email && text.includes(mine[0]!.email)).toBe(true);
    expect(data.cases).toHaveLength(3);
    for (const c of data.cases) expect(text).toContain(c.caseNumber);
    expect(data.payments.map((p) => p.amountOre)).toContain(12_345);
    for (const p of data.payments) expect(text).toContain(texts.money(p.amountOre));
    const erikMessages = await handle.db.select({ body: messages.body }).from(messages).innerJoin(threads, eq(threads.id, messages.threadId)).where(eq(threads.debtorId, erik.debtorId));
    expect(erikMessages.length).toBeGreaterThan(2);
    for (const m of erikMessages) expect(solid).toContain(m.body.replace(/\s+/g, ""));
    expect(data.staffLooks.map((l) => l.what)).toContain("data_access.released");

    // Nothing of anyone else's.
    for (const other of Object.entries(ids).filter(([key]) => key !== "erik")) {
      const [person] = await handle.db.select().from(debtors).where(eq(debtors.id, other[1].debtorId));
      expect(text).not.toContain(`${person!.givenName} ${person!.surname}`);
    }
    expect(text).not.toContain("Anna har en hemlig fråga");
    expect(text).not.toContain(texts.money(98_765));
    const annaCase = (await as(ids.anna!.debtorId).debtor.cases.get({ caseId: ids.anna!.caseIds[0]! })).caseNumber;
    expect(text).not.toContain(annaCase);
    expect(JSON.stringify(data)).not.toContain(annaCase);
  });
});

describe("a debtor never reaches another person's things, by any id", () => {
  it("threads, attachments, callbacks, complaints, data-access answers and case history: not found", async () => {
    const lena = ids.lena!;
    const sent = await as(lena.debtorId).debtor.talk.send({ subject: { caseId: lena.caseIds[0]! }, body: "Lenas meddelande", files: [{ name: "a.pdf", bytes: await realPdf() }] });
    if (!sent.ok) throw new Error(sent.code);
    const fileId = (await handle.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.debtorId, lena.debtorId)))[0]!.id;
    const call = await as(lena.debtorId).debtor.callbacks.request({ caseId: null, phone: "0701234567", day: "2026-12-03", startHour: 8, topic: "Hej" });
    const complaint = await as(lena.debtorId).debtor.requests.complain({ caseId: null, body: "Klagomål" });
    if (!complaint.ok) throw new Error(complaint.code);
    const access = await as(lena.debtorId).debtor.requests.dataAccess();
    await staff().staff.requests.release({ requestId: access.requestId });

    const anna = as(ids.anna!.debtorId);
    const nf = { code: "NOT_FOUND" };
    await expect(anna.debtor.talk.openThread({ threadId: sent.threadId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.attachments.download({ attachmentId: fileId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.talk.send({ subject: { caseId: lena.caseIds[0]! }, body: "Inbrott", files: [] })).rejects.toMatchObject(nf);
    await expect(anna.debtor.talk.compose({ subject: { caseId: lena.caseIds[0]! } })).rejects.toMatchObject(nf);
    await expect(anna.debtor.talk.caseHistory({ caseId: lena.caseIds[0]! })).rejects.toMatchObject(nf);
    await expect(anna.debtor.callbacks.get({ callbackId: call.callbackId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.callbacks.cancel({ callbackId: call.callbackId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.callbacks.request({ caseId: lena.caseIds[0]!, phone: "0701234567", day: "2026-12-03", startHour: 8, topic: "x" })).rejects.toMatchObject(nf);
    await expect(anna.debtor.requests.open({ requestId: complaint.requestId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.requests.open({ requestId: access.requestId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.requests.dataExport({ requestId: access.requestId })).rejects.toMatchObject(nf);
    await expect(anna.debtor.requests.complain({ caseId: lena.caseIds[0]!, body: "x" })).rejects.toMatchObject(nf);
    for (const id of [randomUUID(), sent.threadId]) await expect(anna.debtor.talk.openThread({ threadId: id })).rejects.toMatchObject(nf);
    await expect(anna.debtor.requests.dataExport({ requestId: complaint.requestId })).rejects.toMatchObject(nf);
    // Nothing of Lena's was changed by the attempts.
    expect((await as(lena.debtorId).debtor.callbacks.get({ callbackId: call.callbackId })).status).toBe("requested");
    expect((await handle.db.select({ n: count() }).from(messages).where(eq(messages.threadId, sent.threadId)))[0]!.n).toBe(1);
    expect((await handle.db.select({ n: count() }).from(messageDrafts).where(eq(messageDrafts.debtorId, ids.anna!.debtorId)))[0]!.n).toBe(0);
  });

  it("staff procedures need a staff role", async () => {
    const lena = as(ids.lena!.debtorId);
    const nobody = createCaller(testContext(handle.db, null, { now: NOW }));
    const id = randomUUID();
    const calls = (api: typeof lena) => [
      () => api.staff.talk.queue(),
      () => api.staff.talk.thread({ threadId: id }),
      () => api.staff.talk.reply({ threadId: id, body: "x" }),
      () => api.staff.talk.handled({ threadId: id }),
      () => api.staff.callbacks.get({ callbackId: id }),
      () => api.staff.callbacks.outcome({ callbackId: id, outcome: "reached", note: "" }),
      () => api.staff.requests.get({ requestId: id }),
      () => api.staff.requests.answer({ requestId: id, answer: "x" }),
      () => api.staff.requests.release({ requestId: id }),
      () => api.staff.attachments.download({ attachmentId: id }),
    ];
    for (const call of [...calls(lena), ...calls(nobody)]) await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // A supervisor may do what an agent may.
    await expect(staff(supervisorId, "supervisor").staff.talk.queue()).resolves.toBeDefined();
    await expect(staff().staff.talk.thread({ threadId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await handle.db.select({ n: count() }).from(personRequests).where(eq(personRequests.id, id)))[0]!.n).toBe(0);
  });
});
