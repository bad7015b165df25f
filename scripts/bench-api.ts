// Load benchmark of the debtor procedures (overview and case page) against PostgreSQL.
//   DATABASE_URL=postgres://… npm run bench:api -- [--debtors 100000] [--concurrency 50] [--seconds 10]
// Seeds the generated agency first when the database has fewer debtors than asked for.
import { parseArgs } from "node:util";
import { count, sql } from "drizzle-orm";
import { createCaller } from "../server/api/root";
import { migrateDatabase, openDatabase, rowsOf } from "../server/db/client";
import { cases, debtors } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedGenerated } from "../server/db/seed/generate";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    debtors: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
  },
});
// Top-level await needs ESM; these scripts run as CommonJS under tsx.
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("bench:api measures PostgreSQL: set DATABASE_URL");
    process.exit(1);
  }
  const wanted = Number(values.debtors);
  const concurrency = Number(values.concurrency);
  const seconds = Number(values.seconds);

  const handle = await openDatabase({ url, poolSize: concurrency });
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db);
  const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(debtors);
  if (n < wanted) {
    const started = Date.now();
    await seedGenerated(handle.db, { debtors: wanted - n, casesPerDebtor: 3, onProgress: (d) => process.stdout.write(`\rseeding ${d} / ${wanted - n}`) });
    process.stdout.write(`\nseeded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    await handle.db.execute(sql`analyze`);
  }
  const [{ c } = { c: 0 }] = await handle.db.select({ c: count() }).from(cases);
  console.info(`database: ${Math.max(n, wanted)} debtors, ${c} cases`);

  // A sample of debtors and one case each, to spread the load over the table.
  const sample = rowsOf<{ debtor_id: string; case_id: string }>(
    await handle.db.execute(sql`select debtor_id, min(id::text) as case_id from cases tablesample system (2) group by debtor_id limit 2000`),
  );
  const ctx = (debtorId: string) => ({
    db: handle.db,
    viewer: { sessionId: "bench", kind: "debtor" as const, subjectId: debtorId, displayName: "Bench" },
    locale: "sv" as const,
    ip: "127.0.0.1",
    now: new Date(),
    sameOrigin: true,
  });

  async function run(name: string, call: (s: { debtor_id: string; case_id: string }) => Promise<unknown>) {
    const latencies: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    let i = 0;
    const worker = async () => {
      while (Date.now() < deadline) {
        const s = sample[i++ % sample.length]!;
        const t = performance.now();
        await call(s);
        latencies.push(performance.now() - t);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.info(`${name.padEnd(18)} ${latencies.length} requests, ${(latencies.length / elapsed).toFixed(0)} req/s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms (concurrency ${concurrency})`);
  }

  // Warm up the pool and the caches.
  await Promise.all(sample.slice(0, 100).map((s) => createCaller(ctx(s.debtor_id)).debtor.cases.list()));
  await run("debtor.cases.list", (s) => createCaller(ctx(s.debtor_id)).debtor.cases.list());
  await run("debtor.cases.get", (s) => createCaller(ctx(s.debtor_id)).debtor.cases.get({ caseId: s.case_id }));
  await handle.close();
}

void main();
