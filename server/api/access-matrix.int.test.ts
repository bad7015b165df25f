import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle, Tx } from "../db/client";
import { auditEvents, bankidOrders, caseHolds, cases, creditorPolicies, creditors, debtors, debtorSupportNeeds, experiments, instalments, paymentRequests, replyTemplates, staffUsers, workItems } from "../db/schema";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { writeBgMax } from "../domain/bgmax";
import { makeOcr } from "../domain/ocr";
import { generateValidPersonnummer } from "../domain/personnummer";
import { rolesWith, STAFF_ROLES, type StaffRole } from "../domain/permissions";
import { storeAttachments } from "../modules/attachments/attachments";
import { validateUpload } from "../modules/attachments/validate";
import { hashBinding } from "../modules/bankid-login/binding";
import { bookPayments, inBookingTransaction } from "../modules/payments/book";
import { proposePlan } from "../modules/plans/propose";
import { personalNumberKeyring } from "../security/keyring";
import { sealPersonalNumber } from "../security/personal-number";
import { testContext } from "../testing/context";
import { createTestDb } from "../testing/db";
import { realPdf, realPng } from "../testing/files";
import { demoIds } from "../testing/payments";
import { DEBTOR_ACCESS, STAFF_ACCESS, type Owned, type StaffFixture } from "./access-matrix";
import { appRouter, createCaller } from "./root";
import type { Viewer } from "./trpc";

/**
 * The generated access matrix: every procedure of the router, from the router itself, by every kind
 * of viewer (see access-matrix.ts). A debtor procedure given debtor A's ids answers NOT_FOUND to
 * anyone else with a debtor's session and UNAUTHORIZED to staff and to nobody, and no answer to
 * anyone but A carries any of A's ids or A's name. A staff procedure works for exactly the roles
 * its permission names, each call with one audit event, answers FORBIDDEN (no audit event) to the
 * others and UNAUTHORIZED to debtors and to nobody.
 */
const TODAY = "2026-12-02";
const NOW = new Date(`${TODAY}T10:00:00Z`);
let handle: DbHandle;
let owned: Owned;
let otherDebtor: string;
let secrets: string[];
const staffIds = {} as Record<StaffRole, string>;
let fixture: StaffFixture;
let serial = 0;
const tally = { cases: 0, leaks: 0 };

type ViewerName = "owner" | "another debtor" | "person without cases" | StaffRole | "signed out";

function viewerFor(name: ViewerName): Viewer | null {
  if (name === "owner") return { sessionId: "matrix", kind: "debtor", subjectId: owned.debtorId, displayName: "A" };
  if (name === "another debtor") return { sessionId: "matrix", kind: "debtor", subjectId: otherDebtor, displayName: "B" };
  if (name === "person without cases") return { sessionId: "matrix", kind: "debtor", subjectId: null, displayName: "C" };
  if (name === "signed out") return null;
  return { sessionId: "matrix", kind: "staff", subjectId: staffIds[name], role: name, displayName: name };
}

type Outcome = { ok: true; data: unknown } | { ok: false; code: string };

async function call(path: string, viewer: Viewer | null, input: unknown): Promise<Outcome> {
  const caller = createCaller(testContext(handle.db, viewer, { now: NOW })) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, data: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code };
    throw error;
  }
}

const asDebtor = (debtorId: string) => createCaller(testContext(handle.db, { sessionId: "s", kind: "debtor", subjectId: debtorId, displayName: "Debtor" }, { now: NOW }));

/** A creditor with a policy of its own, so that an experiment can start on it. */
async function freshCreditor() {
  const [c] = await handle.db.insert(creditors).values({ name: `Försök ${randomUUID().slice(0, 8)} AB`, orgNumber: "556000-0001", kind: "test" }).returning({ id: creditors.id });
  await handle.db.insert(creditorPolicies).values({ creditorId: c!.id, minInstalmentOre: 10_000, maxPlanMonths: 12, maxDueDateShiftDays: 14 });
  return c!.id;
}

