import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client";
import { attachments, auditEvents, disputeDrafts, disputes, staffUsers } from "../../../db/schema";
import { seedDemoIfEmpty } from "../../../db/seed/demo";
import { debtorViewer, testContext } from "../../../testing/context";
import { createTestDb } from "../../../testing/db";
import { realJpeg, realPdf, realPng } from "../../../testing/files";
import { demoIds } from "../../../testing/payments";
import type { Viewer } from "../../trpc";
import { createCaller } from "../../root";

let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let staff: { agent: string };

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
  const [agent] = await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "agent")).limit(1);
  staff = { agent: agent!.id };
});
afterAll(() => handle.close());

const as = (key: string) => createCaller(testContext(handle.db, debtorViewer(ids[key]!.debtorId)));
const staffAs = (id: string, role: Viewer["role"] = "agent") => createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: id, role, displayName: "Staff" }));
const answers = { reason: "other" as const, part: "all" as const, amountOre: null, description: "Fel" };
const disputeCount = async () => (await handle.db.select({ n: count() }).from(disputes))[0]!.n;

describe("debtor.disputes", () => {
  it("a debtor can never create, draft or read a dispute on another person's case: not found", async () => {
    const annaCase = ids.anna!.caseIds[0]!;
    const lenaCase = ids.lena!.caseIds[0]!;
    const before = await disputeCount();
    await expect(as("erik").debtor.disputes.submit({ caseId: annaCase, ...answers })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("erik").debtor.disputes.saveDraft({ caseId: annaCase, reason: "other", part: "all", disputedOre: 0, description: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("erik").debtor.disputes.submit({ caseId: "00000000-0000-4000-8000-000000000000", ...answers })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await disputeCount()).toBe(before);
    expect((await handle.db.select({ n: count() }).from(disputeDrafts))[0]!.n).toBe(0);

    // Lena's dispute shows only on Lena's case page; to anyone else her case does not exist.
    expect((await as("lena").debtor.cases.get({ caseId: lenaCase })).dispute?.status).toBe("open");
    await expect(as("erik").debtor.cases.get({ caseId: lenaCase })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A draft is read only by its owner.
    await as("anna").debtor.disputes.saveDraft({ caseId: annaCase, reason: "other", part: "all", disputedOre: 0, description: "Min text" });
    expect(await as("anna").debtor.disputes.draft({ caseId: annaCase })).toMatchObject({ description: "Min text" });
    await expect(as("erik").debtor.disputes.draft({ caseId: annaCase })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("erik").debtor.disputes.attach({ caseId: annaCase, files: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("needs a signed-in debtor", async () => {
    const anonymous = createCaller(testContext(handle.db, null));
    await expect(anonymous.debtor.disputes.submit({ caseId: ids.anna!.caseIds[0]!, ...answers })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(staffAs(staff.agent).debtor.disputes.submit({ caseId: ids.anna!.caseIds[0]!, ...answers })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("staff.disputes", () => {
  it("needs a staff role: a debtor or nobody is refused", async () => {
    const [lenaDispute] = await handle.db.select({ id: disputes.id }).from(disputes).where(eq(disputes.caseId, ids.lena!.caseIds[0]!));
    for (const caller of [as("lena"), createCaller(testContext(handle.db, null))]) {
      await expect(caller.staff.disputes.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(caller.staff.disputes.get({ disputeId: lenaDispute!.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(caller.staff.disputes.decide({ disputeId: lenaDispute!.id, decision: { outcome: "reject" }, reason: "Nej" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    const [row] = await handle.db.select({ status: disputes.status }).from(disputes).where(eq(disputes.id, lenaDispute!.id));
    expect(row!.status).toBe("open");
  });

  it("each call writes exactly one audit event, reads too", async () => {
    const [lenaDispute] = await handle.db.select({ id: disputes.id }).from(disputes).where(eq(disputes.caseId, ids.lena!.caseIds[0]!));
    const audits = async () => (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const agent = staffAs(staff.agent);
    let before = await audits();
    const list = await agent.staff.disputes.list();
    expect(list.map((d) => d.id)).toContain(lenaDispute!.id);
    expect(await audits()).toBe(before + 1);
    before = await audits();
    const one = await agent.staff.disputes.get({ disputeId: lenaDispute!.id });
    expect(one.description).toContain("Paketet");
    expect(await audits()).toBe(before + 1);
    before = await audits();
    await expect(agent.staff.disputes.decide({ disputeId: lenaDispute!.id, decision: { outcome: "reject" }, reason: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await audits()).toBe(before);
    await agent.staff.disputes.decide({ disputeId: lenaDispute!.id, decision: { outcome: "reject" }, reason: "Paketet är kvitterat hos PostNord." });
    expect(await audits()).toBe(before + 1);
    await expect(agent.staff.disputes.get({ disputeId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The debtor sees the answer, its reason and the date the case resumes.
    const lena = await as("lena").debtor.cases.get({ caseId: ids.lena!.caseIds[0]! });
    expect(lena.dispute).toMatchObject({ status: "rejected", decisionReason: "Paketet är kvitterat hos PostNord.", holdsToday: true });
    expect(lena.dispute!.resumesOn).not.toBeNull();
    expect(lena.events.map((e) => e.kind)).toContain("dispute_rejected");
  });
});

describe("files on a dispute", () => {
  it("are checked by content, kept on the draft, go with the dispute, and are only ever the owner's", async () => {
    const caseId = ids.sara!.caseIds[0]!;
    const sara = as("sara");
    const fileRows = async () => (await handle.db.select({ n: count() }).from(attachments).where(eq(attachments.debtorId, ids.sara!.debtorId)))[0]!.n;
    // Files need a draft to hang on, and only the person's own.
    await expect(sara.debtor.disputes.attach({ caseId, files: [{ name: "kvitto.pdf", bytes: await realPdf() }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await sara.debtor.disputes.saveDraft({ caseId, reason: "already_paid", part: "all", disputedOre: 0, description: "Jag betalade i oktober." });
    await expect(as("erik").debtor.disputes.attach({ caseId, files: [{ name: "kvitto.pdf", bytes: await realPdf() }] })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A PNG named .pdf is refused; nothing is stored, the text is kept, and the draft says which file.
    expect(await sara.debtor.disputes.attach({ caseId, files: [{ name: "kvitto.pdf", bytes: await realPng() }] })).toEqual({ ok: false, code: "name_does_not_match", fileName: "kvitto.pdf" });
    expect(await fileRows()).toBe(0);
    expect(await sara.debtor.disputes.draft({ caseId })).toMatchObject({ description: "Jag betalade i oktober.", files: [], fileError: { code: "name_does_not_match", fileName: "kvitto.pdf" } });

    const pdf = await realPdf("Kvitto oktober");
    const jpeg = await realJpeg();
    expect(await sara.debtor.disputes.attach({ caseId, files: [{ name: "kvitto.pdf", bytes: pdf }, { name: "bild.jpg", bytes: jpeg }] })).toEqual({ ok: true, stored: 2 });
    // Five in all: two held and four more is too many, and none of the four is stored.
    const four = await Promise.all([1, 2, 3, 4].map(async (n) => ({ name: `bild-${n}.png`, bytes: await realPng() })));
    expect(await sara.debtor.disputes.attach({ caseId, files: four })).toEqual({ ok: false, code: "too_many_files", fileName: null });
    expect(await fileRows()).toBe(2);

    const draft = (await sara.debtor.disputes.draft({ caseId }))!;
    expect(draft.files.map((f) => f.fileName)).toEqual(["bild.jpg", "kvitto.pdf"]);
    const jpegId = draft.files.find((f) => f.fileName === "bild.jpg")!.id;
    // Nobody else can take a file off, whatever the id; the owner can.
    await expect(as("erik").debtor.disputes.detach({ caseId, attachmentId: jpegId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await sara.debtor.disputes.detach({ caseId, attachmentId: jpegId });
    await expect(sara.debtor.disputes.detach({ caseId, attachmentId: jpegId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { disputeId } = await sara.debtor.disputes.submit({ caseId, reason: "already_paid", part: "all", amountOre: null, description: "Jag betalade i oktober." });
    const [moved] = await handle.db.select().from(attachments).where(eq(attachments.debtorId, ids.sara!.debtorId));
    expect(moved).toMatchObject({ ownerKind: "dispute", ownerId: disputeId, fileName: "kvitto.pdf" });
    const seen = await staffAs(staff.agent).staff.disputes.get({ disputeId });
    expect(seen.files.map((f) => f.fileName)).toEqual(["kvitto.pdf"]);
    // The file comes back byte for byte, to its owner only.
    const own = await sara.debtor.attachments.download({ attachmentId: moved!.id });
    expect(Buffer.compare(Buffer.from(own.bytes), Buffer.from(pdf))).toBe(0);
    await expect(as("erik").debtor.attachments.download({ attachmentId: moved!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
