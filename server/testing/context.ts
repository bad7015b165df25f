import type { Context, Viewer } from "../api/trpc";
import type { Db } from "../db/client";

/** A tRPC context for tests: a real database, a chosen viewer, a fixed clock. */
export function testContext(db: Db, viewer: Viewer | null, overrides: Partial<Context> = {}): Context {
  return { db, viewer, locale: "sv", ip: "192.0.2.1", now: new Date("2026-11-22T10:00:00Z"), sameOrigin: true, ...overrides };
}

export function debtorViewer(debtorId: string | null): Viewer {
  return { sessionId: "test-session", kind: "debtor", subjectId: debtorId, displayName: "Test" };
}
