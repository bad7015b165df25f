import { randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { sessions } from "../../db/schema";

export type SessionKind = "debtor" | "staff";

export interface ActiveSession {
  id: string;
  kind: SessionKind;
  subjectId: string | null;
  displayName: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A new server-side session; its id travels only inside the encrypted, httpOnly session cookie. */
export async function createSession(
  db: Queryable,
  input: { kind: SessionKind; subjectId: string | null; personalNumberHash: string; displayName: string; now: Date; maxHours: number },
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id,
    kind: input.kind,
    subjectId: input.subjectId,
    personalNumberHash: input.personalNumberHash,
    displayName: input.displayName,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.maxHours * 3600_000),
  });
  return id;
}

/**
 * The session if it is still alive: not past its absolute limit and used within the idle window.
 * Each use moves the idle window on (written at most every 20 seconds).
 */
export async function resolveSession(
  db: Queryable,
  id: string,
  now: Date,
  idleMinutes: number,
): Promise<ActiveSession | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + idleMinutes * 60_000;
  if (now >= row.expiresAt || now.getTime() >= idleLimit) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > 20_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    id: row.id,
    kind: row.kind as SessionKind,
    subjectId: row.subjectId,
    displayName: row.displayName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export async function endSession(db: Queryable, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Housekeeping: removes sessions past their absolute limit. */
export async function purgeExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.delete(sessions).where(and(lt(sessions.expiresAt, now)));
}
