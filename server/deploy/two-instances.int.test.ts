import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "../db/client";
import { paymentRequests, payments } from "../db/schema";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { enforceRateLimit } from "../modules/rate-limit/enforce";
import { startPayment } from "../modules/payments/start-payment";
import { handleSwishCallback } from "../modules/payments/webhooks";
import { createSession, endSession, resolveSession } from "../modules/sessions/sessions";
import { createTestDb } from "../testing/db";
import { demoIds, paymentWorld } from "../testing/payments";

/**
 * Two app instances on one PostgreSQL database, each with its own connection pool, as compose.yaml
 * runs them: a session started on one is valid on the other, a Swish callback delivered to both at
 * once books one payment, a rate limit counts the calls made to both, and a scheduled job runs once
 * per occurrence however many instances schedule it.
 */
const TODAY = "2026-11-24";
const NOW = new Date(`${TODAY}T10:00:00Z`);
const onPostgres = Boolean(process.env.DATABASE_URL);
let first: DbHandle;
let second: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  first = await createTestDb();
  await seedDemoIfEmpty(first.db, "2026-11-22");
  ids = await demoIds(first.db);
  if (onPostgres) second = await openDatabase({ url: (first.pool!.options as { connectionString: string }).connectionString, poolSize: 4 });
  else console.info("two instances: skipped on PGlite, which lives inside one process and cannot be shared by two app instances");
});
afterAll(async () => {
  await second?.close();
  await first.close();
});

describe.skipIf(!onPostgres)("two app instances on one database", () => {
  it("a session started on one is valid on the other, and ended on the other it is gone on both", async () => {
    const id = await createSession(first.db, { kind: "debtor", subjectId: ids.erik!.debtorId, personalNumberHash: "h", displayName: "Erik", now: NOW, maxHours: 8 });
    expect(await resolveSession(second.db, id, NOW, 30)).toMatchObject({ id, subjectId: ids.erik!.debtorId });
    await endSession(second.db, id);
    expect(await resolveSession(first.db, id, NOW, 30)).toBeNull();
  });

  it("a Swish callback delivered to each at the same moment books one payment", async () => {
    const world = await paymentWorld(first.db, () => NOW);
    try {
      const { debtorId, caseIds } = ids.anna!;
      const started = await startPayment(first.db, world.deps, { debtorId, caseIds: [caseIds[0]!], amountOre: 10_000, method: "swish", locale: "sv", now: NOW });
      const [request] = await first.db.select().from(paymentRequests).where(eq(paymentRequests.id, started.requestId));
      const swishId = (await world.swish("find", { token: request!.token })).body.id as string;
      await world.swish(`payments/${swishId}/pay`, { callback: { times: 0, delayMs: 0 } });
      const callback = (await (await fetch(`${world.swishUrl}api/v1/paymentrequests/${swishId}`)).json()) as unknown;
      const answers = await Promise.all([first, second, first, second].map((instance) => handleSwishCallback(instance.db, world.deps, callback, NOW)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const [booked] = await second.db.select({ n: count() }).from(payments).where(eq(payments.requestId, started.requestId));
      expect(booked!.n).toBe(1);
    } finally {
      await world.close();
    }
  });

  it("a rate limit counts the calls to both", async () => {
    const limits = { messageSend: { limit: 6, windowSeconds: 3600 }, staffSearch: { limit: 6, windowSeconds: 60 } };
    const subject = ids.sara!.debtorId;
    for (let i = 0; i < 3; i++) {
      await enforceRateLimit(first.db, "messageSend", subject, NOW, limits);
      await enforceRateLimit(second.db, "messageSend", subject, NOW, limits);
    }
    await expect(enforceRateLimit(first.db, "messageSend", subject, NOW, limits)).rejects.toMatchObject({ code: "rate_limited_messageSend" });
    await expect(enforceRateLimit(second.db, "messageSend", subject, NOW, limits)).rejects.toMatchObject({ code: "rate_limited_messageSend" });
  });

  it("a job scheduled by both instances runs once per occurrence", async () => {
    const { PgBoss, TestClock } = await import("pg-boss");
    const url = (first.pool!.options as { connectionString: string }).connectionString;
    // Both instances' clocks at the same moment, moved on by hand: from 09:59:40 to 10:00:40 the
    // schedule has two occurrences (09:59, whose minute is still open at the start, and 10:00).
    const clocks = [new TestClock("2026-12-02T09:59:40Z"), new TestClock("2026-12-02T09:59:40Z")];
    const runs: string[] = [];
    const bosses = clocks.map((clock) => new PgBoss({ connectionString: url, max: 2, clock, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 }));
    try {
      for (const [i, boss] of bosses.entries()) {
        boss.on("error", () => undefined);
        await boss.start();
        await boss.createQueue("every-minute");
        await boss.schedule("every-minute", "* * * * *", null, { tz: "Europe/Stockholm" });
        await boss.work("every-minute", { pollingIntervalSeconds: 1 }, async ([job]) => {
          runs.push(`${i}:${job!.id}`);
        });
      }
      for (let second = 0; second < 60; second++) await Promise.all(clocks.map((clock) => clock.tick(1000)));
      await clocks[0]!.tick(1000);
      expect(runs).toHaveLength(2);
      expect(new Set(runs.map((r) => r.split(":")[1])).size).toBe(2);
    } finally {
      for (const boss of bosses) await boss.stop({ graceful: false, close: true });
    }
  });
});
