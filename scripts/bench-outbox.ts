// The outbox under load: messages per second from the outbox through pg-boss to the SMS (46elks)
// and e-mail (SMTP) simulators, with 100 000 messages queued.
//   npm run bench:outbox -- [--messages 100000] [--seconds 60] [--debtors 20000] [--concurrency 4]
// On PostgreSQL when DATABASE_URL is set (in a fresh database beside it, named after it with "_bench_outbox"), else
// on an embedded database in a temporary directory. Prints figures; asserts nothing.
import { personalNumberKeyring } from "../server/security/keyring";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, rowsOf, type DbHandle } from "../server/db/client";
import { debtors, outbox } from "../server/db/schema";
import { seedDemoIfEmpty } from "../server/db/seed/demo";
import { seedGenerated } from "../server/db/seed/generate";
import { stockholmTime } from "../server/domain/outreach";
import { createEmailClient } from "../server/integrations/email/client";
import { startEmailSimulator } from "../server/integrations/email/simulator";
import { serveFetchHandler } from "../server/integrations/serve-fetch-handler";
import { createSmsClient } from "../server/integrations/sms/client";
import { createSmsSimulator } from "../server/integrations/sms/simulator";
import { createOutboxQueue, dispatchDueMessages, workOutbox } from "../server/jobs/outbox";
import { emailChannel, smsChannel } from "../server/modules/outreach/channels";
import type { OutreachDeps } from "../server/modules/outreach/send";
import { withDatabase } from "../server/testing/postgres-admin";

process.env.KVITT_DEMO ??= "1";
const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "100000" },
    seconds: { type: "string", default: "60" },
    debtors: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "4" },
  },
});

async function open(): Promise<{ handle: DbHandle; url: string | null; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `${new URL(url).pathname.slice(1)}_bench_outbox`;
    await withDatabase(url, async (admin) => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    });
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ url: target.toString(), poolSize: Number(values.concurrency) * 4 + 4 });
    return { handle, url: target.toString(), cleanup: () => handle.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "kvitt-bench-"));
  const handle = await openDatabase({ dataDir: path.join(dir, "db") });
  return { handle, url: null, cleanup: async () => { await handle.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function main() {
  const { handle, url, cleanup } = await open();
  const db = handle.db;
  console.log(`database: ${handle.kind}`);
  await migrateDatabase(handle);
  await seedDemoIfEmpty(db);
  await seedGenerated(db, { debtors: Number(values.debtors), casesPerDebtor: 1 });
  // A Monday morning, so quiet hours do not hold the SMS back; half the people by SMS, half by e-mail.
  const now = stockholmTime("2026-12-07", 10);
  // Everyone reachable by both (the generated people have no phone or e-mail of their own).
  await db.execute(sql`update debtors set
    phone = coalesce(phone, '+4670' || lpad((abs(hashtext(id::text)) % 10000000)::text, 7, '0')),
    email = coalesce(email, 'p' || replace(id::text, '-', '') || '@example.se'),
    channel_order = case when random() < 0.5 then array['sms','email'] else array['email','sms'] end`);
  await db.update(outbox).set({ status: "cancelled" }).where(inArray(outbox.status, ["queued"]));
  const people = rowsOf<{ debtor_id: string; case_id: string }>(await db.execute(sql`select d.id as debtor_id, (select c.id from cases c where c.debtor_id = d.id limit 1) as case_id from ${debtors} d`)).filter((p) => p.case_id);
  const total = Number(values.messages);
  const started = Date.now();
  for (let i = 0; i < total; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, total - i) }, (_, j) => {
      const p = people[(i + j) % people.length]!;
      return { debtorId: p.debtor_id, caseId: p.case_id, channel: "email" as const, kind: "reply_notification", payload: {}, dedupeKey: `bench:${i + j}`, scheduledFor: new Date(now.getTime() - 60_000) };
    });
    await db.insert(outbox).values(rows);
  }
  console.log(`queued ${total} messages for ${people.length} people in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const smsSim = createSmsSimulator();
  const smsServer = await serveFetchHandler((r) => smsSim.handleApiRequest(r));
  const mail = await startEmailSimulator();
  const deps: OutreachDeps = {
    channels: {
      sms: smsChannel(createSmsClient({ baseUrl: `${smsServer.url}/a1/`, username: smsSim.credentials.username, password: smsSim.credentials.password, from: "Kvitt" }), "http://127.0.0.1:9/r"),
      email: emailChannel(createEmailClient({ url: mail.url, from: "Kvitt <hej@kvitt.example>" }), "kvitt.example"),
    },
    baseUrl: "http://localhost:3000",
    bankgiro: "5050-1055",
    pnrKeys: personalNumberKeyring(),
  };
  const { PgBoss, fromPglite } = await import("pg-boss");
  const boss = handle.kind === "pglite" ? new PgBoss({ db: fromPglite(handle.pglite!), backend: "pglite" }) : new PgBoss({ connectionString: url!, max: 4 });
  await boss.start();
  await createOutboxQueue(boss);
  const dispatchStarted = Date.now();
  const jobs = await dispatchDueMessages(db, boss, now, total);
  console.log(`dispatched ${jobs} jobs (job id = message id) in ${((Date.now() - dispatchStarted) / 1000).toFixed(1)} s`);

  const concurrency = Number(values.concurrency);
  const workStarted = Date.now();
  await workOutbox(boss, db, () => deps, { batchSize: 25, localConcurrency: concurrency, now: () => now });
  const seconds = Number(values.seconds);
  const sentCount = async () => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from outbox where status in ('sent', 'delivered') and dedupe_key like 'bench:%'`))[0]!.n;
  let last = 0;
  for (let t = 0; t < seconds; t += 10) {
    await new Promise((r) => setTimeout(r, 10_000));
    const n = await sentCount();
    console.log(`  ${t + 10} s: ${n} sent (${((n - last) / 10).toFixed(0)}/s)`);
    last = n;
    if (n >= total) break;
  }
  const elapsed = (Date.now() - workStarted) / 1000;
  const sent = await sentCount();
  console.log(`sent ${sent} of ${total} in ${elapsed.toFixed(1)} s: ${(sent / elapsed).toFixed(0)} messages/s (${smsSim.messages.length} SMS at 46elks, ${mail.received.length} e-mails at SMTP), ${concurrency} workers × 25`);
  const states = rowsOf<{ status: string; n: number; error: string | null }>(
    await db.execute(sql`select status::text as status, count(*)::int as n, max(last_error) as error from outbox where dedupe_key like 'bench:%' group by status order by 2 desc`),
  );
  console.log(`outbox afterwards: ${states.map((s) => `${s.status} ${s.n}${s.error ? ` (${s.error})` : ""}`).join(", ")}`);
  // The workers finish what they hold before the database closes.
  await boss.stop({ graceful: true, timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 1_000));
  await mail.close();
  await smsServer.close();
  await cleanup();
  if (url) await withDatabase(process.env.DATABASE_URL!, (admin) => admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
