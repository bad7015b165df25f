import type { DbHandle } from "../db/client";

/** A job that runs on a schedule (cron, Europe/Stockholm), once across all app instances. */
export interface ScheduledJob {
  name: string;
  cron: string;
  run: (handle: DbHandle, now: Date, boss: import("pg-boss").PgBoss) => Promise<unknown>;
}

const g = globalThis as unknown as { __kvittJobs?: Promise<{ stop: () => Promise<void> }>; __kvittBoss?: import("pg-boss").PgBoss };

/**
 * Starts the background jobs on pg-boss, on the app's own database (PostgreSQL, or the embedded
 * PGlite through pg-boss's adapter). Started once per process.
 */
export function startJobs(handle: DbHandle, jobs: ScheduledJob[]): Promise<{ stop: () => Promise<void> }> {
  g.__kvittJobs ??= (async () => {
    const { PgBoss, fromPglite } = await import("pg-boss");
    const boss =
      handle.kind === "pglite" && handle.pglite
        ? new PgBoss({ db: fromPglite(handle.pglite), backend: "pglite" })
        : new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2 });
    boss.on("error", (error: Error) => console.error(`jobs: ${error.message}`));
    await boss.start();
    g.__kvittBoss = boss;
    // The outbox: one job per message, sent by its own worker (see ./outbox.ts).
    const { createOutboxQueue, workOutbox } = await import("./outbox");
    const { outreachDeps } = await import("../modules/outreach/deps");
    await createOutboxQueue(boss);
    await workOutbox(boss, handle.db, outreachDeps);
    for (const job of jobs) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron, null, { tz: "Europe/Stockholm" });
      await boss.work(job.name, async () => {
        await job.run(handle, new Date(), boss);
      });
    }
    return { stop: () => boss.stop({ graceful: true }) };
  })();
  return g.__kvittJobs;
}

/**
 * Gives messages their job now rather than at the next minute's dispatch (a code the person is
 * waiting for). Does nothing where this process runs no jobs: the dispatch finds them anyway.
 */
export async function sendOutboxNow(messageIds: string[]): Promise<void> {
  const boss = g.__kvittBoss;
  if (!boss) return;
  const { OUTBOX_QUEUE, OUTBOX_RETRY } = await import("./outbox");
  for (const id of messageIds) await boss.send(OUTBOX_QUEUE, { id }, { id, ...OUTBOX_RETRY }).catch(() => null);
}

/** Gives every due message its job now (the demo's "send what is due" button); null without jobs. */
export async function dispatchOutboxNow(handle: DbHandle, now: Date): Promise<number | null> {
  const boss = g.__kvittBoss;
  if (!boss) return null;
  const { dispatchDueMessages } = await import("./outbox");
  return dispatchDueMessages(handle.db, boss, now);
}
