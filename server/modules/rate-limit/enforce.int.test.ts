import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf, type DbHandle } from "../../db/client";
import { createTestDb } from "../../testing/db";
import { enforceRateLimit } from "./enforce";

let handle: DbHandle;
let second: DbHandle | undefined;
beforeAll(async () => {
  handle = await createTestDb();
  // A second app instance: its own pool on the same PostgreSQL database (PGlite has one connection).
  if (handle.kind === "postgres") second = await openDatabase({ url: (handle.pool!.options as { connectionString: string }).connectionString, poolSize: 2 });
});
afterAll(async () => {
  await second?.close();
  await handle.close();
});

const NOW = new Date("2026-11-24T10:00:30Z");
const limits = { messageSend: { limit: 3, windowSeconds: 60 }, staffSearch: { limit: 1, windowSeconds: 60 } };

describe("enforceRateLimit", () => {
  it("allows the limit, then refuses with the time to wait, counting across app instances", async () => {
    const instances = [handle.db, second?.db ?? handle.db];
    for (let i = 0; i < 3; i++) await enforceRateLimit(instances[i % 2]!, "messageSend", "debtor-1", NOW, limits);
    await expect(enforceRateLimit(instances[1]!, "messageSend", "debtor-1", NOW, limits)).rejects.toMatchObject({
      code: "rate_limited_messageSend",
      details: { retryAfterSeconds: 30 },
    });
    // Another subject and another limit have their own counts; the next window starts again.
    await enforceRateLimit(handle.db, "messageSend", "debtor-2", NOW, limits);
    await enforceRateLimit(handle.db, "staffSearch", "debtor-1", NOW, limits);
    await enforceRateLimit(handle.db, "messageSend", "debtor-1", new Date(NOW.getTime() + 60_000), limits);
  });

  it("counts every one of many calls at once", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => enforceRateLimit(i % 2 ? handle.db : (second?.db ?? handle.db), "messageSend", "debtor-3", NOW, limits)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });

  it("stores no subject in the clear", async () => {
    const keys = rowsOf<{ key: string }>(await handle.db.execute(sql`select key from rate_limits`)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("debtor-");
  });
});
