import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseHolds, cases, debtors, debtorSupportNeeds, paymentPromises, staffNotes } from "../../db/schema";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { formatPersonnummer } from "../../domain/personnummer";
import { openPersonalNumber, sealPersonalNumber } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import { recordAudit } from "../audit/record";
import { auditedRead } from "./staff-read";

export const SUPPORT_NEED_KINDS = ["needs_more_time", "hard_to_read", "bereavement", "illness", "other"] as const;
export type SupportNeedKind = (typeof SUPPORT_NEED_KINDS)[number];

async function debtorOrFail(tx: Pick<Db, "select">, debtorId: string) {
  const [d] = await tx.select({ id: debtors.id }).from(debtors).where(eq(debtors.id, debtorId));
  if (!d) throw new DomainError("debtor_not_found");
  return d;
}

async function caseOrFail(tx: Pick<Db, "select">, caseId: string) {
  const [c] = await tx.select({ id: cases.id, debtorId: cases.debtorId, status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!c) throw new DomainError("case_not_found");
  return c;
}

/** An internal note on a person, or one of their cases. Never shown to the debtor. */
export async function addNote(db: Db, input: { staffId: string; debtorId: string; caseId?: string | null; body: string; now: Date }) {
  return db.transaction(async (tx) => {
    await debtorOrFail(tx, input.debtorId);
    if (input.caseId && (await caseOrFail(tx, input.caseId)).debtorId !== input.debtorId) throw new DomainError("case_not_found");
    const [note] = await tx.insert(staffNotes).values({ debtorId: input.debtorId, caseId: input.caseId ?? null, staffUserId: input.staffId, body: input.body, createdAt: input.now }).returning({ id: staffNotes.id });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "note.added", subjectKind: "staff_note", subjectId: note!.id, debtorId: input.debtorId, details: { caseId: input.caseId ?? null } });
    return { noteId: note!.id };
  });
}

/**
 * Pauses a case's automated steps for `days` days with a reason (a `staff_hold`): reminders,
 * letters, the payment-order step and plan follow-up all ask the one hold rule.
 */
export async function placeHold(db: Db, input: { staffId: string; caseId: string; days: number; reason: string; now: Date }) {
  return db.transaction(async (tx) => {
    const c = await caseOrFail(tx, input.caseId);
    const endsOn = addDays(todayInStockholm(input.now), input.days);
    const [hold] = await tx.insert(caseHolds).values({ caseId: c.id, kind: "staff_hold", reason: input.reason, startedAt: input.now, endsOn, createdBy: input.staffId }).returning({ id: caseHolds.id });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "hold.placed", subjectKind: "case_hold", subjectId: hold!.id, debtorId: c.debtorId, details: { caseId: c.id, days: input.days, endsOn } });
    return { holdId: hold!.id, endsOn };
  });
}

/** Lifts a staff hold before its end. A dispute's hold is lifted by deciding the dispute. */
export async function liftHold(db: Db, input: { staffId: string; holdId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [hold] = await tx.select().from(caseHolds).where(eq(caseHolds.id, input.holdId)).for("update");
    if (!hold) throw new DomainError("hold_not_found");
    if (hold.kind !== "staff_hold") throw new DomainError("conflict_hold_is_dispute");
    if (hold.liftedAt) throw new DomainError("conflict_hold_lifted");
    await tx.update(caseHolds).set({ liftedAt: input.now, liftedBy: input.staffId }).where(eq(caseHolds.id, hold.id));
    const c = await caseOrFail(tx, hold.caseId);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "hold.lifted", subjectKind: "case_hold", subjectId: hold.id, debtorId: c.debtorId, details: { caseId: c.id } });
    return { holdId: hold.id };
  });
}

