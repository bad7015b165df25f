import { readFileSync } from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { auditEvents, bgmaxImports, cases, paymentAllocations, payments } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { parseBgMax, writeBgMax, type BgMaxFile, type BgMaxPayment } from "../../domain/bgmax";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { importBgMax } from "./import-bgmax";

const OURS = "5050-1055";
const actor = { kind: "system" as const, id: "test" };
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  ids = await demoIds(handle.db);
});
afterAll(() => handle.close());

const ocrOf = async (caseId: string) => (await handle.db.select({ ocr: cases.ocrReference }).from(cases).where(eq(cases.id, caseId)))[0]!.ocr;
const leftOf = async (key: string, caseId: string) => (await loadDebtorLedgers(handle.db, { debtorId: ids[key]!.debtorId, caseId, asOf: "2026-11-24" }))[0]!.balance.leftOre;

function payment(reference: string, amountOre: number, serial: string, referenceCode = 2, kind: BgMaxPayment["kind"] = "payment"): BgMaxPayment {
  return { kind, senderBankgiro: "", reference, referenceCode, amountOre, channel: 1, serial, extraReferences: [], freeText: [], name: "Test Betalare" };
}

function file(timestamp: string, list: BgMaxPayment[], depositSerial = "00001"): BgMaxFile {
  const amountOre = list.reduce((s, p) => s + (p.kind === "deduction" ? -p.amountOre : p.amountOre), 0);
  return {
    timestamp,
    test: false,
    version: 1,
    sections: [{ payeeBankgiro: "50501055", currency: "SEK", deposit: { date: "2026-11-23", serial: depositSerial, amountOre, count: list.length, account: "99123456789" }, payments: list }],
  };
}

async function tableCounts() {
  const n = async (table: typeof payments | typeof paymentAllocations | typeof bgmaxImports | typeof auditEvents) => (await handle.db.select({ n: count() }).from(table))[0]!.n;
  return { payments: await n(payments), allocations: await n(paymentAllocations), imports: await n(bgmaxImports), audit: await n(auditEvents) };
}

