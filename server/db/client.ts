import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations, Logger } from "drizzle-orm";
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Something that runs queries: the database or a transaction in it. */
export type Queryable = Db | Tx;

/**
 * Several reads at once: side by side on the pool (each on its own connection), one after another
 * in a transaction, whose one connection runs one statement at a time (queueing them on it is
 * deprecated by the driver). Each read is a function, so that none starts before its turn.
 */
export async function readAll<const T extends readonly (() => unknown)[]>(db: Queryable, reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Out = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Out;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Out;
}

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /** The raw PGlite instance (for pg-boss), when embedded. */
  pglite?: import("@electric-sql/pglite").PGlite;
  /** A node-postgres pool, when on PostgreSQL. */
  pool?: import("pg").Pool;
  close: () => Promise<void>;
}

/** Connections the app keeps to PostgreSQL unless told otherwise. */
export const DEFAULT_POOL_SIZE = 10;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** The advisory lock held while migrating (the same number in scripts/migrate.mjs). */
export const MIGRATION_LOCK = 4_172_015;

/**
 * A pool that survives the server closing connections the app holds (a restart, a failover, an
 * administrator's pg_terminate_backend): such a connection's error goes to the query in flight
 * instead of ending the process, and the connection goes back to the pool at once to be dropped.
 * Without this, a transaction whose BEGIN failed kept its connection for good (drizzle gives it back
 * only after BEGIN), and after a few server restarts every connection was held and the app hung.
 */
function recoveringPool(Pool: typeof import("pg").Pool) {
  return class RecoveringPool extends Pool {
    // The promise form is drizzle's; the callback form is the pool's own `query`.
    override connect(): Promise<import("pg").PoolClient>;
    override connect(callback: (err: Error | undefined, client: import("pg").PoolClient | undefined, done: (release?: unknown) => void) => void): void;
    override connect(callback?: (err: Error | undefined, client: import("pg").PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<import("pg").PoolClient> | void {
      if (callback) return super.connect(callback);
      return super.connect().then((client) => {
        const giveBack = client.release;
        let released = false;
        const closed = () => {
          if (released) return;
          released = true;
          giveBack(new Error("the database closed the connection"));
        };
        client.once("end", closed);
        client.release = (error?: Error | boolean) => {
          client.off("end", closed);
          if (released) return;
          released = true;
          giveBack(error);
        };
        return client;
      });
    }
  };
}

/** Opens PostgreSQL when a URL is given, else embedded PGlite (in a directory, or in memory). */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  loadDataDir?: Blob;
  poolSize?: number;
  /** Sees every statement drizzle runs (tests count them). */
  logger?: Logger;
}): Promise<DbHandle> {
  if (options.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new (recoveringPool(Pool))({ connectionString: options.url, max: options.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle connection the server closed (a restart, a failover) is dropped by the pool and
    // opened again when next needed; unheard, its error would end the process.
    pool.on("error", (error) => console.warn(`An idle database connection was closed: ${error.message}`));
    // A connection's error while it is lent out fails the query or transaction using it; heard
    // here too, it does not also end the process.
    pool.on("connect", (client) => client.on("error", () => undefined));
    const db = drizzle(pool, { schema, logger: options.logger }) as unknown as Db;
    return { db, kind: "postgres", pool, close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  const { drizzle } = await import("drizzle-orm/pglite");
  const pglite = options.dataDir
    ? await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
    : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const db = drizzle(pglite, { schema, logger: options.logger }) as unknown as Db;
  return { db, kind: "pglite", pglite, close: () => pglite.close() };
}

/** Applies the committed migrations in `drizzle/`. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres" && handle.pool) {
    // Instances starting together (and `npm run migrate`) take turns: one applies, the others
    // then find nothing left to do.
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const client = await handle.pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle(client) as never, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** The rows of a raw `db.execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
