// Load benchmark: simulated debtors on PostgreSQL with the generated 100 000-debtor agency.
//   DATABASE_URL=postgres://… npm run bench:load -- [--debtors 100000] [--users 200] [--seconds 60] [--pool 10] [--think-ms 2000]
// Each simulated debtor goes round a realistic visit: the overview, a case page, a plan preview, a
// Swish payment started, and Swish's callback for it (the payment made at the simulator on
// loopback, its callback delivered to the webhook handler). Between two steps a person reads the
// page: a pause of half to one and a half times --think-ms (0: no pause at all, every user
// hammering the server back to back, a stress test rather than a day's traffic). Pages are measured as the procedures
// they render from, through the tRPC server caller, as the server components call them. Every answer
// is checked. Bounded: the users, the seconds and the pool are fixed, and nothing leaves loopback.
// Prints p50/p95/p99 per step, errors, throughput and this server process's memory.
import { parseArgs } from "node:util";
import { count, eq, sql } from "drizzle-orm";
import { createCaller } from "../server/api/root";
import { DEFAULT_POOL_SIZE, migrateDatabase, openDatabase, rowsOf } from "../server/db/client";
import { debtors, paymentRequests } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedGenerated } from "../server/db/seed/generate";
import { startPayment } from "../server/modules/payments/start-payment";
import { handleSwishCallback } from "../server/modules/payments/webhooks";
import { paymentWorld } from "../server/testing/payments";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    debtors: { type: "string", default: "100000" },
    users: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    pool: { type: "string", default: String(DEFAULT_POOL_SIZE) },
    "think-ms": { type: "string", default: "2000" },
  },
});

const STEPS = ["overview", "case page", "plan preview", "pay start", "swish callback"] as const;
type Step = (typeof STEPS)[number];

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !/@(127\.0\.0\.1|localhost)[:/]/.test(url)) {
    console.error("bench:load runs against PostgreSQL on loopback only: set DATABASE_URL=postgres://…@127.0.0.1:5432/…");
    process.exit(1);
  }
  const wanted = Number(values.debtors);
  const users = Number(values.users);
  const seconds = Number(values.seconds);
  const poolSize = Number(values.pool);
  const thinkMs = Number(values["think-ms"]);
  const think = () => (thinkMs > 0 ? new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random()))) : Promise.resolve());

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
  // One open case per simulated debtor, none shared, so that their payments do not queue on each other.
  const sample = rowsOf<{ debtor_id: string; case_id: string }>(
    await handle.db.execute(sql`select debtor_id, min(id::text) as case_id from cases tablesample system (2) where status = 'open' group by debtor_id limit ${users}`),
  );
  if (sample.length < users) throw new Error(`only ${sample.length} debtors with an open case in the sample`);
  const now = () => new Date();
  const world = await paymentWorld(handle.db, now);
  console.info(`database: ${Math.max(n, wanted)} debtors; ${users} simulated debtors for ${seconds} s, ${thinkMs > 0 ? `reading each page for ${thinkMs / 2}–${(thinkMs * 3) / 2} ms` : "with no pause between steps"}; pool of ${poolSize} connections`);

  const latencies = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
  const errors = new Map<Step, number>(STEPS.map((s) => [s, 0]));
  const firstError = new Map<Step, string>();
  let peakRss = 0;
  let peakHeap = 0;
  const memory = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 250);

  async function step<T>(name: Step, work: () => Promise<T>): Promise<T | undefined> {
    await think();
    const t = performance.now();
    try {
      const result = await work();
      latencies.get(name)!.push(performance.now() - t);
      return result;
    } catch (error) {
      errors.set(name, errors.get(name)! + 1);
      if (!firstError.has(name)) firstError.set(name, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    sample.map(async ({ debtor_id: debtorId, case_id: caseId }) => {
      const caller = () => createCaller({ db: handle.db, viewer: { sessionId: "bench", kind: "debtor", subjectId: debtorId, displayName: "Bench" }, locale: "sv", ip: "127.0.0.1", now: now(), sameOrigin: true });
      while (Date.now() < deadline) {
        await step("overview", async () => {
          const list = await caller().debtor.cases.list();
          if (!list.cases.some((c) => c.id === caseId)) throw new Error("overview lacks the case");
        });
        const shown = await step("case page", async () => {
          const c = await caller().debtor.cases.get({ caseId });
          if (c.id !== caseId) throw new Error("case page shows another case");
          return c;
        });
        await step("plan preview", async () => {
          const preview = await caller().debtor.plans.preview({ caseIds: [caseId], months: 6, dueDay: 25, method: "bankgiro" });
          if (!preview) throw new Error("no preview");
        });
        // A person pays 100 kr at a time, or what is left when that is less (and stops when it is paid).
        const left = shown?.balance.leftOre ?? 0;
        if (left < 10_000) continue;
        const started = await step("pay start", () => startPayment(handle.db, world.deps, { debtorId, caseIds: [caseId], amountOre: 10_000, method: "swish", locale: "sv", now: now() }));
        if (!started) continue;
        await step("swish callback", async () => {
          const [request] = await handle.db.select({ token: paymentRequests.token }).from(paymentRequests).where(eq(paymentRequests.id, started.requestId));
          const swishId = (await world.swish("find", { token: request!.token })).body.id as string;
          await world.swish(`payments/${swishId}/pay`, { callback: { times: 0, delayMs: 0 } });
          const body = (await (await fetch(`${world.swishUrl}api/v1/paymentrequests/${swishId}`)).json()) as unknown;
          const answer = await handleSwishCallback(handle.db, world.deps, body, now());
          if (answer.status !== 200 || answer.body !== "paid") throw new Error(`callback answered ${answer.status} ${answer.body}`);
        });
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(memory);

  let total = 0;
  for (const name of STEPS) {
    const list = latencies.get(name)!.sort((a, b) => a - b);
    total += list.length + errors.get(name)!;
    const p = (q: number) => (list.length ? list[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(1) : "–");
    console.info(
      `${name.padEnd(15)} ${String(list.length).padStart(6)} ok, ${errors.get(name)} errors, ${(list.length / elapsed).toFixed(0)} /s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms${firstError.has(name) ? ` (first error: ${firstError.get(name)})` : ""}`,
    );
  }
  console.info(`throughput ${(total / elapsed).toFixed(0)} steps/s over ${elapsed.toFixed(1)} s; server memory peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MB`);
  await world.close();
  await handle.close();
}

void main();
