import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle, Tx } from "../../../db/client";
import { auditEvents, caseHolds, cases, creditorPolicies, creditors, debtors, debtorSupportNeeds, experiments, replyTemplates, staffUsers, workItems } from "../../../db/schema";
import { seedDemoIfEmpty } from "../../../db/seed/demo";
import { writeBgMax } from "../../../domain/bgmax";
import { makeOcr } from "../../../domain/ocr";
import { generateValidPersonnummer } from "../../../domain/personnummer";
import { rolesWith, STAFF_ROLES, type StaffNeed, type StaffRole } from "../../../domain/permissions";
import { bookPayments } from "../../../modules/payments/book";
import { proposePlan } from "../../../modules/plans/propose";
import { storeAttachments } from "../../../modules/attachments/attachments";
import { validateUpload } from "../../../modules/attachments/validate";
import { env } from "../../../env";
import { encryptPersonalNumber } from "../../../security/personal-number";
import { testContext } from "../../../testing/context";
import { realPng } from "../../../testing/files";
import { createTestDb } from "../../../testing/db";
import { appRouter, createCaller } from "../../root";

/**
 * Every staff procedure in the router, walked from the router itself. For each one the table says
 * which permission it needs and how to make an input that succeeds. The test fails when a staff
 * procedure is added without a row here, when a role may call what it should not (or the other way
 * round), and when a call writes no audit event or more than one.
 */
const TODAY = "2026-12-02";
const now = new Date(`${TODAY}T10:00:00Z`);
let handle: DbHandle;
const staffIds = {} as Record<StaffRole, string>;
let debtorId: string;
let caseId: string;
let creditorId: string;
let templateId: string;
let serial = 0;

type Row = { need: StaffNeed; input: () => Promise<unknown> };

async function freshCase(): Promise<{ debtorId: string; caseId: string; caseNumber: string }> {
  serial += 1;
  const [d] = await handle.db
    .insert(debtors)
    .values({ personalNumberHash: `test-${randomUUID()}`, personalNumberEncrypted: encryptPersonalNumber(generateValidPersonnummer("1980-01-01", serial % 1000), env().KVITT_PNR_ENCRYPTION_KEY), birthDate: "1980-01-01", givenName: "Test", surname: `Person${serial}` })
    .returning({ id: debtors.id });
  const number = `K-TEST-${String(serial).padStart(6, "0")}`;
  const [c] = await handle.db
    .insert(cases)
    .values({ caseNumber: number, creditorId, debtorId: d!.id, invoiceNumber: `T-${serial}`, invoiceDate: "2026-09-01", originalDueDate: "2026-10-01", description: "webshop_order", principalOre: 200_000, ocrReference: makeOcr(String(900000 + serial), { withLength: true }), dueDate: "2026-12-20" })
    .returning({ id: cases.id });
  return { debtorId: d!.id, caseId: c!.id, caseNumber: number };
}

const unmatchedPayment = async () => {
  serial += 1;
  const [out] = await handle.db.transaction((tx) => bookPayments(tx as Tx, [{ idempotencyKey: `test:staff-procedures:${serial}`, method: "bankgiro", amountOre: 10_000, bookedOn: TODAY, ocrReference: "1111111116", referenceChecked: true }], { kind: "system", id: null }));
  return out!.paymentId;
};

const bgmaxFile = () => {
  serial += 1;
  const payment = { kind: "payment" as const, senderBankgiro: "", reference: "1111111116", referenceCode: 2, amountOre: 5_000, channel: 1, serial: String(serial).padStart(12, "0"), extraReferences: [], freeText: [], name: "Test" };
  const bytes = writeBgMax({ timestamp: `2026-12-02T08:00:00.${String(serial).padStart(6, "0")}`, test: false, version: 1, sections: [{ payeeBankgiro: "50501055", currency: "SEK", deposit: { date: TODAY, serial: "00001", amountOre: 5_000, count: 1, account: "99123456789" }, payments: [payment] }] });
  return Buffer.from(bytes).toString("base64");
};


