import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { callbackRequests, cases, debtors, outbox } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { parseSwedishPhone } from "../../domain/phone";
import { CALLBACK_TOPIC_MAX_CHARS, callbackDays, callbackWindows, stockholmMoment } from "../../domain/talk";
import { recordAudit } from "../audit/record";
import { closeWorkItem, openWorkItem } from "../work-items/work-items";

export interface CallbackInput {
  phone: string;
  day: string;
  startHour: number | null;
  topic: string;
}

export type CallbackField = "phone" | "day" | "window" | "topic";

/** Every problem with a callback form at once, field by field (codes for the form's sentences). */
export function checkCallbackInput(now: Date, input: CallbackInput): Partial<Record<CallbackField, string>> {
  const errors: Partial<Record<CallbackField, string>> = {};
  const phone = parseSwedishPhone(input.phone);
  if (!phone.ok) errors.phone = phone.problem;
  if (!callbackDays(now).includes(input.day)) errors.day = "callback_day_invalid";
  if (input.startHour === null || !callbackWindows().some((w) => w.startHour === input.startHour)) errors.window = "callback_window_invalid";
  const topic = input.topic.trim();
  if (topic === "") errors.topic = "topic_required";
  else if ([...topic].length > CALLBACK_TOPIC_MAX_CHARS) errors.topic = "topic_too_long";
  return errors;
}

/** The number we hold for the person, to fill in the form. */
export async function knownPhone(db: Queryable, debtorId: string): Promise<string | null> {
  const [row] = await db.select({ phone: debtors.phone }).from(debtors).where(eq(debtors.id, debtorId));
  if (!row?.phone) return null;
  const parsed = parseSwedishPhone(row.phone);
  return parsed.ok ? parsed.phone.display : row.phone;
}

/**
 * A person asks us to ring: checked, saved with the staff work item due at the window's start, a
 * confirmation in the outbox and the audit event, in one transaction.
 */
export async function requestCallback(db: Db, input: CallbackInput & { debtorId: string; caseId: string | null; now: Date }) {
  const errors = checkCallbackInput(input.now, input);
  const first = Object.values(errors)[0];
  if (first) throw new DomainError(first, undefined, { errors });
  const phone = parseSwedishPhone(input.phone);
  if (!phone.ok) throw new DomainError(phone.problem);
  const window = callbackWindows().find((w) => w.startHour === input.startHour)!;
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ channel: debtors.preferredChannel }).from(debtors).where(eq(debtors.id, input.debtorId));
    if (!person) throw new DomainError("debtor_not_found");
    let creditorId: string | null = null;
    if (input.caseId) {
      const [c] = await tx.select({ creditorId: cases.creditorId }).from(cases).where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)));
      if (!c) throw new DomainError("case_not_found");
      creditorId = c.creditorId;
    }
    const [row] = await tx
      .insert(callbackRequests)
      .values({
        debtorId: input.debtorId,
        caseId: input.caseId,
        phone: phone.phone.e164,
        day: input.day,
        startHour: window.startHour,
        endHour: window.endHour,
        topic: input.topic.trim(),
        createdAt: input.now,
      })
      .returning({ id: callbackRequests.id });
    await openWorkItem(tx, {
      kind: "callback",
      subjectId: row!.id,
      debtorId: input.debtorId,
      caseId: input.caseId,
      creditorId,
      dueBy: stockholmMoment(input.day, window.startHour),
      summary: `Ring upp ${input.day} ${window.startHour}–${window.endHour}`,
    });
    await tx.insert(outbox).values({
      debtorId: input.debtorId,
      caseId: input.caseId,
      channel: person.channel,
      kind: "callback_confirmed",
      payload: { callbackId: row!.id, day: input.day, startHour: window.startHour, endHour: window.endHour },
      dedupeKey: `callback:${row!.id}:confirmed`,
      scheduledFor: input.now,
    });
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: input.debtorId,
      action: "callback.requested",
      subjectKind: "callback",
      subjectId: row!.id,
      debtorId: input.debtorId,
      details: { day: input.day, startHour: window.startHour, endHour: window.endHour, caseId: input.caseId },
    });
    return { callbackId: row!.id, day: input.day, startHour: window.startHour, endHour: window.endHour };
  });
}

