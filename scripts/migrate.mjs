// `npm run migrate`: applies the committed migrations in drizzle/ to DATABASE_URL and exits. A
// deployment runs it once before the new version starts (the compose file's `migrate` service).
// Plain JavaScript on production dependencies only, so it runs in the app's image as it is.
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

// The same lock as server/db/client.ts: app instances starting meanwhile wait for it.
const MIGRATION_LOCK = 4_172_015;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: nothing to migrate.");
  process.exit(1);
}
const migrationsFolder = path.resolve(import.meta.dirname, "..", "drizzle");
const client = new pg.Client({ connectionString: url });
const started = Date.now();
try {
  await client.connect();
  await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
  const before = await applied(client);
  await migrate(drizzle(client), { migrationsFolder });
  const after = await applied(client);
  console.info(`Migrations: ${after - before} applied, ${after} in all (${Date.now() - started} ms).`);
  await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}

async function applied(c) {
  const exists = await c.query("select to_regclass('drizzle.__drizzle_migrations') as t");
  if (!exists.rows[0].t) return 0;
  return Number((await c.query("select count(*)::int as n from drizzle.__drizzle_migrations")).rows[0].n);
}
