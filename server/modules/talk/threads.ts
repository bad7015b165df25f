import { enforceRateLimit } from "../rate-limit/enforce";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { cases, creditorPolicies, debtors, messageDrafts, messages, outbox, staffUsers, threads } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { AGENCY_REPLY_BANK_DAYS, MESSAGE_MAX_CHARS, replyDueBy, replyDueOn } from "../../domain/talk";
import { listAttachments, storeAttachments, validateUpload, type AttachmentInfo, type IncomingFile, type UploadRefusal } from "../attachments/attachments";
import { recordAudit } from "../audit/record";
import { closeWorkItem, openWorkItem } from "../work-items/work-items";

/** What a thread is about: one of the person's cases, or a general question. */
export type Subject = { caseId: string } | "general";
export const subjectKey = (s: Subject) => (s === "general" ? "general" : s.caseId);

export type MessageRefusal = "message_empty" | "message_too_long" | UploadRefusal;

export type SendResult =
  | { ok: true; threadId: string; messageId: string; replyDueOn: string }
  | { ok: false; code: MessageRefusal; fileName?: string };

async function caseOf(db: Queryable, debtorId: string, caseId: string) {
  const [row] = await db
    .select({ id: cases.id, caseNumber: cases.caseNumber, creditorId: cases.creditorId, replyBankDays: creditorPolicies.replyBankDays })
    .from(cases)
    .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
    .where(and(eq(cases.id, caseId), eq(cases.debtorId, debtorId)));
  if (!row) throw new DomainError("case_not_found");
  return row;
}

/** Keeps what the person wrote when the message was refused, with the reason, so the form shows both again. */
export async function keepDraft(db: Queryable, debtorId: string, key: string, body: string, code: string, fileName: string | undefined, now: Date) {
  await db
    .insert(messageDrafts)
    .values({ debtorId, subjectKey: key, body, errorCode: code, errorFile: fileName ?? null, updatedAt: now })
    .onConflictDoUpdate({ target: [messageDrafts.debtorId, messageDrafts.subjectKey], set: { body, errorCode: code, errorFile: fileName ?? null, updatedAt: now } });
}

export async function readDraft(db: Queryable, debtorId: string, subject: Subject | "complaint") {
  const key = subject === "complaint" ? "complaint" : subjectKey(subject);
  const [row] = await db
    .select({ body: messageDrafts.body, errorCode: messageDrafts.errorCode, errorFile: messageDrafts.errorFile })
    .from(messageDrafts)
    .where(and(eq(messageDrafts.debtorId, debtorId), eq(messageDrafts.subjectKey, key)));
  return row ?? null;
}

/**
 * A person writes to us. The text and every file are checked first; a refusal stores no message and
 * no file (only the text, as a draft, so nothing written is lost). Otherwise, in one transaction:
 * the thread for the subject (opened, or reopened), the message, its files, the promised reply day
 * (the creditor's bank days, or the agency's for a general question; an earlier promise stands),
 * the staff work item with that deadline, and the audit event.
 */
