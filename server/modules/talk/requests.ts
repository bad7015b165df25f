import { and, desc, eq } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { cases, debtors, messageDrafts, outbox, personRequests } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { COMPLAINT_MAX_CHARS, complaintDueOn, dataAccessDueOn, replyDueBy } from "../../domain/talk";
import { recordAudit } from "../audit/record";
import { closeWorkItem, openWorkItem } from "../work-items/work-items";
import { compilePersonData, type PersonData } from "./person-data";
import { keepDraft } from "./threads";

export type PersonRequestKind = "complaint" | "data_access";

/**
 * A complaint about us: its own clock (an answer within 5 bank days), a work item and the audit
 * event. Refused text is kept as a draft (key "complaint") so the form shows it again.
 */
export async function fileComplaint(
  db: Db,
  input: { debtorId: string; caseId: string | null; body: string; now: Date },
): Promise<{ ok: true; requestId: string; dueOn: string } | { ok: false; code: "complaint_empty" | "complaint_too_long" }> {
  const body = input.body.replace(/\r\n/g, "\n").trim();
  const refused = body === "" ? "complaint_empty" : [...body].length > COMPLAINT_MAX_CHARS ? "complaint_too_long" : null;
  if (refused) {
    await keepDraft(db, input.debtorId, "complaint", input.body.slice(0, COMPLAINT_MAX_CHARS * 2), refused, undefined, input.now);
    return { ok: false, code: refused };
  }
  return db.transaction(async (tx) => {
    let creditorId: string | null = null;
    if (input.caseId) {
      const [c] = await tx.select({ creditorId: cases.creditorId }).from(cases).where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)));
      if (!c) throw new DomainError("case_not_found");
      creditorId = c.creditorId;
    }
    const dueOn = complaintDueOn(input.now);
    const [row] = await tx
      .insert(personRequests)
      .values({ kind: "complaint", debtorId: input.debtorId, caseId: input.caseId, body, dueOn, createdAt: input.now })
      .returning({ id: personRequests.id });
    await tx.delete(messageDrafts).where(and(eq(messageDrafts.debtorId, input.debtorId), eq(messageDrafts.subjectKey, "complaint")));
    await openWorkItem(tx, { kind: "complaint", subjectId: row!.id, debtorId: input.debtorId, caseId: input.caseId, creditorId, dueBy: replyDueBy(dueOn), summary: "Klagomål" });
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "complaint.filed", subjectKind: "person_request", subjectId: row!.id, debtorId: input.debtorId, details: { dueOn, caseId: input.caseId } });
    return { ok: true as const, requestId: row!.id, dueOn };
  });
}

/**
 * "What data do you have on me?": one open request at a time (asking again returns it), due within
 * a month; staff compile and release the answer.
 */
export async function requestDataAccess(db: Db, input: { debtorId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: personRequests.id, dueOn: personRequests.dueOn })
      .from(personRequests)
      .where(and(eq(personRequests.debtorId, input.debtorId), eq(personRequests.kind, "data_access"), eq(personRequests.status, "open")));
    if (open) return { requestId: open.id, dueOn: open.dueOn, already: true };
    const dueOn = dataAccessDueOn(input.now);
    const [row] = await tx
      .insert(personRequests)
      .values({ kind: "data_access", debtorId: input.debtorId, dueOn, createdAt: input.now })
      .returning({ id: personRequests.id });
    await openWorkItem(tx, { kind: "data_access", subjectId: row!.id, debtorId: input.debtorId, dueBy: replyDueBy(dueOn), summary: "Registerutdrag" });
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "data_access.requested", subjectKind: "person_request", subjectId: row!.id, debtorId: input.debtorId, details: { dueOn } });
    return { requestId: row!.id, dueOn, already: false };
  });
}

const view = {
  id: personRequests.id,
  kind: personRequests.kind,
  caseId: personRequests.caseId,
  caseNumber: cases.caseNumber,
  body: personRequests.body,
  status: personRequests.status,
  dueOn: personRequests.dueOn,
  answer: personRequests.answer,
  createdAt: personRequests.createdAt,
  answeredAt: personRequests.answeredAt,
  readAt: personRequests.readAt,
};

export async function listDebtorRequests(db: Queryable, debtorId: string) {
  return db.select(view).from(personRequests).leftJoin(cases, eq(cases.id, personRequests.caseId)).where(eq(personRequests.debtorId, debtorId)).orderBy(desc(personRequests.createdAt));
}

