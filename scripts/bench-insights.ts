// Benchmark of the insights dashboard on PostgreSQL over 1 000 000 generated cases: the two reads a
// page view makes (the dashboard's figures and the experiments), each through the tRPC server
// caller with its audit event, under a few filters, after a warm-up. Prints p50, p95 and the
// slowest call, and how long the rollups took to rebuild (the job's work, never a page view's).
//   DATABASE_URL=postgres://… npm run bench:insights -- [--cases 1000000] [--calls 100] [--concurrency 2]
// Generates the missing cases first (server/db/seed/insights.ts), which takes a while.
import { parseArgs } from "node:util";
import { count, eq, like, sql } from "drizzle-orm";
import { createCaller } from "../server/api/root";
import { DEFAULT_POOL_SIZE, migrateDatabase, openDatabase } from "../server/db/client";
import { cases, creditors, staffUsers } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedInsights } from "../server/db/seed/insights";
import { refreshInsights } from "../server/modules/insights/refresh";
import { addDays, todayInStockholm } from "../server/domain/calendar";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    calls: { type: "string", default: "100" },
    concurrency: { type: "string", default: "2" },
    warmup: { type: "string", default: "5" },
  },
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("bench:insights measures PostgreSQL: set DATABASE_URL");
    process.exit(1);
  }
  const wanted = Number(values.cases);
  const handle = await openDatabase({ url, poolSize: DEFAULT_POOL_SIZE });
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db);
  const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(cases).where(like(cases.caseNumber, "K-I-%"));
  if (n < wanted) {
    const started = Date.now();
    await seedInsights(handle.db, { cases: wanted - n, experiment: true, batchSize: 3000, onProgress: (d) => process.stdout.write(`\rgenerating ${d} / ${wanted - n}`) });
    process.stdout.write(`\ngenerated in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    await handle.db.execute(sql`analyze`);
  }
  const refreshed = await refreshInsights(handle.db, new Date());
  const [{ all } = { all: 0 }] = await handle.db.select({ all: count() }).from(cases);
  console.info(`database: ${all} cases, ${refreshed.cases} with a first letter; rollups rebuilt in ${(refreshed.tookMs / 1000).toFixed(1)} s`);

  const [supervisor] = await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "supervisor")).limit(1);
  const creditorIds = (await handle.db.select({ id: creditors.id }).from(creditors)).map((c) => c.id);
  const today = todayInStockholm(new Date());
  // The filters a supervisor uses: everything, one creditor, the last month, a quarter for one creditor.
  const filters = [{}, ...creditorIds.map((creditorId) => ({ creditorId })), { from: addDays(today, -30) }, { from: addDays(today, -90), to: addDays(today, -1), creditorId: creditorIds[0] }];
  const caller = () =>
    createCaller({ db: handle.db, viewer: { sessionId: "bench", kind: "staff", subjectId: supervisor!.id, role: "supervisor", displayName: "Bench" }, locale: "sv", ip: "127.0.0.1", now: new Date(), sameOrigin: true });
  const pageView = async (i: number) => {
    const c = caller();
    await Promise.all([c.staff.insights.dashboard(filters[i % filters.length]!), c.staff.experiments.list()]);
  };

  for (let i = 0; i < Number(values.warmup); i++) await pageView(i);
  const latencies: number[] = [];
  const calls = Number(values.calls);
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      const i = next++;
      const started = performance.now();
      await pageView(i);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.info(`dashboard page view (figures + experiments), ${calls} views, ${values.concurrency} at a time, ${filters.length} filters:`);
  console.info(`  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  max ${ms(latencies[latencies.length - 1]!)}`);
  console.info(`  target p95 < 1000 ms: ${percentile(latencies, 95) < 1000 ? "met" : "NOT met"}`);
  await handle.close();
}

void main();
