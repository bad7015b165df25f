import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { Logger } from "drizzle-orm";
import { openDatabase, type DbHandle } from "../db/client";
import { swapDatabase } from "./global-setup";
import { withDatabase } from "./postgres-admin";

/**
 * A fresh, migrated database for one test file: a copy of the template database on PostgreSQL
 * (when DATABASE_URL is set, as in CI) or a PGlite instance restored from the prepared dump.
 */
export async function createTestDb(options: { logger?: Logger } = {}): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  const template = inject("pgTemplate");
  if (url && template) {
    const name = `kvitt_t_${randomBytes(6).toString("hex")}`;
    await withDatabase(url, (admin) => admin.query(`create database ${name} template ${template}`));
    const handle = await openDatabase({ url: swapDatabase(url, name), poolSize: 20, logger: options.logger });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await withDatabase(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const dump = inject("pgliteDump");
  if (!dump) throw new Error("integration tests need the global setup (vitest --project integration)");
  return openDatabase({ loadDataDir: new Blob([readFileSync(dump)]), logger: options.logger });
}
