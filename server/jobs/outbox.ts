import { and, asc, inArray, lte, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { rowsOf, type Db } from "../db/client";
import { outbox } from "../db/schema";
import { RetryLater, sendMessage, type OutreachDeps } from "../modules/outreach/send";

export const OUTBOX_QUEUE = "outbox-send";

/** Retries of a message whose provider is down: 30 s doubling, at most an hour apart, 10 in all. */
export const OUTBOX_RETRY = { retryLimit: 10, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 } as const;

export async function createOutboxQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(OUTBOX_QUEUE, { ...OUTBOX_RETRY, deleteAfterSeconds: 3600 });
}

/**
 * Gives each due message a job whose id is the message's id, so a message never has two live
 * jobs however often this runs. A message that waited (quiet hours, a hold) and whose earlier job
 * finished gets that job replaced.
 */
export async function dispatchDueMessages(db: Db, boss: PgBoss, now: Date, limit = 10_000): Promise<number> {
  const due = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.status, ["queued", "sending"]), lte(outbox.scheduledFor, now)))
    .orderBy(asc(outbox.scheduledFor))
    .limit(limit);
  if (due.length === 0) return 0;
  const ids = due.map((d) => d.id);
  const inserted = new Set((await boss.insert(OUTBOX_QUEUE, ids.map((id) => ({ id, data: { id }, ...OUTBOX_RETRY })), { returnId: true })) ?? []);
  let queued = inserted.size;
  const others = ids.filter((id) => !inserted.has(id));
  for (let i = 0; i < others.length; i += 1000) {
    // Jobs of these messages that have finished (the message waited since): one query for all.
    const part = sql.join(others.slice(i, i + 1000).map((id) => sql`${id}::uuid`), sql`, `);
    const finished = rowsOf<{ id: string }>(
      await db.execute(sql`select id::text as id from pgboss.job where name = ${OUTBOX_QUEUE} and id in (${part}) and state in ('completed', 'failed', 'cancelled')`),
    );
    for (const { id } of finished) {
      await boss.deleteJob(OUTBOX_QUEUE, id);
      if (await boss.send(OUTBOX_QUEUE, { id }, { id, ...OUTBOX_RETRY })) queued += 1;
    }
  }
  return queued;
}

/** The worker: each job sends its message; a provider that is down makes pg-boss try again later. */
export async function workOutbox(boss: PgBoss, db: Db, deps: () => OutreachDeps, options: { batchSize?: number; localConcurrency?: number; now?: () => Date } = {}): Promise<string> {
  const now = options.now ?? (() => new Date());
  return boss.work<{ id: string }, unknown, { batchSize: number; localConcurrency: number; includeMetadata: true; perJobResults: true; pollingIntervalSeconds: number }>(
    OUTBOX_QUEUE,
    { batchSize: options.batchSize ?? 20, localConcurrency: options.localConcurrency ?? 2, includeMetadata: true, perJobResults: true, pollingIntervalSeconds: 1 },
    async (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            const outcome = await sendMessage(db, deps(), job.data.id, now(), { finalAttempt: job.retryCount >= job.retryLimit });
            return { id: job.id, status: "completed" as const, output: outcome };
          } catch (error) {
            if (!(error instanceof RetryLater)) console.error(`outbox: message ${job.data.id}: ${error instanceof Error ? error.message : String(error)}`);
            return { id: job.id, status: "failed" as const, output: { error: error instanceof Error ? error.message : String(error) } };
          }
        }),
      ),
  );
}
