import type { DbHandle } from "../db/client";

/** A job that runs on a schedule (cron, Europe/Stockholm), once across all app instances. */
export interface ScheduledJob {
  name: string;
  cron: string;
  run: (handle: DbHandle, now: Date, boss: import("pg-boss").PgBoss) => Promise<unknown>;
}

/** What the readiness check reports about this process's job worker. */
export type JobsState = "off" | "starting" | "running" | "failed" | "stopping" | "stopped";

interface JobsGlobal {
  __kvittJobs?: Promise<{ stop: () => Promise<void> }>;
  __kvittJobsState?: { state: JobsState; error?: string };
  __kvittBoss?: import("pg-boss").PgBoss;
}
const g = globalThis as unknown as JobsGlobal;

export function jobsState(): { state: JobsState; error?: string } {
  return g.__kvittJobsState ?? { state: "off" };
}

/**
 * Starts the background jobs on pg-boss, on the app's own database (PostgreSQL, or the embedded
 * PGlite through pg-boss's adapter). Started once per process. `stop` lets the jobs that are
 * running finish first.
 */
export function startJobs(handle: DbHandle, jobs: ScheduledJob[]): Promise<{ stop: () => Promise<void> }> {
  g.__kvittJobs ??= (async () => {
    g.__kvittJobsState = { state: "starting" };
    const { PgBoss, fromPglite } = await import("pg-boss");
    const boss =
      handle.kind === "pglite" && handle.pglite
        ? new PgBoss({ db: fromPglite(handle.pglite), backend: "pglite" })
        : new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2 });
    boss.on("error", (error: Error) => console.error(`jobs: ${error.message}`));
    try {
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
    } catch (error) {
      g.__kvittJobsState = { state: "failed", error: error instanceof Error ? error.message : String(error) };
      throw error;
    }
    g.__kvittJobsState = { state: "running" };
    return {
      stop: async () => {
        g.__kvittJobsState = { state: "stopping" };
        // The PGlite adapter shares the app's one connection: the app closes it.
        await boss.stop({ graceful: true, timeout: 20_000, close: handle.kind === "postgres" });
        g.__kvittJobsState = { state: "stopped" };
      },
    };
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
