import { createHash } from "node:crypto";
import type { Queryable } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { consumeRateLimit } from "./consume";

/**
 * Limits shared by every app instance (the counters live in PostgreSQL). Each names how many
 * calls one subject (a debtor, a staff user, an IP address) may make per window.
 */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  /** A debtor writing to us (messages, disputes, callbacks). */
  messageSend: { limit: 20, windowSeconds: 3600 },
  /** A staff user searching for people and cases (the staff benchmark raises it). */
  staffSearch: { limit: Number(process.env.KVITT_STAFF_SEARCH_PER_MINUTE ?? 120), windowSeconds: 60 },
} satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * Counts one call of `name` by `subject` and throws `rate_limited_<name>` (TOO_MANY_REQUESTS, with
 * `retryAfterSeconds`) when it is over the limit. The subject is stored only as a hash. Call it
 * first in the module function, in the same transaction or before it:
 *
 *   await enforceRateLimit(tx, "messageSend", debtorId, now);
 */
export async function enforceRateLimit(db: Queryable, name: RateLimitName, subject: string, now: Date, limits: Record<RateLimitName, RateLimit> = RATE_LIMITS): Promise<void> {
  const { limit, windowSeconds } = limits[name];
  const key = `${name}:${createHash("sha256").update(subject).digest("hex").slice(0, 32)}`;
  const result = await consumeRateLimit(db, { key, limit, windowSeconds, now });
  if (!result.allowed) {
    throw new DomainError(`rate_limited_${name}`, `too many calls of ${name}`, { retryAfterSeconds: result.retryAfterSeconds });
  }
}
