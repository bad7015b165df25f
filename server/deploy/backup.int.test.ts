import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, rowsOf, type DbHandle } from "../db/client";
import { debtors } from "../db/schema";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { DEMO_DEBTORS } from "../db/seed/demo-people";
import { env } from "../env";
import { createCaller } from "../api/root";
import { personalNumberHash } from "../security/personal-number";
import { debtorViewer, testContext } from "../testing/context";
import { createTestDb } from "../testing/db";
import { swapDatabase } from "../testing/global-setup";
import { withDatabase } from "../testing/postgres-admin";

/**
 * The backup the README describes, done for real: `pg_dump` of a live database, `pg_restore` into a
 * new one, the migrator run on it (it finds nothing to do) and the app reading from it.
 */
const url = process.env.DATABASE_URL;
if (!url) console.info("backup.int.test: skipped on PGlite — pg_dump and pg_restore work on PostgreSQL only");

describe.skipIf(!url)("backup and restore (PostgreSQL)", () => {
  let source: DbHandle;
  let restored: DbHandle | undefined;
  const restoredName = `kvitt_restore_${randomBytes(5).toString("hex")}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "kvitt-backup-"));

  beforeAll(async () => {
    source = await createTestDb();
    await seedDemoIfEmpty(source.db, "2026-11-22");
  });
  afterAll(async () => {
    await restored?.close();
    await source.close();
    await withDatabase(url!, (admin) => admin.query(`drop database if exists ${restoredName} with (force)`));
    rmSync(dir, { recursive: true, force: true });
  });

  async function tableCounts(handle: DbHandle): Promise<Record<string, number>> {
    const tables = rowsOf<{ name: string }>(
      await handle.db.execute(`select schemaname || '.' || tablename as name from pg_tables where schemaname in ('public', 'drizzle') order by 1`),
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      counts[name] = Number(rowsOf<{ n: number }>(await handle.db.execute(`select count(*)::int as n from ${name}`))[0]!.n);
    }
    return counts;
  }

  it("restores every row, and the app migrates and reads the copy", async () => {
    const sourceUrl = (source.pool!.options as { connectionString: string }).connectionString;
    const file = path.join(dir, "kvitt.dump");
    execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, sourceUrl]);
    expect(statSync(file).size).toBeGreaterThan(1000);

    await withDatabase(url!, (admin) => admin.query(`create database ${restoredName}`));
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", swapDatabase(url!, restoredName), file]);

    restored = await openDatabase({ url: swapDatabase(url!, restoredName), poolSize: 2 });
    await migrateDatabase(restored);
    const before = await tableCounts(source);
    expect(before["public.debtors"]).toBeGreaterThan(0);
    expect(await tableCounts(restored)).toEqual(before);

    // The app's own read path on the restored copy.
    const erik = DEMO_DEBTORS.find((p) => p.key === "erik")!;
    const [row] = await restored.db
      .select({ id: debtors.id })
      .from(debtors)
      .where(eq(debtors.personalNumberHash, personalNumberHash(erik.personalNumber, env().KVITT_PNR_HASH_KEY)));
    const fromCopy = await createCaller(testContext(restored.db, debtorViewer(row!.id))).debtor.cases.list();
    const fromSource = await createCaller(testContext(source.db, debtorViewer(row!.id))).debtor.cases.list();
    expect(fromCopy).toEqual(fromSource);
    expect(fromCopy.cases.length).toBe(3);
  });
});
