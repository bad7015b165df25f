// Load benchmark of the debtor procedures (overview and case page) against PostgreSQL.
//   DATABASE_URL=postgres://… npm run bench:api -- [--debtors 100000] [--concurrency 50] [--seconds 10]
//     [--warmup 3] [--pool N]
// Seeds the generated agency first when the database has fewer debtors than asked for. Each
// procedure is called through the tRPC server caller, as a page does, with the app's own pool size
// unless --pool says otherwise; it runs `--warmup` seconds unmeasured first, so the figures are the
// steady state of a running server rather than its first seconds of compiling code.
import { parseArgs } from "node:util";
import { count, sql } from "drizzle-orm";
import { createCaller } from "../server/api/root";
import { DEFAULT_POOL_SIZE, migrateDatabase, openDatabase, rowsOf } from "../server/db/client";
import { cases, debtors } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedGenerated } from "../server/db/seed/generate";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    debtors: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    pool: { type: "string", default: String(DEFAULT_POOL_SIZE) },
  },
});

interface Sample {
  debtor_id: string;
  case_id: string;
}

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
  const warmup = Number(values.warmup);
  const poolSize = Number(values.pool);

  const handle = await openDatabase({ url, poolSize });
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
  console.info(`database: ${Math.max(n, wanted)} debtors, ${c} cases; pool of ${poolSize} connections, ${concurrency} concurrent callers`);

  // A sample of debtors and one case each, to spread the load over the table.
  const sample = rowsOf<Sample>(
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

  // Every query the pool runs checks a connection out once: queries per call proves there is no N+1.
  let queries = 0;
  handle.pool!.on("acquire", () => {
    queries += 1;
  });

  async function load(call: (s: Sample) => Promise<void>, forSeconds: number, latencies?: number[]) {
    const deadline = Date.now() + forSeconds * 1000;
    let i = 0;
    let calls = 0;
    const worker = async () => {
      while (Date.now() < deadline) {
        const s = sample[i++ % sample.length]!;
        const t = performance.now();
        await call(s);
        latencies?.push(performance.now() - t);
        calls += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return calls;
  }

  async function run(name: string, call: (s: Sample) => Promise<void>) {
    await load(call, warmup);
    const latencies: number[] = [];
    const queriesBefore = queries;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const calls = await load(call, seconds, latencies);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.info(
      `${name.padEnd(18)} ${calls} requests, ${(calls / elapsed).toFixed(0)} req/s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms` +
        ` (concurrency ${concurrency}; ${((queries - queriesBefore) / calls).toFixed(2)} queries and ${((cpu.user + cpu.system) / calls / 1000).toFixed(2)} ms of Node CPU per call)`,
    );
  }

  // Each answer is checked, so a fast failure can never pass for a fast answer.
  await run("debtor.cases.list", async (s) => {
    const result = await createCaller(ctx(s.debtor_id)).debtor.cases.list();
    if (!result.cases.some((x) => x.id === s.case_id)) throw new Error(`cases.list of ${s.debtor_id} lacks ${s.case_id}`);
  });
  await run("debtor.cases.get", async (s) => {
    const result = await createCaller(ctx(s.debtor_id)).debtor.cases.get({ caseId: s.case_id });
    if (result.id !== s.case_id) throw new Error(`cases.get answered ${result.id} for ${s.case_id}`);
  });
  await handle.close();
}

void main();
