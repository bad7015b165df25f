import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { bankidOrders, debtors, instalments, paymentRequests, staffUsers } from "../db/schema";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { storeAttachments, validateUpload } from "../modules/attachments/attachments";
import { hashBinding } from "../modules/bankid-login/binding";
import { bookPayments, inBookingTransaction } from "../modules/payments/book";
import { proposePlan } from "../modules/plans/propose";
import { debtorViewer, testContext } from "../testing/context";
import { createTestDb } from "../testing/db";
import { realPdf } from "../testing/files";
import { demoIds } from "../testing/payments";
import { ACCESS, type Owned, type StaffRole } from "./access-matrix";
import { appRouter, createCaller } from "./root";
import type { Viewer } from "./trpc";

/**
 * The generated access matrix: every procedure of the router, called with debtor A's ids by every
 * kind of viewer. A debtor procedure given A's ids answers NOT_FOUND to anyone else (another debtor,
 * a person with no cases) and UNAUTHORIZED to staff and to nobody; a staff procedure answers
 * FORBIDDEN to the roles it does not allow and UNAUTHORIZED to debtors and to nobody; and no answer
 * to anyone but A carries any of A's ids or A's name. Reads are also called as A, to show the ids
 * are real.
 */
const NOW = new Date("2026-11-24T10:00:00Z");
let handle: DbHandle;
let owned: Owned;
let others: { otherDebtor: string; staff: Record<StaffRole, string> };
let secrets: string[];

beforeAll(async () => {
  handle = await createTestDb();
  const db = handle.db;
  await seedDemoIfEmpty(db, "2026-11-22");
  const ids = await demoIds(db);
  const erik = ids.erik!;
  const [caseId, planCase, payCase] = erik.caseIds;
  const { planId } = await proposePlan(db, { debtorId: erik.debtorId, answers: { caseIds: [planCase!], months: 3, dueDay: 26, method: "bankgiro" }, locale: "sv", now: NOW });
  const [instalment] = await db.select({ id: instalments.id }).from(instalments).where(eq(instalments.planId, planId));
  const [booked, unmatched] = await inBookingTransaction(db, (tx) =>
    bookPayments(
      tx,
      [
        { idempotencyKey: "matrix:booked", method: "manual", amountOre: 10_000, bookedOn: "2026-11-22", caseId: payCase! },
        { idempotencyKey: "matrix:unmatched", method: "bankgiro", amountOre: 5_000, bookedOn: "2026-11-22", ocrReference: "1234567897", payerName: "Erik Johansson" },
      ],
      { kind: "system", id: null },
    ),
  );
  const [request] = await db
    .insert(paymentRequests)
    .values({ debtorId: erik.debtorId, targets: [{ caseId: caseId!, amountOre: 10_000 }], method: "swish", amountOre: 10_000, externalId: `matrix-${randomUUID()}`, token: "t" })
    .returning({ id: paymentRequests.id });
  const upload = await validateUpload([{ name: "kvitto.pdf", bytes: await realPdf() }]);
  if (!upload.ok) throw new Error(upload.code);
  const [attachment] = await storeAttachments(db, { kind: "message", id: randomUUID(), debtorId: erik.debtorId, uploadedBy: "debtor" }, upload.files);
  const [debtor] = await db.select().from(debtors).where(eq(debtors.id, erik.debtorId));
  const [order] = await db
    .insert(bankidOrders)
    .values({
      orderRef: `matrix-${randomUUID()}`,
      kind: "sign",
      purpose: `plan:${planId}`,
      browserBindingHash: hashBinding("erik's browser"),
      qrStartToken: "t",
      qrStartSecret: "s",
      autoStartToken: "a",
      status: "complete",
      personalNumberHash: debtor!.personalNumberHash,
    })
    .returning({ id: bankidOrders.id });
  owned = {
    debtorId: erik.debtorId,
    caseId: caseId!,
    planId,
    instalmentId: instalment!.id,
    paymentId: booked!.paymentId,
    requestId: request!.id,
    attachmentId: attachment!.id,
    orderId: order!.id,
    unmatchedPaymentId: unmatched!.paymentId,
  };
  const staffRows = await db.select({ id: staffUsers.id, role: staffUsers.role }).from(staffUsers);
  const staffOf = (role: StaffRole) => staffRows.find((s) => s.role === role)?.id ?? staffRows[0]!.id;
  others = { otherDebtor: ids.sara!.debtorId, staff: { agent: staffOf("agent"), supervisor: staffOf("supervisor"), admin: staffOf("admin") } };
  // What must never reach anyone but Erik: his ids (the case ids of all his cases too) and his name.
  secrets = [...erik.caseIds, owned.debtorId, owned.planId, owned.instalmentId, owned.paymentId, owned.requestId, owned.attachmentId, "Johansson"];
});
afterAll(() => handle.close());

type ViewerName = "owner" | "another debtor" | "person without cases" | `staff ${StaffRole}` | "signed out";

