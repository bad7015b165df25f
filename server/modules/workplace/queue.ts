import { and, asc, count, eq, gt, inArray, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { readAll, type Db, type Queryable } from "../../db/client";
import { cases, creditors, debtors, paymentAllocations, paymentPromises, staffUsers, workItems, workItemViews } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { workItemDueBy } from "../../domain/work-deadlines";
import { recordAudit } from "../audit/record";
import { debtorHasSupportNeed } from "../holds/paused";
import { openWorkItems, type WorkItemKind } from "../work-items/work-items";
import { auditedRead } from "./staff-read";

/** Someone else with the same item open within this long is shown (the collision notice). */
export const VIEWING_WINDOW_MS = 10 * 60 * 1000;
export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  kind?: WorkItemKind;
  /** mine: assigned to me; unassigned: to nobody; everyone: all. */
  who?: "mine" | "unassigned" | "everyone";
  creditorId?: string;
  overdue?: boolean;
  page?: number;
}

/**
 * Promises to pay whose date has passed without the promised amount arriving become
 * `broken_promise` items; promises that were paid are marked kept. Checked whenever the queue is
 * read, so the queue is never behind.
 */
export async function settlePromises(db: Queryable, now: Date): Promise<void> {
  const today = todayInStockholm(now);
  const due = await db
    .select({
      id: paymentPromises.id,
      debtorId: paymentPromises.debtorId,
      caseId: paymentPromises.caseId,
      amountOre: paymentPromises.amountOre,
      createdAt: paymentPromises.createdAt,
      caseNumber: cases.caseNumber,
      creditorId: cases.creditorId,
      paidOre: sql<number>`coalesce((select sum(${paymentAllocations.amountOre}) from ${paymentAllocations} where ${paymentAllocations.caseId} = ${paymentPromises.caseId} and ${paymentAllocations.bookedOn} >= (${paymentPromises.createdAt} at time zone 'Europe/Stockholm')::date), 0)`.mapWith(Number),
    })
    .from(paymentPromises)
    .innerJoin(cases, eq(cases.id, paymentPromises.caseId))
    .where(and(eq(paymentPromises.status, "open"), sql`${paymentPromises.dueOn} < ${today}::date`))
    .limit(1000);
  if (due.length === 0) return;
  const kept = due.filter((p) => p.paidOre >= p.amountOre);
  const broken = due.filter((p) => p.paidOre < p.amountOre);
  if (kept.length) await db.update(paymentPromises).set({ status: "kept", settledAt: now }).where(inArray(paymentPromises.id, kept.map((p) => p.id)));
  if (broken.length) {
    await db.update(paymentPromises).set({ status: "broken", settledAt: now }).where(inArray(paymentPromises.id, broken.map((p) => p.id)));
    await openWorkItems(
      db,
      broken.map((p) => ({ kind: "broken_promise" as const, subjectId: p.id, debtorId: p.debtorId, caseId: p.caseId, creditorId: p.creditorId, dueBy: workItemDueBy("broken_promise", now), summary: p.caseNumber })),
    );
  }
}

function filterWhere(staffId: string, f: QueueFilters, now: Date): SQL {
  const parts: (SQL | undefined)[] = [ne(workItems.status, "done")];
  if (f.kind) parts.push(eq(workItems.kind, f.kind));
  if (f.who === "mine") parts.push(eq(workItems.assignedTo, staffId));
  if (f.who === "unassigned") parts.push(isNull(workItems.assignedTo));
  if (f.creditorId) parts.push(eq(workItems.creditorId, f.creditorId));
  if (f.overdue) parts.push(and(eq(workItems.status, "open"), lt(workItems.dueBy, now)));
  return and(...parts)!;
}

/**
 * The queue: every open item, the one due first on top (items waiting on the debtor, whose clock
 * stands still, after the rest), with who has it and who else has it open. Reading it is audited.
 */