/** A fresh person, asking through their own procedures, so each staff call has something new to act on. */
async function asDebtor(fresh: { debtorId: string }) {
  return createCaller(testContext(handle.db, { sessionId: "s", kind: "debtor", subjectId: fresh.debtorId, displayName: "Debtor" }, { now }));
}
const freshThread = async () => {
  const fresh = await freshCase();
  const sent = await (await asDebtor(fresh)).debtor.talk.send({ subject: { caseId: fresh.caseId }, body: "Hej, en fråga.", files: [] });
  if (!sent.ok) throw new Error("message not sent");
  return sent.threadId;
};
const freshCallback = async () => {
  const fresh = await freshCase();
  const debtor = await asDebtor(fresh);
  const options = await debtor.debtor.callbacks.options();
  return (await debtor.debtor.callbacks.request({ caseId: fresh.caseId, phone: "070-123 45 67", day: options.days[0]!, startHour: options.windows[0]!.startHour, topic: "Plan" })).callbackId;
};
const freshComplaint = async () => {
  const fresh = await freshCase();
  const filed = await (await asDebtor(fresh)).debtor.requests.complain({ caseId: fresh.caseId, body: "Ni svarade inte." });
  if (!filed.ok) throw new Error("complaint not filed");
  return filed.requestId;
};
const freshDataAccess = async () => (await (await asDebtor(await freshCase())).debtor.requests.dataAccess()).requestId;
const freshDispute = async () => {
  const fresh = await freshCase();
  return (await (await asDebtor(fresh)).debtor.disputes.submit({ caseId: fresh.caseId, reason: "other", part: "all", amountOre: null, description: "Fel belopp." })).disputeId;
};

