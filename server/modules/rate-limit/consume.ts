import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "../../db/client";

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in the database (shared by every app process): counts one hit for `key`
 * and says whether it is within `limit` hits per `windowSeconds`.
 */
export async function consumeRateLimit(
  db: Queryable,
  input: { key: string; limit: number; windowSeconds: number; now: Date },
): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(input.now.getTime() / (input.windowSeconds * 1000)) * input.windowSeconds * 1000);
  const result = await db.execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${input.key}, ${windowStart.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count`);
  const count = Number(rowsOf<{ count: number }>(result)[0]?.count ?? 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + input.windowSeconds * 1000 - input.now.getTime()) / 1000);
  return { allowed: count <= input.limit, retryAfterSeconds };
}