const view = {
  id: callbackRequests.id,
  caseId: callbackRequests.caseId,
  caseNumber: cases.caseNumber,
  phone: callbackRequests.phone,
  day: callbackRequests.day,
  startHour: callbackRequests.startHour,
  endHour: callbackRequests.endHour,
  topic: callbackRequests.topic,
  status: callbackRequests.status,
  outcome: callbackRequests.outcome,
  createdAt: callbackRequests.createdAt,
  cancelledAt: callbackRequests.cancelledAt,
  doneAt: callbackRequests.doneAt,
};

const display = <T extends { phone: string }>(row: T): T => {
  const parsed = parseSwedishPhone(row.phone);
  return { ...row, phone: parsed.ok ? parsed.phone.display : row.phone };
};

export async function listDebtorCallbacks(db: Queryable, debtorId: string) {
  const rows = await db.select(view).from(callbackRequests).leftJoin(cases, eq(cases.id, callbackRequests.caseId)).where(eq(callbackRequests.debtorId, debtorId)).orderBy(desc(callbackRequests.createdAt));
  return rows.map(display);
}

export async function getDebtorCallback(db: Queryable, input: { debtorId: string; callbackId: string }) {
  const [row] = await db
    .select(view)
    .from(callbackRequests)
    .leftJoin(cases, eq(cases.id, callbackRequests.caseId))
    .where(and(eq(callbackRequests.id, input.callbackId), eq(callbackRequests.debtorId, input.debtorId)));
  if (!row) throw new DomainError("callback_not_found");
  return display(row);
}

/** The person no longer wants the call: cancelled while still waiting, taken off the staff queue. */
export async function cancelCallback(db: Db, input: { debtorId: string; callbackId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: callbackRequests.id, status: callbackRequests.status })
      .from(callbackRequests)
      .where(and(eq(callbackRequests.id, input.callbackId), eq(callbackRequests.debtorId, input.debtorId)))
      .for("update");
    if (!row) throw new DomainError("callback_not_found");
    if (row.status === "cancelled") return { callbackId: row.id };
    if (row.status !== "requested") throw new DomainError("conflict_callback_done");
    await tx.update(callbackRequests).set({ status: "cancelled", cancelledAt: input.now }).where(eq(callbackRequests.id, row.id));
    await closeWorkItem(tx, "callback", row.id, input.now);
    await tx.update(outbox).set({ status: "cancelled" }).where(and(eq(outbox.dedupeKey, `callback:${row.id}:confirmed`), eq(outbox.status, "queued")));
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "callback.cancelled", subjectKind: "callback", subjectId: row.id, debtorId: input.debtorId });
    return { callbackId: row.id };
  });
}

/** A callback for staff, with the person's name and number; the look is audited. */
export async function openStaffCallback(db: Db, input: { staffId: string; callbackId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...view, debtorId: callbackRequests.debtorId, debtorName: sql<string>`${debtors.givenName} || ' ' || ${debtors.surname}`, outcomeNote: callbackRequests.outcomeNote })
      .from(callbackRequests)
      .innerJoin(debtors, eq(debtors.id, callbackRequests.debtorId))
      .leftJoin(cases, eq(cases.id, callbackRequests.caseId))
      .where(eq(callbackRequests.id, input.callbackId));
    if (!row) throw new DomainError("callback_not_found");
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "callback.viewed", subjectKind: "callback", subjectId: row.id, debtorId: row.debtorId });
    return display(row);
  });
}

/** Staff made the call (or tried): the outcome is recorded and the item leaves the queue. */
export async function recordCallbackOutcome(
  db: Db,
  input: { staffId: string; callbackId: string; outcome: "reached" | "no_answer" | "wrong_number"; note: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: callbackRequests.id, status: callbackRequests.status, debtorId: callbackRequests.debtorId })
      .from(callbackRequests)
      .where(eq(callbackRequests.id, input.callbackId))
      .for("update");
    if (!row) throw new DomainError("callback_not_found");
    if (row.status !== "requested") throw new DomainError("conflict_callback_not_waiting");
    await tx
      .update(callbackRequests)
      .set({ status: "done", outcome: input.outcome, outcomeNote: input.note.trim() || null, staffUserId: input.staffId, doneAt: input.now })
      .where(eq(callbackRequests.id, row.id));
    await closeWorkItem(tx, "callback", row.id, input.now);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "callback.done", subjectKind: "callback", subjectId: row.id, debtorId: row.debtorId, details: { outcome: input.outcome } });
    return { callbackId: row.id };
  });
}
