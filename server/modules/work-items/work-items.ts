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

/** Many items at once (a bank file's unmatched payments): one statement per thousand. */
export async function openWorkItems(db: Queryable, items: OpenWorkItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const part = items.slice(i, i + 1000);
    await db
      .insert(workItems)
      .values(part.map((item) => ({ kind: item.kind, subjectId: item.subjectId, debtorId: item.debtorId ?? null, caseId: item.caseId ?? null, creditorId: item.creditorId ?? null, dueBy: item.dueBy, summary: item.summary ?? null })))
      .onConflictDoUpdate({ target: [workItems.kind, workItems.subjectId], set: { status: "open", dueBy: sql`excluded.due_by`, pausedAt: null, closedAt: null } });
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