async function freshCase() {
  serial += 1;
  const [creditor] = await handle.db.select({ id: creditors.id }).from(creditors).limit(1);
  const [d] = await handle.db
    .insert(debtors)
    .values({ personalNumberHash: `test-${randomUUID()}`, personalNumberEncrypted: sealPersonalNumber(generateValidPersonnummer("1980-01-01", serial % 1000), personalNumberKeyring()), birthDate: "1980-01-01", givenName: "Test", surname: `Person${serial}` })
    .returning({ id: debtors.id });
  const caseNumber = `K-TEST-${String(serial).padStart(6, "0")}`;
  const [c] = await handle.db
    .insert(cases)
    .values({ caseNumber, creditorId: creditor!.id, debtorId: d!.id, invoiceNumber: `T-${serial}`, invoiceDate: "2026-09-01", originalDueDate: "2026-10-01", description: "webshop_order", principalOre: 200_000, ocrReference: makeOcr(String(900000 + serial), { withLength: true }), dueDate: "2026-12-20" })
    .returning({ id: cases.id });
  return { debtorId: d!.id, caseId: c!.id, caseNumber };
}

async function sendMessage(debtorId: string, caseId: string): Promise<string> {
  const sent = await asDebtor(debtorId).debtor.talk.send({ subject: { caseId }, body: "Hej, en fråga.", files: [] });
  if (!sent.ok) throw new Error(`message not sent: ${sent.code}`);
  return sent.threadId;
}
async function requestCallback(debtorId: string, caseId: string): Promise<string> {
  const debtor = asDebtor(debtorId);
  const options = await debtor.debtor.callbacks.options();
  return (await debtor.debtor.callbacks.request({ caseId, phone: "070-123 45 67", day: options.days[0]!, startHour: options.windows[0]!.startHour, topic: "Plan" })).callbackId;
}
async function complain(debtorId: string, caseId: string): Promise<string> {
  const filed = await asDebtor(debtorId).debtor.requests.complain({ caseId, body: "Ni svarade inte." });
  if (!filed.ok) throw new Error(`complaint not filed: ${filed.code}`);
  return filed.requestId;
}
const dispute = async (debtorId: string, caseId: string) =>
  (await asDebtor(debtorId).debtor.disputes.submit({ caseId, reason: "other", part: "all", amountOre: null, description: "Fel belopp." })).disputeId;
async function attachment(debtorId: string, bytes: Uint8Array, name: string): Promise<string> {
  const check = await validateUpload([{ name, bytes }]);
  if (!check.ok) throw new Error(check.code);
  const [file] = await storeAttachments(handle.db, { kind: "message", id: randomUUID(), debtorId, uploadedBy: "debtor" }, check.files);
  return file!.id;
}

/** A data-access request answered by staff, so its export can be read. */
async function releasedDataAccess(debtorId: string): Promise<string> {
  const { requestId } = await asDebtor(debtorId).debtor.requests.dataAccess();
  const supervisor = createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: staffIds.supervisor, role: "supervisor", displayName: "S" }, { now: NOW }));
  await supervisor.staff.requests.release({ requestId });
  return requestId;
}

