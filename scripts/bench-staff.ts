// Benchmark of the staff workplace on PostgreSQL: the queue with 10 000 open items and the search
// over 100 000 debtors, each call through the tRPC server caller as a page makes it (with its
// audit event), after a warm-up.
//   DATABASE_URL=postgres://… npm run bench:staff -- [--debtors 100000] [--items 10000]
//     [--concurrency 4] [--seconds 10] [--warmup 3]
// Seeds the generated agency and the open items first when the database has fewer.
import { parseArgs } from "node:util";
import { count, eq, ne, sql } from "drizzle-orm";
import { createCaller } from "../server/api/root";
import { DEFAULT_POOL_SIZE, migrateDatabase, openDatabase, rowsOf } from "../server/db/client";
import { cases, debtors, staffUsers, workItems } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { DEMO_DEBTORS } from "../server/db/seed/demo-people";
import { seedGenerated } from "../server/db/seed/generate";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    debtors: { type: "string", default: "100000" },
    items: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "4" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
  },
});

const KINDS = ["message", "callback", "dispute", "complaint", "data_access", "plan_request", "unmatched_payment", "overpayment", "broken_promise"] as const;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("bench:staff measures PostgreSQL: set DATABASE_URL");
    process.exit(1);
  }
  const wanted = Number(values.debtors);
  const wantedItems = Number(values.items);
  const concurrency = Number(values.concurrency);
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);

  const handle = await openDatabase({ url, poolSize: DEFAULT_POOL_SIZE });
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db);
  const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(debtors);
  if (n < wanted) {
    const started = Date.now();
    await seedGenerated(handle.db, { debtors: wanted - n, casesPerDebtor: 3, onProgress: (d) => process.stdout.write(`\rseeding ${d} / ${wanted - n}`) });
    process.stdout.write(`\nseeded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const staff = await handle.db.select({ id: staffUsers.id, role: staffUsers.role }).from(staffUsers);
  const agent = staff.find((s) => s.role === "agent")!;
  const [{ open } = { open: 0 }] = await handle.db.select({ open: count() }).from(workItems).where(ne(workItems.status, "done"));
  if (open < wantedItems) {
    // Open items over the generated cases: every kind, deadlines from two days ago to a week ahead, a third
    // assigned to the agent measured, so that "mine" has items however many staff there are.
    await handle.db.execute(sql`
      insert into work_items (kind, subject_id, debtor_id, case_id, creditor_id, due_by, assigned_to, summary)
      select (array[${sql.raw(KINDS.map((k) => `'${k}'`).join(","))}])[1 + (row_number() over () % ${KINDS.length})]::work_item_kind,
             gen_random_uuid(), c.debtor_id, c.id, c.creditor_id,
             now() - interval '2 days' + (random() * interval '9 days'),
             case when random() < 0.33 then ${agent.id}::uuid else null end,
             c.case_number
      from cases c tablesample system (10) limit ${wantedItems - open}`);
  }
  await handle.db.execute(sql`analyze`);
  const [{ items } = { items: 0 }] = await handle.db.select({ items: count() }).from(workItems).where(ne(workItems.status, "done"));
  const [{ c } = { c: 0 }] = await handle.db.select({ c: count() }).from(cases);
  const [{ d } = { d: 0 }] = await handle.db.select({ d: count() }).from(debtors);
  console.info(`database: ${d} debtors, ${c} cases, ${items} open queue items; ${concurrency} concurrent callers, pool of ${DEFAULT_POOL_SIZE}`);

  const caller = () =>
    createCaller({ db: handle.db, viewer: { sessionId: "bench", kind: "staff", subjectId: agent.id, role: "agent", displayName: "Bench" }, locale: "sv", ip: "127.0.0.1", now: new Date(), sameOrigin: true });

  async function run(name: string, calls: (() => Promise<void>)[]) {
    const measure = async (forSeconds: number, latencies?: number[]) => {
      const deadline = Date.now() + forSeconds * 1000;
      let i = 0;
      const worker = async () => {
        while (Date.now() < deadline) {
          const call = calls[i++ % calls.length]!;
          const t = performance.now();
          await call();
          latencies?.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    };
    await measure(warmup);
    const latencies: number[] = [];
    const started = performance.now();
    await measure(seconds, latencies);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.info(`${name.padEnd(14)} ${latencies.length} calls, ${(latencies.length / elapsed).toFixed(0)} calls/s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms`);
  }

  // The queue as agents filter it; each answer is checked.
  const [creditor] = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from creditors limit 1`));
  const queueCalls = [
    {},
    { who: "mine" as const },
    { who: "unassigned" as const },
    { kind: "message" as const },
    { overdue: true },
    { creditorId: creditor!.id },
    { page: 20 },
  ].map((filters) => async () => {
    const out = await caller().staff.queue.list(filters);
    if (out.total === 0 && !filters.page) throw new Error(`queue ${JSON.stringify(filters)} is empty`);
  });
  await run("queue.list", queueCalls);

  // Search: personal numbers (hash lookup), names, case, OCR and invoice numbers, phone and e-mail.
  const sample = rowsOf<{ case_number: string; ocr_reference: string; invoice_number: string; surname: string; given_name: string }>(
    await handle.db.execute(sql`select c.case_number, c.ocr_reference, c.invoice_number, d.surname, d.given_name from cases c tablesample system (1) join debtors d on d.id = c.debtor_id limit 500`),
  );
  const erik = DEMO_DEBTORS.find((p) => p.key === "erik")!.personalNumber;
  const queries = [
    `${erik.slice(0, 8)}-${erik.slice(8)}`,
    erik.slice(2),
    "erik@example.se",
    "070-123 45 67",
    ...sample.flatMap((s, i) => [s.case_number, s.ocr_reference, s.invoice_number, i % 5 === 0 ? `${s.given_name} ${s.surname}` : s.surname.slice(0, 4 + (i % 3))]),
  ];
  let q = 0;
  await run(
    "search",
    Array.from({ length: 64 }, () => async () => {
      const query = queries[q++ % queries.length]!;
      const results = await caller().staff.debtors.search({ query });
      if (results.length === 0) throw new Error(`search for ${query} found nobody`);
    }),
  );
  const [{ a } = { a: 0 }] = await handle.db.select({ a: count() }).from(sql`audit_events`).where(eq(sql`actor_id`, agent.id));
  console.info(`audit events written by the benchmark's agent so far: ${a}`);
  await handle.close();
}

void main();