export async function listQueue(db: Db, input: { staffId: string; filters: QueueFilters; now: Date }) {
  const { filters, now } = input;
  const page = Math.max(1, filters.page ?? 1);
  const where = filterWhere(input.staffId, filters, now);
  const since = new Date(now.getTime() - VIEWING_WINDOW_MS);
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      await settlePromises(tx, now);
      const [rows, totals, assignees, creditorRows] = await readAll(tx, [
        () =>
          tx
          .select({
            id: workItems.id,
            kind: workItems.kind,
            status: workItems.status,
            subjectId: workItems.subjectId,
            debtorId: workItems.debtorId,
            caseId: workItems.caseId,
            dueBy: workItems.dueBy,
            createdAt: workItems.createdAt,
            summary: workItems.summary,
            assignedTo: workItems.assignedTo,
            assigneeName: staffUsers.name,
            debtorName: sql<string | null>`case when ${debtors.id} is null then null else ${debtors.givenName} || ' ' || ${debtors.surname} end`,
            caseNumber: cases.caseNumber,
            creditorName: creditors.name,
            supportNeed: sql<boolean>`case when ${workItems.debtorId} is null then false else ${debtorHasSupportNeed(workItems.debtorId)} end`,
            viewers: sql<string[] | null>`(select array_agg(v_staff.name order by v_staff.name) from ${workItemViews} v join ${staffUsers} v_staff on v_staff.id = v.staff_user_id where v.work_item_id = ${workItems.id} and v.staff_user_id <> ${input.staffId}::uuid and v.seen_at > ${since.toISOString()}::timestamptz)`,
          })
          .from(workItems)
          .leftJoin(debtors, eq(debtors.id, workItems.debtorId))
          .leftJoin(cases, eq(cases.id, workItems.caseId))
          .leftJoin(creditors, eq(creditors.id, workItems.creditorId))
          .leftJoin(staffUsers, eq(staffUsers.id, workItems.assignedTo))
          .where(where)
          .orderBy(sql`${workItems.status} = 'waiting_on_debtor'`, asc(workItems.dueBy), asc(workItems.id))
          .limit(QUEUE_PAGE_SIZE)
          .offset((page - 1) * QUEUE_PAGE_SIZE),
        () =>
          tx
          .select({
            total: count(),
            overdue: sql<number>`count(*) filter (where ${workItems.status} = 'open' and ${workItems.dueBy} < ${now.toISOString()}::timestamptz)`.mapWith(Number),
          })
          .from(workItems)
          .where(where),
        () => tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name)),
        () => tx.select({ id: creditors.id, name: creditors.name }).from(creditors).orderBy(asc(creditors.name)),
      ]);
      return {
        items: rows.map((r) => ({ ...r, dueBy: r.dueBy.toISOString(), createdAt: r.createdAt.toISOString(), viewers: r.viewers ?? [], supportNeed: Boolean(r.supportNeed) })),
        total: totals[0]?.total ?? 0,
        overdue: totals[0]?.overdue ?? 0,
        page,
        pageSize: QUEUE_PAGE_SIZE,
        /** Who an item can be given to. */
        assignees,
        creditors: creditorRows,
      };
    },
    (r) => ({ action: "queue.viewed", details: { filters: { ...filters }, items: r.items.length } }),
  );
}

/** Each active member of staff with the open items assigned to them and how many are overdue. */
export async function agentLoad(db: Db, input: { staffId: string; now: Date }) {
  return auditedRead(
    db,
    input.staffId,
    (tx) =>
      tx
        .select({
          staffId: staffUsers.id,
          name: staffUsers.name,
          role: staffUsers.role,
          open: sql<number>`count(${workItems.id})`.mapWith(Number),
          overdue: sql<number>`count(${workItems.id}) filter (where ${workItems.status} = 'open' and ${workItems.dueBy} < ${input.now.toISOString()}::timestamptz)`.mapWith(Number),
        })
        .from(staffUsers)
        .leftJoin(workItems, and(eq(workItems.assignedTo, staffUsers.id), ne(workItems.status, "done")))
        .where(eq(staffUsers.active, true))
        .groupBy(staffUsers.id)
        .orderBy(asc(staffUsers.name)),
    (rows) => ({ action: "staff_load.viewed", details: { staff: rows.length } }),
  );
}

/** Gives an item to a member of staff (or to nobody). Audited. */
export async function assignWorkItem(db: Db, input: { staffId: string; workItemId: string; assignTo: string | null; now: Date }) {
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(workItems).where(eq(workItems.id, input.workItemId)).for("update");
    if (!item) throw new DomainError("work_item_not_found");
    if (item.status === "done") throw new DomainError("conflict_work_item_done");
    if (input.assignTo) {
      const [person] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.id, input.assignTo), eq(staffUsers.active, true)));
      if (!person) throw new DomainError("staff_not_found");
    }
    await tx.update(workItems).set({ assignedTo: input.assignTo }).where(eq(workItems.id, item.id));
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "work_item.assigned", subjectKind: "work_item", subjectId: item.id, debtorId: item.debtorId, details: { kind: item.kind, from: item.assignedTo, to: input.assignTo } });
    return { workItemId: item.id, assignedTo: input.assignTo };
  });
}

/** Records that this person has the item open now; returns who else has had it open lately. */
export async function markViewing(db: Queryable, input: { staffId: string; workItemId: string; now: Date }): Promise<string[]> {
  const [item] = await db.select({ id: workItems.id }).from(workItems).where(eq(workItems.id, input.workItemId));
  if (!item) return [];
  await db
    .insert(workItemViews)
    .values({ workItemId: item.id, staffUserId: input.staffId, seenAt: input.now })
    .onConflictDoUpdate({ target: [workItemViews.workItemId, workItemViews.staffUserId], set: { seenAt: input.now } });
  const others = await db
    .select({ name: staffUsers.name })
    .from(workItemViews)
    .innerJoin(staffUsers, eq(staffUsers.id, workItemViews.staffUserId))
    .where(and(eq(workItemViews.workItemId, item.id), ne(workItemViews.staffUserId, input.staffId), gt(workItemViews.seenAt, new Date(input.now.getTime() - VIEWING_WINDOW_MS))));
  return others.map((o) => o.name);
}