describe("BgMax import", () => {
  it("books OCR payments, leaves the rest for staff, and a second import changes nothing", async () => {
    const erik = ids.erik!.caseIds[0]!;
    const johan = ids.johan!.caseIds[0]!;
    const sara = ids.sara!.caseIds[0]!;
    const erikBefore = await leftOf("erik", erik);
    const johanLeft = await leftOf("johan", johan);
    const bytes = writeBgMax(
      file("2026-11-23T06:00:00.000001", [
        payment(await ocrOf(erik), 50_000, "000000000001"),
        payment(await ocrOf(johan), johanLeft + 10_000, "000000000002"),
        payment(await ocrOf(sara), 20_000, "000000000003", 3),
        payment("99999999999999", 12_300, "000000000004"),
      ]),
    );
    const summary = await importBgMax(handle.db, { bytes, payeeBankgiro: OURS, importedBy: "test", actor });
    expect(summary).toMatchObject({ alreadyImported: false, payments: 4, booked: 2, overpaid: 1, unmatched: 2, duplicates: 0, bookedOre: 50_000 + johanLeft + 10_000, unmatchedOre: 32_300 });
    // Paid on the 23rd, so the 24th's interest runs on a smaller principal: a few öre less again.
    const erikAfter = await leftOf("erik", erik);
    expect(erikAfter).toBeLessThanOrEqual(erikBefore - 50_000);
    expect(erikAfter).toBeGreaterThan(erikBefore - 50_000 - 100);
    expect(await leftOf("johan", johan)).toBe(0);
    const unmatched = await handle.db.select().from(payments).where(eq(payments.status, "unmatched"));
    expect(unmatched.map((p) => p.unmatchedReason).sort()).toEqual(["unknown_reference", "wrong_reference"]);
    expect(unmatched.find((p) => p.unmatchedReason === "wrong_reference")!.details).toMatchObject({ suggestedCaseId: sara });

    const before = await tableCounts();
    const again = await importBgMax(handle.db, { bytes, payeeBankgiro: OURS, importedBy: "test", actor });
    expect(again.alreadyImported).toBe(true);
    // Nothing is booked again; only the attempt is recorded.
    expect(await tableCounts()).toEqual({ ...before, audit: before.audit + 1 });

    // The same payments re-sent in a new file (another timestamp, so another hash) are not booked twice.
    const resent = writeBgMax(file("2026-11-23T07:00:00.000001", [payment(await ocrOf(erik), 50_000, "000000000001")]));
    const third = await importBgMax(handle.db, { bytes: resent, payeeBankgiro: OURS, importedBy: "test", actor });
    expect(third).toMatchObject({ alreadyImported: false, booked: 0, duplicates: 1 });
    expect(await leftOf("erik", erik)).toBe(erikAfter);
  });

  it("books a file imported twice at the same moment once", async () => {
    const mohammed = ids.mohammed!.caseIds[0]!;
    const before = await leftOf("mohammed", mohammed);
    const bytes = writeBgMax(file("2026-11-23T08:00:00.000001", [payment(await ocrOf(mohammed), 40_000, "000000000010"), payment(await ocrOf(mohammed), 10_000, "000000000011")], "00002"));
    const [a, b] = await Promise.all([importBgMax(handle.db, { bytes, payeeBankgiro: OURS, importedBy: "a", actor }), importBgMax(handle.db, { bytes, payeeBankgiro: OURS, importedBy: "b", actor })]);
    expect([a.alreadyImported, b.alreadyImported].sort()).toEqual([false, true]);
    const after = await leftOf("mohammed", mohammed);
    expect(after).toBeLessThanOrEqual(before - 50_000);
    expect(after).toBeGreaterThan(before - 50_000 - 100);
    const rows = await handle.db.select({ n: count() }).from(payments).where(sql`${payments.idempotencyKey} like 'bgmax:50501055:2026-11-23:00002:%'`);
    expect(rows[0]!.n).toBe(2);
  });

  it("refuses a file that does not add up, naming the line, and writes nothing", async () => {
    const good = Buffer.from(writeBgMax(file("2026-11-23T09:00:00.000001", [payment("1234567897", 10_000, "000000000020"), payment("1234567897", 20_000, "000000000021")], "00003"))).toString("latin1");
    const lines = good.split("\r\n");
    const replaceRecord = (type: string, edit: (line: string) => string) => lines.map((l) => (l.startsWith(type) ? edit(l) : l)).join("\r\n");
    const broken: Record<string, string> = {
      "bad count": replaceRecord("70", (l) => `${l.slice(0, 2)}${"9".padStart(8, "0")}${l.slice(10)}`),
      "bad sum": replaceRecord("15", (l) => `${l.slice(0, 50)}${"999999".padStart(18, "0")}${l.slice(68)}`),
      truncated: lines.slice(0, -3).join("\r\n"),
    };
    const before = await tableCounts();
    for (const [name, text] of Object.entries(broken)) {
      const error = await importBgMax(handle.db, { bytes: Buffer.from(text, "latin1"), payeeBankgiro: OURS, importedBy: "test", actor }).catch((e: unknown) => e);
      expect(error, name).toMatchObject({ code: "bgmax_invalid" });
      expect((error as Error).message, name).toMatch(/^Line \d+: /);
      expect((error as { details: { line: number } }).details.line, name).toBeGreaterThan(0);
    }
    // UTF-8 where Latin-1 belongs: "Å" as two bytes in a name record.
    const utf8 = Buffer.concat([Buffer.from(lines.slice(0, 3).join("\r\n") + "\r\n", "latin1"), Buffer.from(`26${"Ångström".padEnd(35)}`.padEnd(78), "utf8"), Buffer.from("\r\n" + lines.slice(3).join("\r\n"), "latin1")]);
    const encoding = await importBgMax(handle.db, { bytes: utf8, payeeBankgiro: OURS, importedBy: "test", actor }).catch((e: unknown) => e);
    expect(encoding).toMatchObject({ code: "bgmax_encoding" });
    expect((encoding as Error).message).toMatch(/^Line 4: /);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a file for another bankgiro and a test file", async () => {
    const sample = readFileSync(path.join(import.meta.dirname, "../../domain/fixtures/bgmax_sample_ocr.txt"));
    await expect(importBgMax(handle.db, { bytes: sample, payeeBankgiro: OURS, importedBy: "test", actor })).rejects.toMatchObject({ code: expect.stringMatching(/^bgmax_(wrong_payee|test_file)$/) });
    const parsed = parseBgMax(sample);
    const payee = parsed.sections[0]!.payeeBankgiro;
    if (!parsed.test) {
      const summary = await importBgMax(handle.db, { bytes: sample, payeeBankgiro: payee, importedBy: "test", actor });
      expect(summary.booked + summary.unmatched + summary.duplicates + summary.deductions).toBe(summary.payments);
    } else {
      await expect(importBgMax(handle.db, { bytes: sample, payeeBankgiro: payee, importedBy: "test", actor })).rejects.toMatchObject({ code: "bgmax_test_file" });
    }
  });
});