function viewerFor(name: ViewerName): Viewer | null {
  if (name === "owner") return debtorViewer(owned.debtorId);
  if (name === "another debtor") return debtorViewer(others.otherDebtor);
  if (name === "person without cases") return debtorViewer(null);
  if (name === "signed out") return null;
  const role = name.slice("staff ".length) as StaffRole;
  return { sessionId: "matrix", kind: "staff", subjectId: others.staff[role], role, displayName: "Staff" };
}

async function call(path: string, viewer: Viewer | null, input: unknown): Promise<{ ok: true; data: unknown } | { ok: false; code: string }> {
  const caller = createCaller(testContext(handle.db, viewer, { now: NOW })) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, data: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code };
    throw error;
  }
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>;
const STAFF_VIEWERS: ViewerName[] = ["staff agent", "staff supervisor", "staff admin"];

describe("the access matrix", () => {
  it("has an entry for every procedure of the router, and none for a procedure that is gone", () => {
    const missing = Object.keys(procedures).filter((p) => !(p in ACCESS));
    const gone = Object.keys(ACCESS).filter((p) => !(p in procedures));
    expect(missing, "add these to server/api/access-matrix.ts").toEqual([]);
    expect(gone, "remove these from server/api/access-matrix.ts").toEqual([]);
  });

  it("lets no viewer reach debtor A's data, and refuses each role what it may not do", async () => {
    const failures: string[] = [];
    let cases = 0;
    let leaks = 0;
    for (const [path, entry] of Object.entries(ACCESS)) {
      if (!procedures[path] || entry.notCalled) continue;
      const input = entry.input(owned);
      const named = JSON.stringify(input ?? null);
      const idBearing = Object.values(owned).some((id) => named.includes(id));
      const expectations: [ViewerName, (result: Awaited<ReturnType<typeof call>>) => string | null][] = [];
      const denied = (codes: string[]) => (r: Awaited<ReturnType<typeof call>>) => (r.ok ? `answered ${JSON.stringify(r.data).slice(0, 80)}` : codes.includes(r.code) ? null : `gave ${r.code}`);
      const noLeak = (r: Awaited<ReturnType<typeof call>>) => {
        if (!r.ok) return r.code === "INTERNAL_SERVER_ERROR" ? "gave INTERNAL_SERVER_ERROR" : null;
        const text = JSON.stringify(r.data);
        const found = secrets.filter((s) => text.includes(s));
        return found.length > 0 ? `leaked ${found.join(", ")}` : null;
      };
      if (entry.who === "debtor" || entry.who === "person") {
        for (const name of ["another debtor", "person without cases"] as const) {
          if (name === "person without cases" && entry.who === "debtor") expectations.push([name, denied(["NOT_FOUND"])]);
          else expectations.push([name, idBearing ? denied(["NOT_FOUND"]) : noLeak]);
        }
        for (const name of [...STAFF_VIEWERS, "signed out" as const]) expectations.push([name, denied(["UNAUTHORIZED"])]);
      } else if (entry.who === "public") {
        for (const name of ["another debtor", "person without cases", ...STAFF_VIEWERS, "signed out"] as ViewerName[]) {
          expectations.push([name, idBearing ? denied(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"]) : noLeak]);
        }
      } else {
        const allowed = entry.who.staff;
        for (const name of STAFF_VIEWERS) {
          const role = name.slice("staff ".length) as StaffRole;
          if (!allowed.includes(role)) expectations.push([name, denied(["FORBIDDEN"])]);
        }
        for (const name of ["owner", "another debtor", "person without cases", "signed out"] as ViewerName[]) expectations.push([name, denied(["UNAUTHORIZED"])]);
      }
      for (const [name, check] of expectations) {
        cases += 1;
        const result = await call(path, viewerFor(name), input);
        const problem = check(result);
        if (problem) {
          failures.push(`${path} as ${name}: ${problem}`);
          if (problem.startsWith("answered") || problem.startsWith("leaked")) leaks += 1;
        }
      }
      // The owner's reads work with these ids, so the refusals above are about the viewer.
      if ((entry.who === "debtor" || entry.who === "person") && procedures[path]!._def.type === "query") {
        cases += 1;
        const result = await call(path, viewerFor("owner"), input);
        if (!result.ok) failures.push(`${path} as its owner: gave ${result.code} (the matrix's input does not name A's own things)`);
      }
      // The allowed staff roles get past the door.
      if (typeof entry.who === "object" && procedures[path]!._def.type === "query") {
        for (const role of entry.who.staff) {
          cases += 1;
          const result = await call(path, viewerFor(`staff ${role}`), input);
          if (!result.ok && ["UNAUTHORIZED", "FORBIDDEN", "INTERNAL_SERVER_ERROR"].includes(result.code)) failures.push(`${path} as staff ${role}: gave ${result.code}`);
        }
      }
    }
    console.info(`access matrix: ${Object.keys(ACCESS).length} procedures, ${cases} procedure × input × viewer cases, ${leaks} leaks`);
    expect(failures).toEqual([]);
    expect(leaks).toBe(0);
  });
});
