import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client";
import { cases, debtors, paymentAllocations, payments } from "../../../db/schema";
import { seedDemoIfEmpty } from "../../../db/seed/demo";
import { DEMO_DEBTORS } from "../../../db/seed/demo-people";
import { personalNumberHash } from "../../../security/personal-number";
import { env } from "../../../env";
import { createTestDb } from "../../../testing/db";
import { debtorViewer, testContext } from "../../../testing/context";
import { createCaller } from "../../root";

let handle: DbHandle;
const ids: Record<string, string> = {};
/** Statements run so far, as drizzle reports them. */
let statements = 0;

beforeAll(async () => {
  handle = await createTestDb({
    logger: {
      logQuery: () => {
        statements += 1;
      },
    },
  });
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  for (const person of DEMO_DEBTORS) {
    const [row] = await handle.db.select({ id: debtors.id }).from(debtors).where(eq(debtors.personalNumberHash, personalNumberHash(person.personalNumber, env().KVITT_PNR_HASH_KEY)));
    ids[person.key] = row!.id;
  }
});
afterAll(() => handle.close());

const as = (key: string | null) => createCaller(testContext(handle.db, debtorViewer(key ? ids[key]! : null)));

describe("debtor.cases", () => {
  it("lists every case of the signed-in debtor across creditors, and nobody else's", async () => {
    const erik = await as("erik").debtor.cases.list();
    expect(erik.cases.map((c) => c.creditorName).sort()).toEqual(["Bostads AB Tallbacken", "Hemma & Handla AB", "Norrsken Mobil AB"]);
    expect(erik.totalLeftOre).toBe(erik.cases.reduce((s, c) => s + c.leftOre, 0));
    const owned = await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.debtorId, ids.erik!));
    expect(new Set(erik.cases.map((c) => c.id))).toEqual(new Set(owned.map((c) => c.id)));
  });

  it("never returns another debtor's case, by any id", async () => {
    const all = await handle.db.select({ id: cases.id, debtorId: cases.debtorId }).from(cases);
    const notAnnas = all.filter((c) => c.debtorId !== ids.anna);
    expect(notAnnas.length).toBeGreaterThan(3);
    for (const c of notAnnas) {
      await expect(as("anna").debtor.cases.get({ caseId: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(as("anna").debtor.cases.get({ caseId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("anna").debtor.cases.get({ caseId: "../etc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("asks the database the same number of times whatever the number of cases (no N+1)", async () => {
    const counted = async (call: () => Promise<unknown>) => {
      const before = statements;
      await call();
      return statements - before;
    };
    await as("erik").debtor.cases.list(); // reference rates are then cached for a minute
    const anna = await as("anna").debtor.cases.list();
    const erik = await as("erik").debtor.cases.list();
    expect(anna.cases).toHaveLength(1);
    expect(erik.cases.length).toBeGreaterThanOrEqual(3);
    const forOne = await counted(() => as("anna").debtor.cases.list());
    expect(await counted(() => as("erik").debtor.cases.list())).toBe(forOne);
    expect(forOne).toBe(1);

    // The case page: one statement for the case, its balance, payments, letters and events.
    const [mohammedsCase] = (await as("mohammed").debtor.cases.list()).cases;
    const casePage = [
      await counted(() => as("anna").debtor.cases.get({ caseId: anna.cases[0]!.id })),
      await counted(() => as("mohammed").debtor.cases.get({ caseId: mohammedsCase!.id })),
    ];
    for (const c of erik.cases) casePage.push(await counted(() => as("erik").debtor.cases.get({ caseId: c.id })));
    expect(casePage).toEqual(casePage.map(() => 1));
  });

  it("refuses callers who are not a signed-in debtor with cases", async () => {
    const [annasCase] = await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.debtorId, ids.anna!));
    await expect(createCaller(testContext(handle.db, null)).debtor.cases.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(null).debtor.cases.get({ caseId: annasCase!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staff = createCaller(testContext(handle.db, { sessionId: "s", kind: "staff", subjectId: ids.anna!, role: "supervisor", displayName: "x" }));
    await expect(staff.debtor.cases.get({ caseId: annasCase!.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives the case page a breakdown that adds up to the öre", async () => {
    const list = await as("erik").debtor.cases.list();
    for (const summary of list.cases) {
      const c = await as("erik").debtor.cases.get({ caseId: summary.id });
      const b = c.balance;
      expect(b.lines.filter((l) => l.key !== "paid").reduce((s, l) => s + l.amountOre, 0)).toBe(b.totalOre);
      expect(b.principal.leftOre + b.interest.leftOre + b.fees.reduce((s, f) => s + f.leftOre, 0)).toBe(b.leftOre);
      expect(b.leftOre).toBe(summary.leftOre);
      expect(c.documents.map((d) => d.kind)).toContain("collection_letter");
    }
  });

  it("shows a booked payment in the history and in the balance", async () => {
    const [annasCase] = await handle.db.select().from(cases).where(eq(cases.debtorId, ids.anna!));
    const before = await as("anna").debtor.cases.get({ caseId: annasCase!.id });
    const [p] = await handle.db
      .insert(payments)
      .values({ caseId: annasCase!.id, method: "bankgiro", amountOre: 10000, idempotencyKey: "test:1", bookedOn: "2026-11-20" })
      .returning();
    await handle.db.insert(paymentAllocations).values({ paymentId: p!.id, caseId: annasCase!.id, component: "fee", chargeId: before.balance.fees[0]!.chargeId, amountOre: 6000, bookedOn: "2026-11-20" });
    await handle.db.insert(paymentAllocations).values({ paymentId: p!.id, caseId: annasCase!.id, component: "fee", chargeId: before.balance.fees[1]!.chargeId, amountOre: 4000, bookedOn: "2026-11-20" });
    const after = await as("anna").debtor.cases.get({ caseId: annasCase!.id });
    expect(after.payments).toHaveLength(1);
    expect(after.balance.paidOre).toBe(10000);
    expect(after.balance.leftOre).toBe(before.balance.leftOre - 10000);
  });

  it("tells the disputed case apart and leaves it out of the total", async () => {
    const lena = await as("lena").debtor.cases.list();
    expect(lena.cases[0]!.state).toBe("disputed");
    expect(lena.totalLeftOre).toBe(0);
  });

  it("forecasts a debt-free date over all open cases", async () => {
    const r = await as("erik").debtor.debtFree({ monthlyOre: 200_000 });
    expect(r.debtFreeDate).not.toBeNull();
    expect(r.months.at(-1)!.leftOre).toBe(0);
    const slow = await as("erik").debtor.debtFree({ monthlyOre: 100_000 });
    expect(slow.months.length).toBeGreaterThan(r.months.length);
    expect(slow.interestOre).toBeGreaterThan(r.interestOre);
    // The chart's dashed line: the smallest amount a month, slower, costlier, and also down to zero.
    const smallest = await as("erik").debtor.debtFree({ monthlyOre: r.baselineMonthlyOre! });
    expect(r.baselineMonths).toEqual(smallest.months);
    expect(r.baselineMonths!.length).toBeGreaterThan(r.months.length);
    expect(r.baselineMonths!.at(-1)!.leftOre).toBe(0);
    expect(r.interestAvoidedOre).toBe(smallest.interestOre - r.interestOre);
    expect(smallest.baselineMonths).toBeNull();
    await expect(as("erik").debtor.debtFree({ monthlyOre: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