beforeAll(async () => {
  handle = await createTestDb();
  const db = handle.db;
  await seedDemoIfEmpty(db, TODAY, { workday: true });
  for (const role of STAFF_ROLES) staffIds[role] = (await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, role)).limit(1))[0]!.id;

  // Debtor A (Erik) and his things.
  const ids = await demoIds(db);
  const erik = ids.erik!;
  const [caseId, planCase, payCase] = erik.caseIds;
  const { planId } = await proposePlan(db, { debtorId: erik.debtorId, answers: { caseIds: [planCase!], months: 3, dueDay: 26, method: "bankgiro" }, locale: "sv", now: NOW });
  const [instalment] = await db.select({ id: instalments.id }).from(instalments).where(eq(instalments.planId, planId));
  const [booked] = await inBookingTransaction(db, (tx) =>
    bookPayments(tx, [{ idempotencyKey: "matrix:booked", method: "manual", amountOre: 10_000, bookedOn: TODAY, caseId: payCase! }], { kind: "system", id: null }),
  );
  const [request] = await db
    .insert(paymentRequests)
    .values({ debtorId: erik.debtorId, targets: [{ caseId: caseId!, amountOre: 10_000 }], method: "swish", amountOre: 10_000, externalId: `matrix-${randomUUID()}`, token: "t" })
    .returning({ id: paymentRequests.id });
  const [debtor] = await db.select().from(debtors).where(eq(debtors.id, erik.debtorId));
  const [order] = await db
    .insert(bankidOrders)
    .values({ orderRef: `matrix-${randomUUID()}`, kind: "sign", purpose: `plan:${planId}`, browserBindingHash: hashBinding("erik's browser"), qrStartToken: "t", qrStartSecret: "s", autoStartToken: "a", status: "complete", personalNumberHash: debtor!.personalNumberHash })
    .returning({ id: bankidOrders.id });
  const options = await asDebtor(erik.debtorId).debtor.callbacks.options();
  const erikDisputed = (await freshCase()).caseId;
  await db.update(cases).set({ debtorId: erik.debtorId }).where(eq(cases.id, erikDisputed));
  await dispute(erik.debtorId, erikDisputed);
  owned = {
    debtorId: erik.debtorId,
    caseId: caseId!,
    disputedCaseId: erikDisputed,
    planId,
    instalmentId: instalment!.id,
    paymentId: booked!.paymentId,
    requestId: request!.id,
    attachmentId: await attachment(erik.debtorId, await realPdf(), "kvitto.pdf"),
    orderId: order!.id,
    threadId: await sendMessage(erik.debtorId, caseId!),
    callbackId: await requestCallback(erik.debtorId, caseId!),
    complaintId: await complain(erik.debtorId, caseId!),
    dataAccessId: await releasedDataAccess(erik.debtorId),
    callbackDay: options.days[0]!,
    callbackHour: options.windows[0]!.startHour,
  };
  otherDebtor = ids.sara!.debtorId;
  // What must never reach anyone but Erik: his ids (every case of his too) and his name.
  const { callbackDay: _day, callbackHour: _hour, ...idsOnly } = owned;
  secrets = [...erik.caseIds, ...Object.values(idsOnly), "Johansson"];

  // Staff procedures act on Holmberg (a person of the workday) and on fresh people.
  const [person] = await db.select({ id: debtors.id }).from(debtors).where(eq(debtors.surname, "Holmberg"));
  const [holmbergCase] = await db.select({ id: cases.id }).from(cases).where(eq(cases.debtorId, person!.id));
  const [creditor] = await db.select({ id: creditors.id }).from(creditors).where(eq(creditors.name, "Hemma & Handla AB"));
  const [template] = await db.select({ id: replyTemplates.id }).from(replyTemplates).limit(1);
  fixture = {
    debtorId: person!.id,
    caseId: holmbergCase!.id,
    creditorId: creditor!.id,
    templateId: template!.id,
    freshCase,
    freshThread: async () => {
      const c = await freshCase();
      return sendMessage(c.debtorId, c.caseId);
    },
    freshCallback: async () => {
      const c = await freshCase();
      return requestCallback(c.debtorId, c.caseId);
    },
    freshComplaint: async () => {
      const c = await freshCase();
      return complain(c.debtorId, c.caseId);
    },
    freshDataAccess: async () => (await asDebtor((await freshCase()).debtorId).debtor.requests.dataAccess()).requestId,
    freshDispute: async () => {
      const c = await freshCase();
      return dispute(c.debtorId, c.caseId);
    },
    freshAttachment: async () => attachment(person!.id, await realPng(), "kvitto.png"),
    freshPlanRequest: async () => {
      const c = await freshCase();
      const proposed = await proposePlan(db, { debtorId: c.debtorId, answers: { caseIds: [c.caseId], months: 60, dueDay: 25, method: "bankgiro" }, locale: "sv", now: NOW, request: { reason: "test" } });
      return proposed.planId;
    },
    freshSupportNeed: async () => {
      const c = await freshCase();
      await db.insert(debtorSupportNeeds).values({ debtorId: c.debtorId, kind: "other" });
      return c.debtorId;
    },
    freshHold: async () => (await db.insert(caseHolds).values({ caseId: holmbergCase!.id, kind: "staff_hold", reason: "test", endsOn: "2026-12-30" }).returning({ id: caseHolds.id }))[0]!.id,
    freshStaffUser: async () => (await db.insert(staffUsers).values({ personalNumberHash: `test-${randomUUID()}`, name: "Someone", role: "agent" }).returning({ id: staffUsers.id }))[0]!.id,
    freshCreditor,
    freshExperiment: async () => (await db.insert(experiments).values({ creditorId: await freshCreditor(), kind: "reminder_days", armA: "3", armB: "5", salt: "matrix" }).returning({ id: experiments.id }))[0]!.id,
    freshPersonalNumber: () => generateValidPersonnummer("1970-01-01", ++serial % 1000),
    unique: () => randomUUID().slice(0, 8),
    openWorkItem: async () => (await db.select({ id: workItems.id }).from(workItems).where(eq(workItems.status, "open")).limit(1))[0]!.id,
    unmatchedPayment: async () => {
      serial += 1;
      const [out] = await db.transaction((tx) =>
        bookPayments(tx as Tx, [{ idempotencyKey: `test:matrix:${serial}`, method: "bankgiro", amountOre: 10_000, bookedOn: TODAY, ocrReference: "1111111116", referenceChecked: true }], { kind: "system", id: null }),
      );
      return out!.paymentId;
    },
    bgmaxFile: () => {
      serial += 1;
      const payment = { kind: "payment" as const, senderBankgiro: "", reference: "1111111116", referenceCode: 2, amountOre: 5_000, channel: 1, serial: String(serial).padStart(12, "0"), extraReferences: [], freeText: [], name: "Test" };
      const bytes = writeBgMax({
        timestamp: `2026-12-02T08:00:00.${String(serial).padStart(6, "0")}`,
        test: false,
        version: 1,
        sections: [{ payeeBankgiro: "50501055", currency: "SEK", deposit: { date: TODAY, serial: "00001", amountOre: 5_000, count: 1, account: "99123456789" }, payments: [payment] }],
      });
      return Buffer.from(bytes).toString("base64");
    },
  };
});
afterAll(async () => {
  console.info(`access matrix: ${Object.keys(DEBTOR_ACCESS).length + Object.keys(STAFF_ACCESS).length} procedures, ${tally.cases} procedure × input × viewer cases, ${tally.leaks} leaks`);
  await handle.close();
});

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>;
const paths = Object.keys(procedures).sort();

