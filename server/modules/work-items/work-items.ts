import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { workItems } from "../../db/schema";

export type WorkItemKind = (typeof workItems.kind.enumValues)[number];

export interface OpenWorkItem {
  kind: WorkItemKind;
  subjectId: string;
  debtorId?: string | null;
  caseId?: string | null;
  creditorId?: string | null;
  dueBy: Date;
  summary?: string | null;
}

/**
 * Puts an item in the staff queue, or opens it again with its new deadline (a debtor writing
 * again to a handled thread). Call it in the transaction that creates the thing it is about.
 */
export async function openWorkItem(db: Queryable, item: OpenWorkItem): Promise<void> {
  await db
    .insert(workItems)
    .values({
      kind: item.kind,
      subjectId: item.subjectId,
      debtorId: item.debtorId ?? null,
      caseId: item.caseId ?? null,
      creditorId: item.creditorId ?? null,
      dueBy: item.dueBy,
      summary: item.summary ?? null,
    })
    .onConflictDoUpdate({
      target: [workItems.kind, workItems.subjectId],
      set: { status: "open", dueBy: item.dueBy, pausedAt: null, closedAt: null },
    });
}

/**
 * Many items at once (a bank file's unmatched payments and overpayments): each statement carries
 * ten thousand items as one JSON parameter, so a large file costs a handful of round trips.
 */
export async function openWorkItems(db: Queryable, items: OpenWorkItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 10_000) {
    const part = items.slice(i, i + 10_000).map((item) => ({
      kind: item.kind,
      subject_id: item.subjectId,
      debtor_id: item.debtorId ?? null,
      case_id: item.caseId ?? null,
      creditor_id: item.creditorId ?? null,
      due_by: item.dueBy.toISOString(),
      summary: item.summary ?? null,
    }));
    await db.execute(sql`
      insert into ${workItems} (kind, subject_id, debtor_id, case_id, creditor_id, due_by, summary)
      select kind, subject_id, debtor_id, case_id, creditor_id, due_by, summary
      from json_populate_recordset(null::${workItems}, ${JSON.stringify(part)}::json)
      on conflict (kind, subject_id) do update set status = 'open', due_by = excluded.due_by, paused_at = null, closed_at = null`);
  }
}

/** Marks an item done (handled, decided, placed). A missing item is no error. */
export async function closeWorkItem(db: Queryable, kind: WorkItemKind, subjectId: string, now: Date): Promise<void> {
  await db
    .update(workItems)
    .set({ status: "done", closedAt: now })
    .where(and(eq(workItems.kind, kind), eq(workItems.subjectId, subjectId), sql`${workItems.status} <> 'done'`));
}

/** Waiting on the debtor: the clock stops until they answer (then `resumeWorkItem`). */
export async function pauseWorkItem(db: Queryable, kind: WorkItemKind, subjectId: string, now: Date): Promise<void> {
  await db
    .update(workItems)
    .set({ status: "waiting_on_debtor", pausedAt: now })
    .where(and(eq(workItems.kind, kind), eq(workItems.subjectId, subjectId), eq(workItems.status, "open")));
}

/** The debtor answered: the clock goes on from where it stopped (the deadline moves by the pause). */
export async function resumeWorkItem(db: Queryable, kind: WorkItemKind, subjectId: string, now: Date): Promise<void> {
  await db
    .update(workItems)
    .set({
      status: "open",
      dueBy: sql`${workItems.dueBy} + (${now.toISOString()}::timestamptz - ${workItems.pausedAt})`,
      pausedAt: null,
    })
    .where(and(eq(workItems.kind, kind), eq(workItems.subjectId, subjectId), eq(workItems.status, "waiting_on_debtor")));
}
