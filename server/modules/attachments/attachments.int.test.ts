import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import type { DbHandle } from "../../db/client";
import { attachmentContents, attachments, auditEvents, staffUsers } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { debtorViewer, testContext } from "../../testing/context";
import { createTestDb } from "../../testing/db";
import { brokenPdf, htmlPage, pdfOfSize, realJpeg, realPdf, realPng } from "../../testing/files";
import { demoIds } from "../../testing/payments";
import { attachmentResponse, listAttachments, storeAttachments, validateUpload } from "./attachments";

let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let agentId: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
  const [agent] = await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "agent"));
  agentId = agent!.id;
});
afterAll(() => handle.close());

const rows = async () => (await handle.db.select({ n: count() }).from(attachments))[0]!.n;

describe("validateUpload refuses, each with its own reason, by content and never by name", () => {
  it("a PNG renamed .pdf", async () => {
    expect(await validateUpload([{ name: "kvitto.pdf", bytes: await realPng() }])).toEqual({ ok: false, code: "name_does_not_match", fileName: "kvitto.pdf" });
  });
  it("a PDF that does not parse", async () => {
    expect(await validateUpload([{ name: "faktura.pdf", bytes: brokenPdf() }])).toEqual({ ok: false, code: "pdf_unreadable", fileName: "faktura.pdf" });
  });
  it("an 11 MB file", async () => {
    expect(await validateUpload([{ name: "stor.pdf", bytes: await pdfOfSize(11 * 1024 * 1024) }])).toEqual({ ok: false, code: "file_too_large", fileName: "stor.pdf" });
  });
  it("an HTML file named .png", async () => {
    expect(await validateUpload([{ name: "bild.png", bytes: htmlPage() }])).toEqual({ ok: false, code: "type_not_allowed", fileName: "bild.png" });
  });
  it("a zero-byte file", async () => {
    expect(await validateUpload([{ name: "tom.jpg", bytes: new Uint8Array() }])).toEqual({ ok: false, code: "file_empty", fileName: "tom.jpg" });
  });
  it("six files", async () => {
    const pdf = await realPdf();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `sida-${i}.pdf`, bytes: pdf }));
    expect(await validateUpload(six)).toEqual({ ok: false, code: "too_many_files" });
  });
  it("one bad file among good ones refuses the whole upload", async () => {
    const check = await validateUpload([{ name: "a.pdf", bytes: await realPdf() }, { name: "b.png", bytes: htmlPage() }]);
    expect(check).toMatchObject({ ok: false, code: "type_not_allowed", fileName: "b.png" });
  });
  it("accepts a file of exactly 10 MB, and names a file without an extension by its content", async () => {
    const check = await validateUpload([
      { name: "tio.pdf", bytes: await pdfOfSize(10 * 1024 * 1024) },
      { name: "C:\\Users\\x\\foto", bytes: await realJpeg() },
    ]);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.files.map((f) => [f.fileName, f.contentType])).toEqual([["tio.pdf", "application/pdf"], ["foto.jpg", "image/jpeg"]]);
  });
});

describe("stored files", () => {
  it("come back byte for byte to their owner only, and staff reads are audited once each", async () => {
    const pdf = await realPdf("Mitt kvitto");
    const jpeg = await realJpeg();
    const check = await validateUpload([{ name: "kvitto.pdf", bytes: pdf }, { name: "foto.JPG", bytes: jpeg }]);
    if (!check.ok) throw new Error(check.code);
    const ownerId = randomUUID();
    const anna = ids.anna!.debtorId;
    const stored = await handle.db.transaction((tx) => storeAttachments(tx, { kind: "message", id: ownerId, debtorId: anna, uploadedBy: "debtor" }, check.files));
    expect(stored.map((s) => [s.fileName, s.contentType, s.sizeBytes])).toEqual([["kvitto.pdf", "application/pdf", pdf.length], ["foto.JPG", "image/jpeg", jpeg.length]]);
    expect((await listAttachments(handle.db, "message", [ownerId])).map((a) => a.id).sort()).toEqual(stored.map((s) => s.id).sort());

    const annaApi = createCaller(testContext(handle.db, debtorViewer(anna)));
    const back = await annaApi.debtor.attachments.download({ attachmentId: stored[0]!.id });
    expect(Buffer.from(back.bytes).equals(Buffer.from(pdf))).toBe(true);
    const backJpeg = await annaApi.debtor.attachments.download({ attachmentId: stored[1]!.id });
    expect(Buffer.from(backJpeg.bytes).equals(Buffer.from(jpeg))).toBe(true);

    const response = attachmentResponse(back);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="kvitto.pdf"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    // Another person, any id: not found.
    const erikApi = createCaller(testContext(handle.db, debtorViewer(ids.erik!.debtorId)));
    for (const s of stored) await expect(erikApi.debtor.attachments.download({ attachmentId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(erikApi.debtor.attachments.download({ attachmentId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Staff need a staff role; a debtor cannot call the staff download at all.
    await expect(annaApi.staff.attachments.download({ attachmentId: stored[0]!.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(createCaller(testContext(handle.db, null)).staff.attachments.download({ attachmentId: stored[0]!.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const staffApi = createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: agentId, role: "agent", displayName: "Maria" }));
    const audits = async () => (await handle.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, "attachment.read"), eq(auditEvents.subjectId, stored[1]!.id))))[0]!.n;
    const staffBack = await staffApi.staff.attachments.download({ attachmentId: stored[1]!.id });
    expect(Buffer.from(staffBack.bytes).equals(Buffer.from(jpeg))).toBe(true);
    expect(await audits()).toBe(1);
    await expect(staffApi.staff.attachments.download({ attachmentId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a failure inside the owner's transaction leaves no file behind", async () => {
    const before = await rows();
    const check = await validateUpload([{ name: "kvitto.pdf", bytes: await realPdf() }]);
    if (!check.ok) throw new Error(check.code);
    await expect(
      handle.db.transaction(async (tx) => {
        await storeAttachments(tx, { kind: "dispute", id: randomUUID(), debtorId: ids.anna!.debtorId, uploadedBy: "debtor" }, check.files);
        throw new Error("the owner could not be saved");
      }),
    ).rejects.toThrow("the owner could not be saved");
    expect(await rows()).toBe(before);
    expect((await handle.db.select({ n: count() }).from(attachmentContents))[0]!.n).toBe(before);
  });
});