describe("the access matrix", () => {
  it("has one entry for every procedure of the router, and none for a procedure that is gone", () => {
    const entries = [...Object.keys(DEBTOR_ACCESS), ...Object.keys(STAFF_ACCESS)].sort();
    expect(paths.filter((p) => p.startsWith("staff.")).length).toBeGreaterThan(20);
    expect(paths.filter((p) => !entries.includes(p)), "add these to server/api/access-matrix.ts").toEqual([]);
    expect(entries.filter((p) => !paths.includes(p)), "remove these from server/api/access-matrix.ts").toEqual([]);
    for (const p of Object.keys(STAFF_ACCESS)) expect(p.startsWith("staff."), p).toBe(true);
    for (const p of Object.keys(DEBTOR_ACCESS)) expect(p.startsWith("staff."), p).toBe(false);
  });

  it("lets no one but debtor A reach A's data through a debtor procedure", async () => {
    const failures: string[] = [];
    const denied = (codes: string[]) => (r: Outcome) => (r.ok ? `answered ${JSON.stringify(r.data).slice(0, 80)}` : codes.includes(r.code) ? null : `gave ${r.code}`);
    const noLeak = (r: Outcome) => {
      if (!r.ok) return r.code === "INTERNAL_SERVER_ERROR" ? "gave INTERNAL_SERVER_ERROR" : null;
      const found = secrets.filter((s) => JSON.stringify(r.data ?? null).includes(s));
      return found.length > 0 ? `leaked ${found.join(", ")}` : null;
    };
    for (const [path, entry] of Object.entries(DEBTOR_ACCESS)) {
      if (!procedures[path] || entry.notCalled) continue;
      const input = entry.input(owned);
      const named = JSON.stringify(input ?? null);
      const idBearing = secrets.some((id) => named.includes(id));
      const expectations: [ViewerName, (r: Outcome) => string | null][] = [];
      if (entry.who === "public") {
        for (const name of ["another debtor", "person without cases", ...STAFF_ROLES, "signed out"] as ViewerName[]) {
          expectations.push([name, idBearing ? denied(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"]) : noLeak]);
        }
      } else {
        expectations.push(["another debtor", idBearing ? denied(["NOT_FOUND"]) : noLeak]);
        expectations.push(["person without cases", entry.who === "debtor" ? denied(["NOT_FOUND"]) : idBearing ? denied(["NOT_FOUND"]) : noLeak]);
        for (const name of [...STAFF_ROLES, "signed out" as const]) expectations.push([name, denied(["UNAUTHORIZED"])]);
      }
      for (const [name, check] of expectations) {
        tally.cases += 1;
        const problem = check(await call(path, viewerFor(name), input));
        if (problem) {
          failures.push(`${path} as ${name}: ${problem}`);
          if (problem.startsWith("answered") || problem.startsWith("leaked")) tally.leaks += 1;
        }
      }
      // The owner's reads work with these ids, so the refusals above are about the viewer.
      if (procedures[path]!._def.type === "query") {
        tally.cases += 1;
        const result = await call(path, viewerFor("owner"), input);
        if (!result.ok) failures.push(`${path} as its owner: gave ${result.code} (the matrix's input does not name A's own things)`);
      }
    }
    expect(failures).toEqual([]);
  });

  const auditsBy = async (staffId: string) => (await handle.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.actorKind, "staff"), eq(auditEvents.actorId, staffId))))[0]!.n;

  for (const path of Object.keys(STAFF_ACCESS).sort()) {
    describe(path, () => {
      for (const role of STAFF_ROLES) {
        const allowed = rolesWith(STAFF_ACCESS[path]!.need).includes(role);
        it(`${role}: ${allowed ? "allowed, with exactly one audit event" : "FORBIDDEN, with no audit event"}`, async () => {
          const input = await STAFF_ACCESS[path]!.input(fixture);
          const before = await auditsBy(staffIds[role]);
          tally.cases += 1;
          const result = await call(path, viewerFor(role), input);
          if (allowed) {
            expect(result, `${path} as ${role}`).toMatchObject({ ok: true });
            expect(await auditsBy(staffIds[role]), `${path} as ${role}: audit events written`).toBe(before + 1);
          } else {
            if (result.ok) tally.leaks += 1;
            expect(result).toEqual({ ok: false, code: "FORBIDDEN" });
            expect(await auditsBy(staffIds[role])).toBe(before);
          }
        });
      }
      it("a debtor (A, another, one without cases) and nobody get UNAUTHORIZED", async () => {
        const input = await STAFF_ACCESS[path]!.input(fixture);
        for (const name of ["owner", "another debtor", "person without cases", "signed out"] as ViewerName[]) {
          tally.cases += 1;
          const result = await call(path, viewerFor(name), input);
          if (result.ok) tally.leaks += 1;
          expect(result, `${path} as ${name}`).toEqual({ ok: false, code: "UNAUTHORIZED" });
        }
      });
    });
  }
});

describe("staff search", () => {
  it("keeps the audit of a search free of the words typed", async () => {
    await call("staff.debtors.search", viewerFor("agent"), { query: "Holmberg" });
    const rows = await handle.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, "search.viewed"));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.stringify(r.details)).not.toMatch(/holmberg/i);
  });

  it("counts each person's own cases and support need in a search", async () => {
    const karl = (await call("staff.debtors.search", viewerFor("agent"), { query: "Karl Lund" })) as { ok: true; data: { caseCount: number; supportNeed: boolean }[] };
    expect(karl.data[0]).toMatchObject({ caseCount: 1, supportNeed: false });
    const lars = (await call("staff.debtors.search", viewerFor("agent"), { query: "Lars Dahl" })) as { ok: true; data: { caseCount: number; supportNeed: boolean }[] };
    expect(lars.data[0]).toMatchObject({ caseCount: 1, supportNeed: true });
  });

  it("a read writes one audit event in all, whoever it is by", async () => {
    const before = (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n;
    await call("staff.debtors.get", viewerFor("agent"), { debtorId: fixture.debtorId });
    expect((await handle.db.select({ n: count() }).from(auditEvents).where(sql`true`))[0]!.n).toBe(before + 1);
  });
});