/** One of the person's own requests (opening an answered one marks it read); anyone else's: not found. */
export async function openDebtorRequest(db: Db, input: { debtorId: string; requestId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(view)
      .from(personRequests)
      .leftJoin(cases, eq(cases.id, personRequests.caseId))
      .where(and(eq(personRequests.id, input.requestId), eq(personRequests.debtorId, input.debtorId)));
    if (!row) throw new DomainError("request_not_found");
    if (row.status === "answered" && !row.readAt) await tx.update(personRequests).set({ readAt: input.now }).where(eq(personRequests.id, row.id));
    return row;
  });
}

/** The released data-access answer, for its owner only. */
export async function readDataAccessAnswer(db: Queryable, input: { debtorId: string; requestId: string }): Promise<PersonData> {
  const [row] = await db
    .select({ kind: personRequests.kind, status: personRequests.status, data: personRequests.dataExport })
    .from(personRequests)
    .where(and(eq(personRequests.id, input.requestId), eq(personRequests.debtorId, input.debtorId)));
  if (!row || row.kind !== "data_access" || row.status !== "answered" || !row.data) throw new DomainError("request_not_found");
  return row.data as unknown as PersonData;
}

async function lockedRequest(tx: Queryable, requestId: string, kind: PersonRequestKind) {
  const [row] = await tx
    .select({ id: personRequests.id, kind: personRequests.kind, status: personRequests.status, debtorId: personRequests.debtorId, caseId: personRequests.caseId, channel: debtors.preferredChannel })
    .from(personRequests)
    .innerJoin(debtors, eq(debtors.id, personRequests.debtorId))
    .where(eq(personRequests.id, requestId))
    .for("update", { of: personRequests });
  if (!row || row.kind !== kind) throw new DomainError("request_not_found");
  if (row.status !== "open") throw new DomainError("conflict_request_answered");
  return row;
}

/** Staff answer a complaint in writing: saved, the person told through the outbox, the item closed. */
export async function answerComplaint(db: Db, input: { staffId: string; requestId: string; answer: string; now: Date }) {
  const answer = input.answer.replace(/\r\n/g, "\n").trim();
  if (answer === "") throw new DomainError("answer_empty");
  if ([...answer].length > COMPLAINT_MAX_CHARS) throw new DomainError("answer_too_long");
  return db.transaction(async (tx) => {
    const row = await lockedRequest(tx, input.requestId, "complaint");
    await tx.update(personRequests).set({ status: "answered", answer, staffUserId: input.staffId, answeredAt: input.now }).where(eq(personRequests.id, row.id));
    await closeWorkItem(tx, "complaint", row.id, input.now);
    await tx.insert(outbox).values({
      debtorId: row.debtorId,
      caseId: row.caseId,
      channel: row.channel,
      kind: "complaint_answered",
      payload: { requestId: row.id },
      dedupeKey: `complaint:${row.id}:answered`,
      scheduledFor: input.now,
    });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "complaint.answered", subjectKind: "person_request", subjectId: row.id, debtorId: row.debtorId });
    return { requestId: row.id };
  });
}

/**
 * Staff release a data-access answer: everything held about the person is compiled now, kept with
 * the request (so the PDF and the JSON always say the same), the person told, the item closed.
 */
export async function releaseDataAccess(db: Db, input: { staffId: string; requestId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const row = await lockedRequest(tx, input.requestId, "data_access");
    // The release itself is one of the looks at the person's data: audited first, so it is listed.
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "data_access.released", subjectKind: "person_request", subjectId: row.id, debtorId: row.debtorId });
    const data = await compilePersonData(tx, row.debtorId, input.now);
    await tx
      .update(personRequests)
      .set({ status: "answered", dataExport: data as unknown as Record<string, unknown>, staffUserId: input.staffId, answeredAt: input.now })
      .where(eq(personRequests.id, row.id));
    await closeWorkItem(tx, "data_access", row.id, input.now);
    await tx.insert(outbox).values({
      debtorId: row.debtorId,
      caseId: null,
      channel: row.channel,
      kind: "data_access_ready",
      payload: { requestId: row.id },
      dedupeKey: `data_access:${row.id}:ready`,
      scheduledFor: input.now,
    });
    return { requestId: row.id };
  });
}

/** A complaint or data-access request for staff, with whose it is; the look is audited. */
export async function openStaffRequest(db: Db, input: { staffId: string; requestId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...view, debtorId: personRequests.debtorId, givenName: debtors.givenName, surname: debtors.surname })
      .from(personRequests)
      .innerJoin(debtors, eq(debtors.id, personRequests.debtorId))
      .leftJoin(cases, eq(cases.id, personRequests.caseId))
      .where(eq(personRequests.id, input.requestId));
    if (!row) throw new DomainError("request_not_found");
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "person_request.viewed", subjectKind: "person_request", subjectId: row.id, debtorId: row.debtorId });
    const { givenName, surname, ...rest } = row;
    return { ...rest, debtorName: `${givenName} ${surname}` };
  });
}
