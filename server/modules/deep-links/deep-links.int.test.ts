import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { deepLinkOpens, deepLinkTokens } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { getDebtorCase } from "../cases/get-debtor-case";
import { createDeepLinkRow, openDeepLink } from "./deep-links";

const NOW = new Date("2026-12-07T09:00:00Z");
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let n = 0;
const ip = () => `test-ip-${++n}`;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-12-01");
  ids = await demoIds(handle.db);
});
afterAll(() => handle.close());

describe("a message's deep link", () => {
  it("holds no personal data and only its hash is stored; opened, it names the case and message it is for", async () => {
    const { token, id } = await createDeepLinkRow(handle.db, { debtorId: ids.anna!.debtorId, caseId: ids.anna!.caseIds[0]!, channel: "sms", now: NOW });
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{22}$/);
    const [row] = await handle.db.select().from(deepLinkTokens).where(eq(deepLinkTokens.id, id));
    expect(JSON.stringify(row)).not.toContain(token);
    const opened = await openDeepLink(handle.db, { token, ipKey: ip(), now: NOW });
    expect(opened).toEqual({ ok: true, debtorId: ids.anna!.debtorId, caseId: ids.anna!.caseIds[0], channel: "sms", linkId: id });
    expect(await handle.db.select().from(deepLinkOpens).where(eq(deepLinkOpens.linkId, id))).toHaveLength(1);
  });

  it("a tampered token is not found, without the database being asked about it", async () => {
    const { token } = await createDeepLinkRow(handle.db, { debtorId: ids.anna!.debtorId, caseId: ids.anna!.caseIds[0]!, channel: "email", now: NOW });
    const [random, sig] = token.split(".") as [string, string];
    const flipped = `${random.slice(0, -1)}${random.endsWith("A") ? "B" : "A"}.${sig}`;
    expect(await openDeepLink(handle.db, { token: flipped, ipKey: ip(), now: NOW })).toEqual({ ok: false, reason: "not_found" });
    expect(await openDeepLink(handle.db, { token: `${random}.${"x".repeat(22)}`, ipKey: ip(), now: NOW })).toEqual({ ok: false, reason: "not_found" });
    expect(await openDeepLink(handle.db, { token: `${token}x`, ipKey: ip(), now: NOW })).toEqual({ ok: false, reason: "not_found" });
  });

  it("an expired link says so (the landing then asks the person to sign in) and the opening is logged", async () => {
    const { token, id } = await createDeepLinkRow(handle.db, { debtorId: ids.erik!.debtorId, caseId: ids.erik!.caseIds[0]!, channel: "kivra", now: NOW, ttlDays: 30 });
    expect(await openDeepLink(handle.db, { token, ipKey: ip(), now: new Date(NOW.getTime() + 31 * 86_400_000) })).toEqual({ ok: false, reason: "expired" });
    expect((await handle.db.select().from(deepLinkOpens).where(eq(deepLinkOpens.linkId, id)))[0]!.outcome).toBe("expired");
  });

  it("opened again (replayed, by anyone) it still only points: it never signs anybody in, and each opening is counted", async () => {
    const { token, id } = await createDeepLinkRow(handle.db, { debtorId: ids.sara!.debtorId, caseId: ids.sara!.caseIds[0]!, channel: "sms", now: NOW });
    const first = await openDeepLink(handle.db, { token, ipKey: ip(), now: NOW });
    const again = await openDeepLink(handle.db, { token, ipKey: ip(), now: new Date(NOW.getTime() + 60_000) });
    expect(again).toEqual(first);
    expect(Object.keys(again)).not.toContain("session");
    expect((await handle.db.select().from(deepLinkTokens).where(eq(deepLinkTokens.id, id)))[0]!.openedCount).toBe(2);
  });

  it("someone else who signs in after opening it sees nothing of the case", async () => {
    const { token } = await createDeepLinkRow(handle.db, { debtorId: ids.anna!.debtorId, caseId: ids.anna!.caseIds[0]!, channel: "email", now: NOW });
    const opened = await openDeepLink(handle.db, { token, ipKey: ip(), now: NOW });
    if (!opened.ok) throw new Error("expected the link to open");
    // After BankID the landing goes to the case; for Erik that case does not exist.
    await expect(getDebtorCase(handle.db, { debtorId: ids.erik!.debtorId, caseId: opened.caseId!, asOf: "2026-12-07" })).rejects.toMatchObject({ code: "case_not_found" });
    expect((await getDebtorCase(handle.db, { debtorId: ids.anna!.debtorId, caseId: opened.caseId!, asOf: "2026-12-07" })).id).toBe(opened.caseId);
  });

  it("too many openings from one address are refused for a while", async () => {
    const { token } = await createDeepLinkRow(handle.db, { debtorId: ids.johan!.debtorId, caseId: null, channel: "sms", now: NOW });
    const key = ip();
    for (let i = 0; i < 30; i++) await openDeepLink(handle.db, { token, ipKey: key, now: NOW });
    expect(await openDeepLink(handle.db, { token, ipKey: key, now: NOW })).toEqual({ ok: false, reason: "rate_limited" });
  });
});
