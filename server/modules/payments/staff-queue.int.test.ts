import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import type { DbHandle } from "../../db/client";
import { auditEvents, cases, paymentAllocations, paymentRequests, payments, refunds, staffUsers } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { isValidOcr } from "../../domain/ocr";
import { debtorViewer, testContext } from "../../testing/context";
import { createTestDb } from "../../testing/db";
import { demoIds, paymentWorld } from "../../testing/payments";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { bookPayments } from "./book";
import { startPayment } from "./start-payment";
import { nearReferences } from "./staff-queue";

const TODAY = "2026-11-24";
const now = () => new Date(`${TODAY}T10:00:00Z`);

let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let world: Awaited<ReturnType<typeof paymentWorld>>;
let agentId: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
  world = await paymentWorld(handle.db, now);
  const [agent] = await handle.db.select().from(staffUsers).where(eq(staffUsers.role, "agent"));
  agentId = agent!.id;
});
afterAll(async () => {
  await world.close();
  await handle.close();
});

const staff = () => createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: agentId, role: "agent", displayName: "Maria" }, { now: now(), payments: world.deps }));
const caseRow = async (id: string) => (await handle.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const bank = (key: string, amountOre: number, ocrReference: string | null, referenceChecked = true, payerName: string | null = null) =>
  handle.db.transaction((tx) => bookPayments(tx, [{ idempotencyKey: key, method: "bankgiro", amountOre, bookedOn: TODAY, ocrReference, referenceChecked, payerName }], { kind: "system", id: null }));

describe("near references", () => {
  it("finds valid OCR numbers one typo or one swap away", () => {
    // Luhn catches every single wrong digit, so a slipped reference is never valid; its neighbours may be.
    expect(isValidOcr("1234567891")).toBe(false);
    const near = nearReferences("1234567891");
    expect(near).toContain("1234567897");
    expect(near.every((r) => isValidOcr(r))).toBe(true);
    expect(nearReferences("2134567897")).toContain("1234567897");
  });
});

describe("the staff payment queue", () => {
  it("suggests the right case for a slipped reference, and placing it settles the case once", async () => {
    const { caseIds } = ids.sara!;
    const target = await caseRow(caseIds[0]!);
    // One digit off: not a case's reference.
    const wrong = `${target.ocrReference.slice(0, -3)}${(Number(target.ocrReference.at(-3)) + 1) % 10}${target.ocrReference.slice(-2)}`;
    const [out] = await bank("test:slip", 30_000, wrong, true, "Sara Lind");
    expect(out!.status).toBe("unmatched");

    const queue = await staff().staff.payments.queue();
    const item = queue.find((q) => q.id === out!.paymentId)!;
    expect(item.kind).toBe("unmatched");
    const [ledger] = await loadDebtorLedgers(handle.db, { debtorId: ids.sara!.debtorId, caseId: target.id, asOf: TODAY });
    const before = ledger!.balance.leftOre;
    expect(item.suggestions.map((s) => s.id)).toContain(target.id);

    await staff().staff.payments.assign({ paymentId: out!.paymentId, caseNumber: target.caseNumber });
    await expect(staff().staff.payments.assign({ paymentId: out!.paymentId, caseId: target.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const [after] = await loadDebtorLedgers(handle.db, { debtorId: ids.sara!.debtorId, caseId: target.id, asOf: TODAY });
    expect(after!.balance.leftOre).toBe(before - 30_000);
    const parts = await handle.db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, out!.paymentId));
    expect(parts.reduce((s, p) => s + p.amountOre, 0)).toBe(30_000);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.subjectId, out!.paymentId));
    expect(audit.map((a) => a.action)).toContain("payment.assigned");
  });

  it("pays back an overpayment once, and a whole unmatched payment", async () => {
    const { debtorId, caseIds } = ids.anna!;
    const c = await caseRow(caseIds[0]!);
    const [ledger] = await loadDebtorLedgers(handle.db, { debtorId, caseId: c.id, asOf: TODAY });
    const owed = ledger!.balance.leftOre;
    const [over] = await bank("test:over", owed + 12_345, c.ocrReference);
    expect(over).toMatchObject({ status: "booked", overpaymentOre: 12_345, casePaid: true });
    expect((await caseRow(c.id)).status).toBe("paid");

    const queue = await staff().staff.payments.queue();
    expect(queue.find((q) => q.id === over!.paymentId)).toMatchObject({ kind: "overpaid", overpaymentOre: 12_345 });
    const refund = await staff().staff.payments.refund({ paymentId: over!.paymentId });
    expect(refund).toMatchObject({ method: "bank_transfer", amountOre: 12_345, status: "requested" });
    await expect(staff().staff.payments.refund({ paymentId: over!.paymentId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await staff().staff.payments.queue()).find((q) => q.id === over!.paymentId)).toBeUndefined();

    const [stray] = await bank("test:stray", 9_900, null);
    await staff().staff.payments.refund({ paymentId: stray!.paymentId });
    const [row] = await handle.db.select().from(payments).where(eq(payments.id, stray!.paymentId));
    expect(row).toMatchObject({ status: "refunded", refundedOre: 9_900 });
    expect(await handle.db.select().from(refunds).where(eq(refunds.paymentId, stray!.paymentId))).toHaveLength(1);
  });

  it("refunds a Swish payment through Swish, and Swish's callback settles the refund", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    const started = await startPayment(handle.db, world.deps, { debtorId, caseIds, amountOre: 20_000, method: "swish", locale: "sv", now: now() });
    const [request] = await handle.db.select().from(paymentRequests).where(eq(paymentRequests.id, started.requestId));
    const found = await world.swish("find", { token: request!.token });
    const paid = await world.swish(`payments/${found.body.id as string}/pay`, { callback: { times: 0, delayMs: 0 } });
    // The same money arriving with an amount we did not ask for would wait here, unmatched.
    const [stray] = await handle.db.transaction((tx) =>
      bookPayments(tx, [{ idempotencyKey: "test:swish-stray", method: "swish", amountOre: 20_000, bookedOn: TODAY, externalReference: paid.body.paymentReference as string }], { kind: "system", id: null }),
    );
    const refund = await staff().staff.payments.refund({ paymentId: stray!.paymentId });
    expect(refund).toMatchObject({ method: "swish", status: "requested", amountOre: 20_000 });
    await world.settle();
    const [row] = await handle.db.select().from(refunds).where(eq(refunds.id, refund.refundId));
    expect(row!.status).toBe("paid");
  });

  it("is for staff only", async () => {
    await expect(createCaller(testContext(handle.db, debtorViewer(ids.anna!.debtorId))).staff.payments.queue()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(createCaller(testContext(handle.db, null)).staff.payments.refund({ paymentId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