const TABLE: Record<string, Row> = {
  "staff.attachments.download": {
    need: "debtor:read",
    input: async () => {
      const check = await validateUpload([{ name: "kvitto.png", bytes: await realPng() }]);
      if (!check.ok) throw new Error(check.code);
      const [file] = await storeAttachments(handle.db, { kind: "message", id: randomUUID(), debtorId, uploadedBy: "debtor" }, check.files);
      return { attachmentId: file!.id };
    },
  },
  "staff.talk.queue": { need: "queue:read", input: async () => undefined },
  "staff.talk.thread": { need: "debtor:read", input: async () => ({ threadId: await freshThread() }) },
  "staff.talk.reply": { need: "talk:answer", input: async () => ({ threadId: await freshThread(), body: "Tack, vi tittar på det." }) },
  "staff.talk.handled": { need: "talk:answer", input: async () => ({ threadId: await freshThread() }) },
  "staff.callbacks.get": { need: "debtor:read", input: async () => ({ callbackId: await freshCallback() }) },
  "staff.callbacks.outcome": { need: "talk:answer", input: async () => ({ callbackId: await freshCallback(), outcome: "reached", note: "" }) },
  "staff.requests.get": { need: "debtor:read", input: async () => ({ requestId: await freshComplaint() }) },
  "staff.requests.answer": { need: "talk:answer", input: async () => ({ requestId: await freshComplaint(), answer: "Vi ber om ursäkt." }) },
  "staff.requests.release": { need: "talk:answer", input: async () => ({ requestId: await freshDataAccess() }) },
  "staff.disputes.list": { need: "queue:read", input: async () => undefined },
  "staff.disputes.get": { need: "debtor:read", input: async () => ({ disputeId: await freshDispute() }) },
  "staff.disputes.decide": { need: "disputes:decide", input: async () => ({ disputeId: await freshDispute(), decision: { outcome: "reject" }, reason: "Kravet stämmer." }) },
  "staff.payments.queue": { need: "queue:read", input: async () => undefined },
  "staff.payments.assign": { need: "payments:write", input: async () => ({ paymentId: await unmatchedPayment(), caseNumber: (await freshCase()).caseNumber }) },
  "staff.payments.refund": { need: "payments:write", input: async () => ({ paymentId: await unmatchedPayment() }) },
  "staff.payments.import": { need: "payments:write", input: async () => ({ contentBase64: bgmaxFile() }) },
  "staff.plans.requests": { need: "queue:read", input: async () => undefined },
  "staff.plans.decide": {
    need: "plans:decide",
    input: async () => {
      const fresh = await freshCase();
      const plan = await proposePlan(handle.db, { debtorId: fresh.debtorId, answers: { caseIds: [fresh.caseId], months: 60, dueDay: 25, method: "bankgiro" }, locale: "sv", now, request: { reason: "test" } });
      return { planId: plan.planId, approve: true, note: "" };
    },
  },
  "staff.plans.counterOffer": {
    need: "plans:decide",
    input: async () => {
      const fresh = await freshCase();
      const plan = await proposePlan(handle.db, { debtorId: fresh.debtorId, answers: { caseIds: [fresh.caseId], months: 60, dueDay: 25, method: "bankgiro" }, locale: "sv", now, request: { reason: "test" } });
      return { planId: plan.planId, months: 10, note: "Tio månader går" };
    },
  },
  "staff.queue.list": { need: "queue:read", input: async () => ({}) },
  "staff.queue.load": { need: "staff:load", input: async () => undefined },
  "staff.queue.assign": { need: "queue:work", input: async () => ({ workItemId: (await handle.db.select({ id: workItems.id }).from(workItems).where(eq(workItems.status, "open")).limit(1))[0]!.id, to: "me" }) },
  "staff.debtors.search": { need: "queue:read", input: async () => ({ query: "Holmberg" }) },
  "staff.debtors.get": { need: "debtor:read", input: async () => ({ debtorId }) },
  "staff.debtors.revealNumber": { need: "debtor:reveal-pnr", input: async () => ({ debtorId, reason: "the person called" }) },
  "staff.debtors.addNote": { need: "debtor:write", input: async () => ({ debtorId, body: "A note" }) },
  "staff.debtors.setSupportNeed": { need: "debtor:write", input: async () => ({ debtorId, kind: "needs_more_time", detail: "Sick leave" }) },
  "staff.debtors.clearSupportNeed": {
    need: "debtor:write",
    input: async () => {
      const fresh = await freshCase();
      await handle.db.insert(debtorSupportNeeds).values({ debtorId: fresh.debtorId, kind: "other" });
      return { debtorId: fresh.debtorId };
    },
  },
  "staff.debtors.readSupportNeed": {
    need: "support-needs:read",
    input: async () => {
      const fresh = await freshCase();
      await handle.db.insert(debtorSupportNeeds).values({ debtorId: fresh.debtorId, kind: "other" });
      return { debtorId: fresh.debtorId, reason: "planning the call" };
    },
  },
  "staff.cases.placeHold": { need: "debtor:write", input: async () => ({ caseId, days: 5, reason: "waiting for papers" }) },
  "staff.cases.liftHold": {
    need: "debtor:write",
    input: async () => ({ holdId: (await handle.db.insert(caseHolds).values({ caseId, kind: "staff_hold", reason: "test", endsOn: "2026-12-30" }).returning({ id: caseHolds.id }))[0]!.id }),
  },
  "staff.cases.recordPromise": { need: "debtor:write", input: async () => ({ caseId, amountOre: 50_000, dueOn: "2026-12-10" }) },
  "staff.templates.list": { need: "templates:read", input: async () => ({}) },
  "staff.templates.save": { need: "templates:write", input: async () => ({ name: `Mall ${randomUUID().slice(0, 8)}`, bodySv: "Hej {name}", bodyEn: "Hello {name}" }) },
  "staff.templates.render": { need: "templates:read", input: async () => ({ templateId, debtorId, caseId }) },
  "staff.policies.list": { need: "queue:read", input: async () => undefined },
  "staff.policies.update": { need: "policy:write", input: async () => ({ creditorId, minInstalmentOre: 20_000, maxPlanMonths: 12, chargePlanFee: true, allowPlanPause: false, replyBankDays: 2 }) },
  "staff.insights.dashboard": { need: "insights:read", input: async () => ({ creditorId }) },
  "staff.insights.export": { need: "insights:read", input: async () => ({}) },
  "staff.experiments.list": { need: "insights:read", input: async () => undefined },
  "staff.experiments.start": {
    need: "experiments:manage",
    input: async () => {
      // One experiment runs per creditor: each call gets a creditor of its own.
      serial += 1;
      const [c] = await handle.db.insert(creditors).values({ name: `Försök ${serial} AB`, orgNumber: "556000-0001", kind: "test" }).returning({ id: creditors.id });
      await handle.db.insert(creditorPolicies).values({ creditorId: c!.id, minInstalmentOre: 10_000, maxPlanMonths: 12, maxDueDateShiftDays: 14 });
      return { creditorId: c!.id, kind: "due_day", armA: "23", armB: "26" };
    },
  },
  "staff.experiments.stop": {
    need: "experiments:manage",
    input: async () => {
      serial += 1;
      const [c] = await handle.db.insert(creditors).values({ name: `Försök ${serial} AB`, orgNumber: "556000-0001", kind: "test" }).returning({ id: creditors.id });
      await handle.db.insert(creditorPolicies).values({ creditorId: c!.id, minInstalmentOre: 10_000, maxPlanMonths: 12, maxDueDateShiftDays: 14 });
      const [e] = await handle.db.insert(experiments).values({ creditorId: c!.id, kind: "reminder_days", armA: "3", armB: "5", salt: "test" }).returning({ id: experiments.id });
      return { experimentId: e!.id, winner: "b" };
    },
  },
  "staff.audit.list": { need: "audit:read", input: async () => ({}) },
  "staff.audit.export": { need: "audit:read", input: async () => ({}) },
  "staff.users.list": { need: "staff:manage", input: async () => undefined },
  "staff.users.add": { need: "staff:manage", input: async () => ({ personalNumber: generateValidPersonnummer("1970-01-01", ++serial % 1000), name: "New Person", role: "agent" }) },
  "staff.users.update": {
    need: "staff:manage",
    input: async () => ({ staffUserId: (await handle.db.insert(staffUsers).values({ personalNumberHash: `test-${randomUUID()}`, name: "Someone", role: "agent" }).returning({ id: staffUsers.id }))[0]!.id, role: "supervisor" }),
  },
};

const staffPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("staff.")).sort();

function callerFor(role: StaffRole | "debtor") {
  const viewer =
    role === "debtor"
      ? { sessionId: "s", kind: "debtor" as const, subjectId: debtorId, displayName: "Debtor" }
      : { sessionId: "s", kind: "staff" as const, subjectId: staffIds[role], role, displayName: role };
  return createCaller(testContext(handle.db, viewer, { now }));
}

async function call(role: StaffRole | "debtor", path: string, input: unknown) {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callerFor(role)) as (i: unknown) => Promise<unknown>;
  return fn(input);
}

const auditsBy = async (staffId: string) => (await handle.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.actorKind, "staff"), eq(auditEvents.actorId, staffId))))[0]!.n;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, TODAY, { workday: true });
  for (const role of STAFF_ROLES) staffIds[role] = (await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, role)).limit(1))[0]!.id;
  const [person] = await handle.db.select({ id: debtors.id }).from(debtors).where(eq(debtors.surname, "Holmberg"));
  debtorId = person!.id;
  const [c] = await handle.db.select({ id: cases.id, creditorId: cases.creditorId }).from(cases).where(eq(cases.debtorId, debtorId));
  caseId = c!.id;
  creditorId = (await handle.db.select({ id: creditors.id }).from(creditors).where(eq(creditors.name, "Hemma & Handla AB")))[0]!.id;
  templateId = (await handle.db.select({ id: replyTemplates.id }).from(replyTemplates).limit(1))[0]!.id;
});
afterAll(() => handle.close());

describe("every staff procedure", () => {
  it("has a row in the permission table, and the table names no procedure that is gone", () => {
    expect(staffPaths.length).toBeGreaterThan(20);
    expect(staffPaths).toEqual(Object.keys(TABLE).sort());
  });

  for (const path of staffPaths) {
    describe(path, () => {
      for (const role of STAFF_ROLES) {
        it(`${role}: ${TABLE[path] && rolesWith(TABLE[path].need).includes(role) ? "allowed, with exactly one audit event" : "FORBIDDEN, with no audit event"}`, async () => {
          const row = TABLE[path];
          expect(row, `add ${path} to the table`).toBeDefined();
          const input = await row!.input();
          const before = await auditsBy(staffIds[role]);
          if (rolesWith(row!.need).includes(role)) {
            await call(role, path, input);
            expect(await auditsBy(staffIds[role]), `${path} as ${role}: audit events written`).toBe(before + 1);
          } else {
            const error = await call(role, path, input).catch((e: unknown) => e);
            expect(error).toBeInstanceOf(TRPCError);
            expect((error as TRPCError).code).toBe("FORBIDDEN");
            expect(await auditsBy(staffIds[role])).toBe(before);
          }
        });
      }
      it("a debtor's session gets UNAUTHORIZED", async () => {
        const error = await call("debtor", path, await TABLE[path]!.input()).catch((e: unknown) => e);
        expect((error as TRPCError).code).toBe("UNAUTHORIZED");
      });
    });
  }

  it("keeps the audit of a search free of the words typed", async () => {
    await call("agent", "staff.debtors.search", { query: "Holmberg" });
    const rows = await handle.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, "search.viewed"));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.stringify(r.details)).not.toMatch(/holmberg/i);
  });

  it("counts each person's own cases and support need in a search", async () => {
    const [karl] = (await call("agent", "staff.debtors.search", { query: "Karl Lund" })) as { caseCount: number; supportNeed: boolean }[];
    expect(karl).toMatchObject({ caseCount: 1, supportNeed: false });
    const [lars] = (await call("agent", "staff.debtors.search", { query: "Lars Dahl" })) as { caseCount: number; supportNeed: boolean }[];
    expect(lars).toMatchObject({ caseCount: 1, supportNeed: true });
  });

  it("a read writes one audit event in all, whoever it is by", async () => {
    const before = (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n;
    await call("agent", "staff.debtors.get", { debtorId });
    expect((await handle.db.select({ n: count() }).from(auditEvents).where(sql`true`))[0]!.n).toBe(before + 1);
  });
});