export async function sendDebtorMessage(
  db: Db,
  input: { debtorId: string; subject: Subject; body: string; files: IncomingFile[]; now: Date },
): Promise<SendResult> {
  const key = subjectKey(input.subject);
  const c = input.subject === "general" ? null : await caseOf(db, input.debtorId, input.subject.caseId);
  // Counted in PostgreSQL, so every app instance sees the same count.
  await enforceRateLimit(db, "messageSend", input.debtorId, input.now);
  const body = input.body.replace(/\r\n/g, "\n").trim();
  const refuse = async (code: MessageRefusal, fileName?: string): Promise<SendResult> => {
    await keepDraft(db, input.debtorId, key, input.body.slice(0, MESSAGE_MAX_CHARS * 2), code, fileName, input.now);
    return { ok: false, code, ...(fileName ? { fileName } : {}) };
  };
  if (body === "") return refuse("message_empty");
  if ([...body].length > MESSAGE_MAX_CHARS) return refuse("message_too_long");
  const check = await validateUpload(input.files);
  if (!check.ok) return refuse(check.code, check.fileName);

  const promised = replyDueOn(input.now, c ? (c.replyBankDays ?? AGENCY_REPLY_BANK_DAYS) : AGENCY_REPLY_BANK_DAYS);
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(threads)
      .values({ debtorId: input.debtorId, caseId: c?.id ?? null, status: "waiting_for_us", replyDueOn: promised, createdAt: input.now, lastMessageAt: input.now })
      .onConflictDoUpdate({
        target: [threads.debtorId, threads.caseId],
        set: {
          // Still waiting for our answer: the first promise stands. Otherwise a new one.
          replyDueOn: sql`case when ${threads.status} = 'waiting_for_us' and ${threads.replyDueOn} is not null then least(${threads.replyDueOn}, excluded.reply_due_on) else excluded.reply_due_on end`,
          status: "waiting_for_us",
          lastMessageAt: input.now,
          handledAt: null,
        },
      })
      .returning({ id: threads.id, replyDueOn: threads.replyDueOn });
    const [message] = await tx.insert(messages).values({ threadId: thread!.id, author: "debtor", body, createdAt: input.now }).returning({ id: messages.id });
    const stored = await storeAttachments(tx, { kind: "message", id: message!.id, debtorId: input.debtorId, uploadedBy: "debtor" }, check.files);
    await tx.delete(messageDrafts).where(and(eq(messageDrafts.debtorId, input.debtorId), eq(messageDrafts.subjectKey, key)));
    const due = thread!.replyDueOn ?? promised;
    await openWorkItem(tx, {
      kind: "message",
      subjectId: thread!.id,
      debtorId: input.debtorId,
      caseId: c?.id ?? null,
      creditorId: c?.creditorId ?? null,
      dueBy: replyDueBy(due),
      summary: c ? `Meddelande om ${c.caseNumber}` : "Allmän fråga",
    });
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: input.debtorId,
      action: "message.sent",
      subjectKind: "thread",
      subjectId: thread!.id,
      debtorId: input.debtorId,
      details: { messageId: message!.id, caseId: c?.id ?? null, attachments: stored.length, replyDueOn: due },
    });
    return { ok: true as const, threadId: thread!.id, messageId: message!.id, replyDueOn: due };
  });
}

export interface ThreadSummary {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  status: "waiting_for_us" | "waiting_for_debtor" | "closed";
  replyDueOn: string | null;
  lastMessageAt: Date;
  unread: number;
}

const unreadOf = sql<number>`(select count(*)::int from ${messages} m where m.thread_id = ${threads.id} and m.author = 'staff' and m.read_at is null)`;

/** The person's threads, latest first, each with the count of replies not yet read. */
export async function listDebtorThreads(db: Queryable, debtorId: string): Promise<ThreadSummary[]> {
  return db
    .select({
      id: threads.id,
      caseId: threads.caseId,
      caseNumber: cases.caseNumber,
      status: threads.status,
      replyDueOn: threads.replyDueOn,
      lastMessageAt: threads.lastMessageAt,
      unread: unreadOf,
    })
    .from(threads)
    .leftJoin(cases, eq(cases.id, threads.caseId))
    .where(eq(threads.debtorId, debtorId))
    .orderBy(desc(threads.lastMessageAt));
}

/** Replies the person has not opened yet, over all threads (the overview's count). */
export async function countUnreadReplies(db: Queryable, debtorId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(and(eq(threads.debtorId, debtorId), eq(messages.author, "staff"), isNull(messages.readAt)));
  return row?.n ?? 0;
}

/** The thread already open on a subject, if any. */
export async function findDebtorThread(db: Queryable, debtorId: string, subject: Subject): Promise<string | null> {
  if (subject !== "general") await caseOf(db, debtorId, subject.caseId);
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.debtorId, debtorId), subject === "general" ? isNull(threads.caseId) : eq(threads.caseId, subject.caseId)));
  return row?.id ?? null;
}

export interface ThreadMessage {
  id: string;
  author: "debtor" | "staff" | "system";
  staffName: string | null;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  attachments: AttachmentInfo[];
}

async function messagesOf(db: Queryable, threadId: string): Promise<ThreadMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      author: messages.author,
      staffName: staffUsers.name,
      body: messages.body,
      createdAt: messages.createdAt,
      readAt: messages.readAt,
    })
    .from(messages)
    .leftJoin(staffUsers, eq(staffUsers.id, messages.staffUserId))
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = await listAttachments(db, "message", rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.ownerId === r.id) }));
}

