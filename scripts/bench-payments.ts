// Payments under load: booking from Swish callbacks, and importing a large BgMax file.
//   npm run bench:payments -- [--payments 100000] [--callbacks 400] [--concurrency 20]
// On PostgreSQL when DATABASE_URL is set (in a fresh database beside it, named after it with "_bench_payments"),
// else on an embedded database in a temporary directory. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, rowsOf, type DbHandle } from "../server/db/client";
import { paymentRequests } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedGenerated } from "../server/db/seed/generate";
import { writeBgMax, type BgMaxPayment } from "../server/domain/bgmax";
import { importBgMax } from "../server/modules/payments/import-bgmax";
import { startPayment } from "../server/modules/payments/start-payment";
import { handleSwishCallback } from "../server/modules/payments/webhooks";
import { paymentWorld } from "../server/testing/payments";
import { withDatabase } from "../server/testing/postgres-admin";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    payments: { type: "string", default: "100000" },
    callbacks: { type: "string", default: "400" },
    concurrency: { type: "string", default: "20" },
    debtors: { type: "string", default: "20000" },
  },
});

async function open(): Promise<{ handle: DbHandle; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Beside the given database, named after it, so two people benchmarking on one server do not collide.
    const name = `${new URL(url).pathname.slice(1) || "kvitt"}_bench_payments`.replace(/[^a-z0-9_]/gi, "_");
    await withDatabase(url, async (admin) => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    });
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ url: target.toString(), poolSize: Number(values.concurrency) + 2 });
    return { handle, cleanup: () => handle.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "kvitt-bench-"));
  const handle = await openDatabase({ dataDir: path.join(dir, "db") });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function main() {
  const { handle, cleanup } = await open();
  const db = handle.db;
  console.log(`database: ${handle.kind}`);
  await migrateDatabase(handle);
  await seedDemoIfEmpty(db);
  const started = Date.now();
  await seedGenerated(db, { debtors: Number(values.debtors), casesPerDebtor: 3 });
  console.log(`seeded ${values.debtors} debtors with 3 cases each in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // -- Swish callbacks -----------------------------------------------------------------------
  const now = () => new Date();
  const world = await paymentWorld(db, now);
  const generated = rowsOf<{ id: string; debtor_id: string }>(await db.execute(sql`select id, debtor_id from cases where case_number not like 'K-2026-0042%' order by case_number limit ${Number(values.callbacks)}`));
  const paidBodies: unknown[] = [];
  for (const c of generated) {
    const started = await startPayment(db, world.deps, { debtorId: c.debtor_id, caseIds: [c.id], amountOre: 100_00, method: "swish", locale: "sv", now: now() });
    const [request] = await db.select().from(paymentRequests).where(eq(paymentRequests.id, started.requestId));
    const found = await world.swish("find", { token: request!.token });
    const paid = await world.swish(`payments/${found.body.id as string}/pay`, { callback: { times: 0, delayMs: 0 } });
    paidBodies.push(paid.body);
  }
  const concurrency = Number(values.concurrency);
  // Every callback arrives twice, as Swish may send it: the second books nothing.
  const deliveries = [...paidBodies, ...paidBodies];
  const t0 = performance.now();
  await pool(deliveries, concurrency, async (body) => {
    const answer = await handleSwishCallback(db, world.deps, body, now());
    if (answer.status !== 200) throw new Error(`callback answered ${answer.status}`);
  });
  const seconds = (performance.now() - t0) / 1000;
  const [booked] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from payments where method = 'swish'`));
  console.log(`swish callbacks: ${deliveries.length} delivered (${paidBodies.length} payments, each twice) at ${concurrency} at a time in ${seconds.toFixed(2)} s`);
  console.log(`  ${(paidBodies.length / seconds).toFixed(0)} payments booked per second (${(deliveries.length / seconds).toFixed(0)} callbacks/s); booked ${booked!.n}`);
  await world.close();

  // -- BgMax import ----------------------------------------------------------------------------
  const count = Number(values.payments);
  const refs = rowsOf<{ ocr: string }>(await db.execute(sql`select ocr_reference as ocr from cases where status = 'open' order by case_number`)).map((r) => r.ocr);
  const list: BgMaxPayment[] = [];
  for (let n = 0; n < count; n++) {
    const kind = n % 20;
    const reference = kind === 0 ? "99999999999999" : refs[n % refs.length]!;
    list.push({ kind: "payment", senderBankgiro: "", reference, referenceCode: kind === 1 ? 3 : 2, amountOre: 5_000 + ((n * 7919) % 150_000), channel: 1, serial: String(n + 1).padStart(12, "0"), extraReferences: [], freeText: [] });
  }
  const perDeposit = 1000;
  const sections = [];
  for (let i = 0; i < list.length; i += perDeposit) {
    const payments = list.slice(i, i + perDeposit);
    sections.push({ payeeBankgiro: "50501055", currency: "SEK", deposit: { date: "2026-11-23", serial: String(i / perDeposit + 1).padStart(5, "0"), amountOre: payments.reduce((s, p) => s + p.amountOre, 0), count: payments.length, account: "99123456789" }, payments });
  }
  const bytes = writeBgMax({ timestamp: "2026-11-23T06:00:00.000001", test: false, version: 1, sections });
  const t1 = performance.now();
  const summary = await importBgMax(db, { bytes, payeeBankgiro: "5050-1055", importedBy: "bench", actor: { kind: "system", id: "bench" } });
  const importSeconds = (performance.now() - t1) / 1000;
  console.log(`bgmax import: ${count} payments (${(bytes.length / 1e6).toFixed(1)} MB) in ${importSeconds.toFixed(1)} s, ${(count / importSeconds).toFixed(0)} payments/s`);
  console.log(`  booked ${summary.booked} (${summary.overpaid} overpaid), unmatched ${summary.unmatched}`);
  const t2 = performance.now();
  const again = await importBgMax(db, { bytes, payeeBankgiro: "5050-1055", importedBy: "bench", actor: { kind: "system", id: "bench" } });
  console.log(`  the same file again: ${again.alreadyImported ? "nothing changed" : "BOOKED AGAIN"} in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  await cleanup();
}

void main();
