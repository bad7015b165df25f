import { env, isDemo } from "../env";
import { migrateDatabase, openDatabase, type Db, type DbHandle } from "./client";

const globalForDb = globalThis as unknown as { __kvittDb?: Promise<DbHandle> };

/**
 * The app's one database handle, opened and migrated on first use and cached on globalThis so that
 * module reloads share it (PGlite allows one connection per data directory).
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__kvittDb ??= (async () => {
    const config = env();
    const handle = await openDatabase(
      config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.KVITT_DATA_DIR },
    );
    await migrateDatabase(handle);
    if (isDemo()) {
      const { seedDemoIfEmpty } = await import("./seed/demo");
      const seeded = await seedDemoIfEmpty(handle.db, undefined, { workday: true });
      // A generated agency behind the insights dashboard (KVITT_DEMO_INSIGHTS cases, 0 for none).
      const generated = Number(process.env.KVITT_DEMO_INSIGHTS ?? 3000);
      if (seeded && generated > 0) {
        const { seedInsights } = await import("./seed/insights");
        await seedInsights(handle.db, { cases: generated, experiment: true });
      }
      const { refreshInsights } = await import("../modules/insights/refresh");
      await refreshInsights(handle.db, new Date());
    }
    return handle;
  })();
  globalForDb.__kvittDb.catch(() => {
    globalForDb.__kvittDb = undefined;
  });
  return globalForDb.__kvittDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
