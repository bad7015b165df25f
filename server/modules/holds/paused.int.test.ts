import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { caseHolds, cases, debtors, debtorSupportNeeds } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { casesReadyForPaymentOrder } from "../cases/payment-order";
import { caseOnHold, debtorHasSupportNeed } from "./paused";

let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
});
afterAll(() => handle.close());

describe("the hold and support-need rules inside a query over one table", () => {
  it("a staff hold keeps a case from the payment-order step until it is lifted", async () => {
    const caseId = ids.johan!.caseIds[0]!;
    const [row] = await handle.db.select({ from: cases.paymentOrderFrom }).from(cases).where(eq(cases.id, caseId));
    const day = row!.from!;
    expect((await casesReadyForPaymentOrder(handle.db, day)).map((c) => c.id)).toContain(caseId);
    const [hold] = await handle.db.insert(caseHolds).values({ caseId, kind: "staff_hold", reason: "waiting for papers", endsOn: "2099-01-01" }).returning({ id: caseHolds.id });
    expect((await casesReadyForPaymentOrder(handle.db, day)).map((c) => c.id)).not.toContain(caseId);
    const [others] = await handle.db.select({ held: sql<boolean>`${caseOnHold(cases.id, day)}` }).from(cases).where(eq(cases.id, ids.anna!.caseIds[0]!));
    expect(others!.held).toBe(false);
    await handle.db.update(caseHolds).set({ liftedAt: new Date() }).where(eq(caseHolds.id, hold!.id));
    expect((await casesReadyForPaymentOrder(handle.db, day)).map((c) => c.id)).toContain(caseId);
  });

  it("a support need is the person's own, read from their row", async () => {
    const flagged = async (key: string) =>
      (await handle.db.select({ need: sql<boolean>`${debtorHasSupportNeed(debtors.id)}` }).from(debtors).where(eq(debtors.id, ids[key]!.debtorId)))[0]!.need;
    expect(await flagged("sara")).toBe(false);
    await handle.db.insert(debtorSupportNeeds).values({ debtorId: ids.sara!.debtorId, kind: "needs_more_time" });
    expect(await flagged("sara")).toBe(true);
    expect(await flagged("erik")).toBe(false);
  });
});
