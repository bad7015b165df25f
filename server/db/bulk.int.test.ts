import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { insertMany } from "./bulk";
import type { DbHandle } from "./client";
import { uuidv7 } from "./ids";
import { auditEvents } from "./schema";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const AWKWARD = ['a "quoted" word', "back\\slash", "comma, and {braces}", "NULL", "", " spaces ", "åäö — €", "new\nline", "{}", "\\\\\"", "tab\there"];

describe("insertMany", () => {
  it("writes every row as given: quotes, backslashes, commas, braces, the word NULL, nulls, numbers and JSON", async () => {
    const subjectKind = `bulk-${uuidv7()}`;
    const rows = AWKWARD.map((text, n) => ({
      actor_kind: n % 2 === 0 ? "system" : "staff",
      actor_id: n % 3 === 0 ? null : text,
      action: `action ${n}`,
      subject_kind: subjectKind,
      subject_id: text,
      debtor_id: n % 4 === 0 ? uuidv7() : null,
      details: n % 5 === 0 ? null : { text, n, nested: [text, { deeper: text }], nothing: null },
    }));
    await handle.db.execute(insertMany(auditEvents, ["actor_kind", "actor_id", "action", "subject_kind", "subject_id", "debtor_id", "details"], rows));

    const back = await handle.db.select().from(auditEvents).where(eq(auditEvents.subjectKind, subjectKind)).orderBy(asc(auditEvents.id));
    expect(back.map((r) => ({ actor_kind: r.actorKind, actor_id: r.actorId, action: r.action, subject_kind: r.subjectKind, subject_id: r.subjectId, debtor_id: r.debtorId, details: r.details }))).toEqual(rows);
  });

  it("writes nothing when one value does not fit its column", async () => {
    const subjectKind = `bulk-${uuidv7()}`;
    const rows = [
      { actor_kind: "system", action: "fine", subject_kind: subjectKind, debtor_id: uuidv7() },
      { actor_kind: "system", action: "not a uuid", subject_kind: subjectKind, debtor_id: "1, 2" },
    ];
    await expect(handle.db.execute(insertMany(auditEvents, ["actor_kind", "action", "subject_kind", "debtor_id"], rows))).rejects.toThrow();
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.subjectKind, subjectKind))).toEqual([]);
  });

  it("refuses a column the table does not have", () => {
    expect(() => insertMany(auditEvents, ["actor_kind", "no_such_column"], [{ actor_kind: "system" }])).toThrow(/audit_events has no column no_such_column/);
  });
});