/** One of the person's own threads with every message; our replies are marked read. Anyone else's: not found. */
export async function openDebtorThread(db: Db, input: { debtorId: string; threadId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .select({ id: threads.id, caseId: threads.caseId, caseNumber: cases.caseNumber, status: threads.status, replyDueOn: threads.replyDueOn })
      .from(threads)
      .leftJoin(cases, eq(cases.id, threads.caseId))
      .where(and(eq(threads.id, input.threadId), eq(threads.debtorId, input.debtorId)));
    if (!thread) throw new DomainError("thread_not_found");
    const list = await messagesOf(tx, thread.id);
    await tx
      .update(messages)
      .set({ readAt: input.now })
      .where(and(eq(messages.threadId, thread.id), eq(messages.author, "staff"), isNull(messages.readAt)));
    // A person sees the first name of who answered, never more.
    return { ...thread, messages: list.map((m) => ({ ...m, staffName: m.staffName ? m.staffName.split(" ")[0]! : null })) };
  });
}

/** A thread for a person on the staff side, with who wrote it; the look is audited. */
export async function openStaffThread(db: Db, input: { staffId: string; threadId: string }) {
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .select({
        id: threads.id,
        debtorId: threads.debtorId,
        debtorName: sql<string>`${debtors.givenName} || ' ' || ${debtors.surname}`,
        caseId: threads.caseId,
        caseNumber: cases.caseNumber,
        status: threads.status,
        replyDueOn: threads.replyDueOn,
      })
      .from(threads)
      .innerJoin(debtors, eq(debtors.id, threads.debtorId))
      .leftJoin(cases, eq(cases.id, threads.caseId))
      .where(eq(threads.id, input.threadId));
    if (!thread) throw new DomainError("thread_not_found");
    const list = await messagesOf(tx, thread.id);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "thread.viewed", subjectKind: "thread", subjectId: thread.id, debtorId: thread.debtorId });
    return { ...thread, messages: list };
  });
}

/**
 * Staff answer a thread: the reply, the thread waiting on the person, the work item closed, a
 * notice in the outbox (kind `reply_notification`, sent in the person's channel) and the audit event.
 */
export async function replyToThread(db: Db, input: { staffId: string; threadId: string; body: string; now: Date }) {
  const body = input.body.replace(/\r\n/g, "\n").trim();
  if (body === "") throw new DomainError("message_empty");
  if ([...body].length > MESSAGE_MAX_CHARS) throw new DomainError("message_too_long");
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .select({ id: threads.id, debtorId: threads.debtorId, caseId: threads.caseId, channel: debtors.preferredChannel })
      .from(threads)
      .innerJoin(debtors, eq(debtors.id, threads.debtorId))
      .where(eq(threads.id, input.threadId))
      .for("update", { of: threads });
    if (!thread) throw new DomainError("thread_not_found");
    const [message] = await tx
      .insert(messages)
      .values({ threadId: thread.id, author: "staff", staffUserId: input.staffId, body, createdAt: input.now })
      .returning({ id: messages.id });
    await tx.update(threads).set({ status: "waiting_for_debtor", lastMessageAt: input.now, handledAt: null }).where(eq(threads.id, thread.id));
    await closeWorkItem(tx, "message", thread.id, input.now);
    await tx.insert(outbox).values({
      debtorId: thread.debtorId,
      caseId: thread.caseId,
      channel: thread.channel,
      kind: "reply_notification",
      payload: { threadId: thread.id },
      dedupeKey: `reply:${message!.id}`,
      scheduledFor: input.now,
    });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "message.replied", subjectKind: "thread", subjectId: thread.id, debtorId: thread.debtorId, details: { messageId: message!.id } });
    return { messageId: message!.id };
  });
}

/** Nothing more to say: the thread is handled (the person can still write again, which reopens it). */
export async function markThreadHandled(db: Db, input: { staffId: string; threadId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [thread] = await tx.update(threads).set({ status: "closed", handledAt: input.now }).where(eq(threads.id, input.threadId)).returning({ id: threads.id, debtorId: threads.debtorId });
    if (!thread) throw new DomainError("thread_not_found");
    await closeWorkItem(tx, "message", thread.id, input.now);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "thread.handled", subjectKind: "thread", subjectId: thread.id, debtorId: thread.debtorId });
    return { threadId: thread.id };
  });
}

export type TalkHistoryKind = "you_wrote" | "we_replied" | "callback_requested" | "callback_cancelled" | "callback_done" | "complaint_filed" | "complaint_answered";
