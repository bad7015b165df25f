import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { callbackRequests, cases, debtors, messages, personRequests, threads } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit/record";
import { listDebtorCallbacks } from "./callbacks";
import { listDebtorRequests } from "./requests";
import { countUnreadReplies, listDebtorThreads, type TalkHistoryKind } from "./threads";

/** Everything the person has said to us and we to them, for the "talk to us" page. */
export async function debtorTalkOverview(db: Queryable, debtorId: string) {
  const [threadList, callbacks, requests, unread] = [
    await listDebtorThreads(db, debtorId),
    await listDebtorCallbacks(db, debtorId),
    await listDebtorRequests(db, debtorId),
    await countUnreadReplies(db, debtorId),
  ];
  return { threads: threadList, callbacks, requests, unread };
}

/** A case's conversation with us, by date: for the case page's history. Someone else's case: not found. */
export async function caseTalkHistory(db: Queryable, input: { debtorId: string; caseId: string }): Promise<{ at: Date; kind: TalkHistoryKind; link: string }[]> {
  const [c] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)));
  if (!c) throw new DomainError("case_not_found");
  const said = await db
    .select({ at: messages.createdAt, author: messages.author, threadId: threads.id })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(and(eq(threads.caseId, c.id), eq(threads.debtorId, input.debtorId), ne(messages.author, "system")));
  const calls = await db.select().from(callbackRequests).where(and(eq(callbackRequests.caseId, c.id), eq(callbackRequests.debtorId, input.debtorId)));
  const complaints = await db
    .select()
    .from(personRequests)
    .where(and(eq(personRequests.caseId, c.id), eq(personRequests.debtorId, input.debtorId), eq(personRequests.kind, "complaint")));
  const out: { at: Date; kind: TalkHistoryKind; link: string }[] = [
    ...said.map((m) => ({ at: m.at, kind: (m.author === "debtor" ? "you_wrote" : "we_replied") as TalkHistoryKind, link: `/contact/threads/${m.threadId}` })),
    ...calls.map((x) => ({ at: x.createdAt, kind: "callback_requested" as const, link: `/contact/callback/${x.id}` })),
    ...calls.filter((x) => x.cancelledAt).map((x) => ({ at: x.cancelledAt!, kind: "callback_cancelled" as const, link: `/contact/callback/${x.id}` })),
    ...calls.filter((x) => x.doneAt).map((x) => ({ at: x.doneAt!, kind: "callback_done" as const, link: `/contact/callback/${x.id}` })),
    ...complaints.map((x) => ({ at: x.createdAt, kind: "complaint_filed" as const, link: `/contact/requests/${x.id}` })),
    ...complaints.filter((x) => x.answeredAt).map((x) => ({ at: x.answeredAt!, kind: "complaint_answered" as const, link: `/contact/requests/${x.id}` })),
  ];
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** What waits for an answer, oldest promise first, for the staff pages; the look is audited once. */
export async function staffTalkQueue(db: Db, input: { staffId: string }) {
  return db.transaction(async (tx) => {
    const name = sql<string>`${debtors.givenName} || ' ' || ${debtors.surname}`;
    const waiting = await tx
      .select({ id: threads.id, debtorName: name, caseNumber: cases.caseNumber, replyDueOn: threads.replyDueOn, lastMessageAt: threads.lastMessageAt })
      .from(threads)
      .innerJoin(debtors, eq(debtors.id, threads.debtorId))
      .leftJoin(cases, eq(cases.id, threads.caseId))
      .where(eq(threads.status, "waiting_for_us"))
      .orderBy(asc(threads.replyDueOn), asc(threads.lastMessageAt));
    const calls = await tx
      .select({ id: callbackRequests.id, debtorName: name, caseNumber: cases.caseNumber, day: callbackRequests.day, startHour: callbackRequests.startHour, endHour: callbackRequests.endHour })
      .from(callbackRequests)
      .innerJoin(debtors, eq(debtors.id, callbackRequests.debtorId))
      .leftJoin(cases, eq(cases.id, callbackRequests.caseId))
      .where(eq(callbackRequests.status, "requested"))
      .orderBy(asc(callbackRequests.day), asc(callbackRequests.startHour));
    const requests = await tx
      .select({ id: personRequests.id, kind: personRequests.kind, debtorName: name, caseNumber: cases.caseNumber, dueOn: personRequests.dueOn })
      .from(personRequests)
      .innerJoin(debtors, eq(debtors.id, personRequests.debtorId))
      .leftJoin(cases, eq(cases.id, personRequests.caseId))
      .where(eq(personRequests.status, "open"))
      .orderBy(asc(personRequests.dueOn), desc(personRequests.createdAt));
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "talk.queue_viewed", subjectKind: "talk_queue", details: { threads: waiting.length, callbacks: calls.length, requests: requests.length } });
    return { threads: waiting, callbacks: calls, requests };
  });
}