/** A promise to pay an amount by a date; if it is not kept the queue shows it the day after. */
export async function recordPromise(db: Db, input: { staffId: string; caseId: string; amountOre: number; dueOn: string; now: Date }) {
  if (input.dueOn < todayInStockholm(input.now)) throw new DomainError("promise_date_past");
  return db.transaction(async (tx) => {
    const c = await caseOrFail(tx, input.caseId);
    const [promise] = await tx.insert(paymentPromises).values({ debtorId: c.debtorId, caseId: c.id, amountOre: input.amountOre, dueOn: input.dueOn, createdBy: input.staffId, createdAt: input.now }).returning({ id: paymentPromises.id });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "promise.recorded", subjectKind: "payment_promise", subjectId: promise!.id, debtorId: c.debtorId, details: { caseId: c.id, amountOre: input.amountOre, dueOn: input.dueOn } });
    return { promiseId: promise!.id };
  });
}

/**
 * Sets a support need (special-category data): the detail is stored encrypted, lists only show
 * that one exists, and its audit event never says which. One active need per person: a new one replaces it.
 */
export async function setSupportNeed(db: Db, input: { staffId: string; debtorId: string; kind: SupportNeedKind; detail: string; now: Date }) {
  return db.transaction(async (tx) => {
    await debtorOrFail(tx, input.debtorId);
    await tx.update(debtorSupportNeeds).set({ clearedAt: input.now, clearedBy: input.staffId }).where(and(eq(debtorSupportNeeds.debtorId, input.debtorId), isNull(debtorSupportNeeds.clearedAt)));
    const [need] = await tx
      .insert(debtorSupportNeeds)
      .values({ debtorId: input.debtorId, kind: input.kind, detailEncrypted: input.detail ? sealPersonalNumber(input.detail, personalNumberKeyring()) : null, setBy: input.staffId, setAt: input.now })
      .returning({ id: debtorSupportNeeds.id });
    // The audit says that a need was set, never which.
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "support_need.set", subjectKind: "support_need", subjectId: need!.id, debtorId: input.debtorId });
    return { supportNeedId: need!.id };
  });
}

export async function clearSupportNeed(db: Db, input: { staffId: string; debtorId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const cleared = await tx
      .update(debtorSupportNeeds)
      .set({ clearedAt: input.now, clearedBy: input.staffId })
      .where(and(eq(debtorSupportNeeds.debtorId, input.debtorId), isNull(debtorSupportNeeds.clearedAt)))
      .returning({ id: debtorSupportNeeds.id });
    if (cleared.length === 0) throw new DomainError("support_need_not_found");
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "support_need.cleared", subjectKind: "support_need", subjectId: cleared[0]!.id, debtorId: input.debtorId });
    return { cleared: cleared.length };
  });
}

/** The support need's kind and detail: reading them is audited with the reason given. */
export async function readSupportNeed(db: Db, input: { staffId: string; debtorId: string; reason: string }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const [need] = await tx.select().from(debtorSupportNeeds).where(and(eq(debtorSupportNeeds.debtorId, input.debtorId), isNull(debtorSupportNeeds.clearedAt)));
      if (!need) throw new DomainError("support_need_not_found");
      return { id: need.id, kind: need.kind as SupportNeedKind, detail: need.detailEncrypted ? openPersonalNumber(need.detailEncrypted, personalNumberKeyring()) : "", setAt: need.setAt.toISOString() };
    },
    (need) => ({ action: "support_need.revealed", subjectKind: "support_need", subjectId: need.id, debtorId: input.debtorId, details: { reason: input.reason } }),
  );
}

/** The full personal number, shown after "visa": audited with the reason. */
export async function revealPersonalNumber(db: Db, input: { staffId: string; debtorId: string; reason: string }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const [d] = await tx.select({ sealed: debtors.personalNumberEncrypted }).from(debtors).where(eq(debtors.id, input.debtorId));
      if (!d) throw new DomainError("debtor_not_found");
      return { personalNumber: formatPersonnummer(openPersonalNumber(d.sealed, personalNumberKeyring())) };
    },
    () => ({ action: "debtor.pnr_revealed", subjectKind: "debtor", subjectId: input.debtorId, debtorId: input.debtorId, details: { reason: input.reason } }),
  );
}
