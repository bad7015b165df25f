import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { createTestDb } from "../../testing/db";
import { recordAudit } from "./record";

/** The audit log is append-only in the database itself, on PostgreSQL and on PGlite alike. */
let handle: DbHandle;

/** The database's own refusal, under drizzle's "Failed query" wrapper. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  const error = await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the statement was accepted").not.toBeNull();
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(" / ");
}

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe("the audit table", () => {
  it("takes new events", async () => {
    await recordAudit(handle.db, { actorKind: "staff", actorId: "someone", action: "debtor.viewed" });
    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.actorId, "someone"));
    expect(rows).toHaveLength(1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE, and the event stays as it was", async () => {
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.actorId, "someone"));
    expect(await refusal(handle.db.update(auditEvents).set({ action: "nothing.happened" }).where(eq(auditEvents.id, event!.id)))).toMatch(/audit_events is append-only/);
    expect(await refusal(handle.db.delete(auditEvents).where(eq(auditEvents.id, event!.id)))).toMatch(/audit_events is append-only/);
    expect(await refusal(handle.db.execute(sql`truncate audit_events`))).toMatch(/audit_events is append-only/);
    const [after] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, event!.id));
    expect(after).toEqual(event);
  });

  it(`runs on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
    expect(handle.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });
});
