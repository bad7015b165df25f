// Seeds a database: the demo agency, or (with --debtors N) a large generated one for benchmarks.
//   npm run seed                       demo data (if the database is empty)
//   npm run seed -- --debtors 100000   plus N generated debtors with about three cases each
//   npm run seed -- --insights-cases 1000000
//                                      plus N generated cases that behave like people (see
//                                      server/db/seed/behaviour.ts), then the insights rollups
// Uses DATABASE_URL when set, else the PGlite directory in KVITT_DATA_DIR (default .data/pglite).
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "../server/db/client";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedGenerated } from "../server/db/seed/generate";
import { seedInsights } from "../server/db/seed/insights";
import { refreshInsights } from "../server/modules/insights/refresh";

process.env.KVITT_DEMO ??= "1";

const { values } = parseArgs({
  options: {
    debtors: { type: "string", default: "0" },
    "cases-per-debtor": { type: "string", default: "3" },
    "insights-cases": { type: "string", default: "0" },
  },
});

// Top-level await needs ESM; these scripts run as CommonJS under tsx.
async function main() {
  const started = Date.now();
  const handle = await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.KVITT_DATA_DIR ?? ".data/pglite" },
  );
  await migrateDatabase(handle);
  const seeded = await seedDemoIfEmpty(handle.db, undefined, { workday: true });
  console.info(seeded ? "Demo data created." : "Demo data was already there.");

  const debtors = Number(values.debtors);
  if (debtors > 0) {
    await seedGenerated(handle.db, {
      debtors,
      casesPerDebtor: Number(values["cases-per-debtor"]),
      onProgress: (done) => process.stdout.write(`\r${done} / ${debtors} debtors`),
    });
    process.stdout.write("\n");
    if (handle.kind === "postgres") await handle.db.execute(sql`analyze`);
  }
  const insightCases = Number(values["insights-cases"]);
  if (insightCases > 0) {
    const generating = Date.now();
    await seedInsights(handle.db, { cases: insightCases, experiment: true, batchSize: 3000, onProgress: (done) => process.stdout.write(`\r${done} / ${insightCases} cases`) });
    process.stdout.write(`\nGenerated ${insightCases} cases in ${((Date.now() - generating) / 1000).toFixed(1)} s\n`);
    if (handle.kind === "postgres") await handle.db.execute(sql`analyze`);
    const refreshed = await refreshInsights(handle.db, new Date());
    console.info(`Insights rollups: ${refreshed.cases} cases in ${(refreshed.tookMs / 1000).toFixed(1)} s`);
  }
  console.info(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await handle.close();
}

void main();
