import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "../db/client";
import { withDatabase } from "./postgres-admin";

/**
 * Prepares one migrated database that every integration test file copies: a PostgreSQL template
 * database when DATABASE_URL is set, else a PGlite data directory dump (creating PGlite is slow).
 */
export default async function setup(project: TestProject) {
  const migrationsHash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (file.endsWith(".sql")) migrationsHash.update(readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  const hash = migrationsHash.digest("hex").slice(0, 12);

  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `kvitt_tpl_${hash}_${process.pid}`;
    await withDatabase(url, async (admin) => {
      await admin.query(`drop database if exists ${template}`);
      await admin.query(`create database ${template}`);
    });
    const handle = await openDatabase({ url: swapDatabase(url, template), poolSize: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("pgTemplate", template);
    return async () => {
      await withDatabase(url, (admin) => admin.query(`drop database if exists ${template} with (force)`));
    };
  }

  const dump = path.join(os.tmpdir(), `kvitt-pglite-template-${hash}.tar.gz`);
  if (!existsSync(dump)) {
    const handle = await openDatabase({});
    await migrateDatabase(handle);
    const blob = await handle.pglite!.dumpDataDir("gzip");
    writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
    await handle.close();
  }
  project.provide("pgliteDump", dump);
}

export function swapDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteDump?: string;
  }
}
