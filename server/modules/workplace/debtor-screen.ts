import { and, asc, desc, eq, inArray, isNotNull, ne, notLike, sql } from "drizzle-orm";
import { readAll, type Db, type Tx } from "../../db/client";
import {
  auditEvents,
  caseDocuments,
  caseHolds,
  debtors,
  debtorSupportNeeds,
  deepLinkTokens,
  callbackRequests,
  disputes,
  instalmentPlans,
  instalments,
  messages,
  outbox,
  paymentPromises,
  payments,
  planCases,
  staffNotes,
  staffUsers,
  threads,
  workItems,
} from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { caseState } from "../cases/case-state";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { markViewing } from "./queue";
import { maskedNumberOf } from "./search";
import { auditedRead } from "./staff-read";

import { type TimelineKind } from "./debtor-schema-kinds";

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** What happened, as a key the page words (letter.collection_letter, decision.plan.approved …). */
  what: string;
  caseNumber: string | null;
  /** Who did it, when a member of staff did. */
  staffName: string | null;
  /** A short text (a note, a message's start, an amount in öre as digits), never a personal number. */
  text: string | null;
  amountOre: number | null;
}

const TIMELINE_LIMIT = 300;

/**
 * Everything about one person on one page: contact details and preferences, each case with its
 * balance broken down (the same ledger the debtor's own case page reads), plans and instalments,
 * payments, holds, promises, open queue items, and one timeline newest first. Opening it from a
 * queue item records that this person has the item open and says who else has. One audit event.
 */
export async function getDebtorScreen(db: Db, input: { staffId: string; debtorId: string; workItemId?: string; reason?: string; kinds?: TimelineKind[]; now: Date }) {
  const today = todayInStockholm(input.now);
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const [person] = await tx.select().from(debtors).where(eq(debtors.id, input.debtorId));
      if (!person) throw new DomainError("debtor_not_found");
      const viewers = input.workItemId ? await markViewing(tx, { staffId: input.staffId, workItemId: input.workItemId, now: input.now }) : [];
      const ledgers = await loadDebtorLedgers(tx, { debtorId: person.id, asOf: today });
      const caseIds = ledgers.map((l) => l.case.id);
      const caseNumber = new Map(ledgers.map((l) => [l.case.id, l.case.caseNumber]));

      const [holds, plans, paymentRows, promises, openItems, supportNeed, notes] = await readAll(tx, [
        () =>
          caseIds.length
          ? tx.select({ h: caseHolds, by: staffUsers.name }).from(caseHolds).leftJoin(staffUsers, eq(staffUsers.id, caseHolds.createdBy)).where(inArray(caseHolds.caseId, caseIds)).orderBy(desc(caseHolds.startedAt))
          : Promise.resolve([]),
        () => tx.select().from(instalmentPlans).where(eq(instalmentPlans.debtorId, person.id)).orderBy(desc(instalmentPlans.createdAt)),
        () => (caseIds.length ? tx.select().from(payments).where(inArray(payments.caseId, caseIds)).orderBy(desc(payments.createdAt)).limit(100) : Promise.resolve([])),
        () => tx.select().from(paymentPromises).where(eq(paymentPromises.debtorId, person.id)).orderBy(desc(paymentPromises.createdAt)),
        () =>
          tx
          .select({ id: workItems.id, kind: workItems.kind, status: workItems.status, subjectId: workItems.subjectId, caseId: workItems.caseId, dueBy: workItems.dueBy, assignedTo: workItems.assignedTo, assigneeName: staffUsers.name })
          .from(workItems)
          .leftJoin(staffUsers, eq(staffUsers.id, workItems.assignedTo))
          .where(and(eq(workItems.debtorId, person.id), ne(workItems.status, "done")))
          .orderBy(asc(workItems.dueBy)),
        () => tx.select({ id: debtorSupportNeeds.id, setAt: debtorSupportNeeds.setAt }).from(debtorSupportNeeds).where(and(eq(debtorSupportNeeds.debtorId, person.id), sql`${debtorSupportNeeds.clearedAt} is null`)).limit(1),
        () => tx.select({ n: staffNotes, by: staffUsers.name }).from(staffNotes).innerJoin(staffUsers, eq(staffUsers.id, staffNotes.staffUserId)).where(eq(staffNotes.debtorId, person.id)).orderBy(desc(staffNotes.createdAt)).limit(100),
      ]);
      const planIds = plans.map((p) => p.id);
      const [planLinks, instalmentRows] = planIds.length
        ? await readAll(tx, [() => tx.select().from(planCases).where(inArray(planCases.planId, planIds)), () => tx.select().from(instalments).where(inArray(instalments.planId, planIds)).orderBy(asc(instalments.seq))])
        : [[], []];

      const timeline = await loadTimeline(tx, { debtorId: person.id, caseIds, caseNumber, notes, holds, promises, payments: paymentRows, kinds: input.kinds });
      const activeHold = (h: (typeof holds)[number]["h"]) => h.liftedAt === null && (h.endsOn === null || h.endsOn > today);

      return {
        debtor: {
          id: person.id,
          name: `${person.givenName} ${person.surname}`,
          maskedPersonalNumber: maskedNumberOf(person.birthDate),
          email: person.email,
          phone: person.phone,
          address: [person.street, [person.postcode, person.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null,
          preferredChannel: person.preferredChannel,
          language: person.language,
          supportNeed: supportNeed[0] ? { id: supportNeed[0].id, since: supportNeed[0].setAt.toISOString() } : null,
        },
        viewers,
        cases: ledgers.map((l) => ({
          id: l.case.id,
          caseNumber: l.case.caseNumber,
          creditorId: l.creditor.id,
          creditorName: l.creditor.name,
          invoiceNumber: l.case.invoiceNumber,
          ocrReference: l.case.ocrReference,
          description: l.case.description,
          status: l.case.status,
          state: caseState(l),
          dueDate: l.case.dueDate,
          paymentOrderFrom: l.case.paymentOrderFrom,
          lines: l.balance.lines.map((line) => ({ key: line.key, amountOre: line.amountOre, leftOre: line.leftOre })),
          totalOre: l.balance.totalOre,
          paidOre: l.balance.paidOre,
          leftOre: l.balance.leftOre,
          holds: holds
            .filter(({ h }) => h.caseId === l.case.id)
            .map(({ h, by }) => ({ id: h.id, kind: h.kind, reason: h.reason, startedAt: h.startedAt.toISOString(), endsOn: h.endsOn, liftedAt: h.liftedAt?.toISOString() ?? null, active: activeHold(h), byName: by })),
        })),
        plans: plans.map((p) => ({
          id: p.id,
          status: p.status,
          monthlyOre: p.monthlyOre,
          months: p.months,
          dueDay: p.dueDay,
          totalOre: p.totalOre,
          requestReason: p.requestReason,
          monthlyIncomeOre: p.monthlyIncomeOre,
          monthlyCostsOre: p.monthlyCostsOre,
          createdAt: p.createdAt.toISOString(),
          policyVersions: p.policyVersions ?? {},
          caseNumbers: planLinks.filter((x) => x.planId === p.id).map((x) => caseNumber.get(x.caseId) ?? ""),
          instalments: instalmentRows.filter((i) => i.planId === p.id).map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre, paidOre: i.paidOre, status: i.status })),
        })),
        payments: paymentRows.map((p) => ({ id: p.id, caseNumber: p.caseId ? (caseNumber.get(p.caseId) ?? null) : null, method: p.method, amountOre: p.amountOre, bookedOn: p.bookedOn, overpaymentOre: p.overpaymentOre, refundedOre: p.refundedOre, status: p.status })),
        promises: promises.map((p) => ({ id: p.id, caseNumber: caseNumber.get(p.caseId) ?? "", amountOre: p.amountOre, dueOn: p.dueOn, status: p.status })),
        workItems: openItems.map((w) => ({ ...w, dueBy: w.dueBy.toISOString(), caseNumber: w.caseId ? (caseNumber.get(w.caseId) ?? null) : null })),
        timeline,
      };
    },
    () => ({ action: "debtor.viewed", subjectKind: "debtor", subjectId: input.debtorId, debtorId: input.debtorId, details: { reason: input.reason ?? (input.workItemId ? "work_item" : "search"), workItemId: input.workItemId ?? null } }),
  );
}

const OWN_ENTRIES = new Set(["note.added", "hold.placed", "hold.lifted", "promise.recorded", "message.sent", "message.replied", "callback.requested", "dispute.made"]);

/** Staff looks (reads) are not events in a person's story; decisions are. */
const LOOKS = [notLike(auditEvents.action, "%.viewed"), notLike(auditEvents.action, "%.revealed"), notLike(auditEvents.action, "%.read")];

async function loadTimeline(
  tx: Tx,
  input: {
    debtorId: string;
    caseIds: string[];
    caseNumber: Map<string, string>;
    notes: { n: typeof staffNotes.$inferSelect; by: string }[];
    holds: { h: typeof caseHolds.$inferSelect; by: string | null }[];
    promises: (typeof paymentPromises.$inferSelect)[];
    payments: (typeof payments.$inferSelect)[];
    kinds?: TimelineKind[];
  },
): Promise<TimelineEntry[]> {
  const want = (k: TimelineKind) => !input.kinds || input.kinds.length === 0 || input.kinds.includes(k);
  const cn = (id: string | null) => (id ? (input.caseNumber.get(id) ?? null) : null);
  const out: TimelineEntry[] = [];
  const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, "at" | "kind" | "what">): TimelineEntry => ({ caseNumber: null, staffName: null, text: null, amountOre: null, ...e });

  const [letters, documents, links, events, callbackRows, messageRows, disputeRows] = await readAll(tx, [
    () => want("letter") ? tx.select().from(outbox).where(eq(outbox.debtorId, input.debtorId)).orderBy(desc(outbox.createdAt)).limit(TIMELINE_LIMIT) : [],
    () => want("letter") && input.caseIds.length ? tx.select().from(caseDocuments).where(inArray(caseDocuments.caseId, input.caseIds)).limit(TIMELINE_LIMIT) : [],
    () => want("link") ? tx.select().from(deepLinkTokens).where(and(eq(deepLinkTokens.debtorId, input.debtorId), isNotNull(deepLinkTokens.lastOpenedAt))).limit(TIMELINE_LIMIT) : [],
    () => want("sign_in") || want("plan") || want("decision") || want("message") || want("dispute") || want("callback")
      ? tx
          .select({ e: auditEvents, staffName: staffUsers.name })
          .from(auditEvents)
          .leftJoin(staffUsers, and(eq(auditEvents.actorKind, "staff"), eq(sql`${staffUsers.id}::text`, auditEvents.actorId)))
          .where(and(eq(auditEvents.debtorId, input.debtorId), ...LOOKS))
          .orderBy(desc(auditEvents.at))
          .limit(TIMELINE_LIMIT)
      : [],
    () => want("callback") ? tx.select().from(callbackRequests).where(eq(callbackRequests.debtorId, input.debtorId)).orderBy(desc(callbackRequests.createdAt)).limit(TIMELINE_LIMIT) : [],
    () => want("message")
      ? tx
          .select({ m: messages, caseId: threads.caseId, staffName: staffUsers.name })
          .from(messages)
          .innerJoin(threads, eq(threads.id, messages.threadId))
          .leftJoin(staffUsers, eq(staffUsers.id, messages.staffUserId))
          .where(eq(threads.debtorId, input.debtorId))
          .orderBy(desc(messages.createdAt))
          .limit(TIMELINE_LIMIT)
      : [],
    () => want("dispute") ? tx.select().from(disputes).where(eq(disputes.debtorId, input.debtorId)).limit(TIMELINE_LIMIT) : [],
  ]);

  for (const l of letters) out.push(entry({ at: (l.sentAt ?? l.scheduledFor).toISOString(), kind: "letter", what: `letter.${l.status}`, caseNumber: cn(l.caseId), text: l.kind }));
  for (const d of documents) out.push(entry({ at: new Date(`${d.issuedOn}T08:00:00Z`).toISOString(), kind: "letter", what: "letter.document", caseNumber: cn(d.caseId), text: d.kind }));
  for (const l of links) out.push(entry({ at: l.lastOpenedAt!.toISOString(), kind: "link", what: "link.opened", caseNumber: cn(l.caseId), text: String(l.openedCount) }));
  for (const { e, staffName } of events) {
    // Notes, holds and promises have entries of their own.
    if (OWN_ENTRIES.has(e.action)) continue;
    const kind: TimelineKind | null =
      e.actorKind === "staff"
        ? "decision"
        : e.action.endsWith("sign_in")
          ? "sign_in"
          : /^(plan|instalment|case)\./.test(e.action)
            ? "plan"
            : /^(message|thread|complaint|data_access)\./.test(e.action)
              ? "message"
              : e.action.startsWith("dispute.")
                ? "dispute"
                : e.action.startsWith("callback.")
                  ? "callback"
                  : null;
    if (!kind || !want(kind)) continue;
    const details = e.details ?? {};
    out.push(entry({ at: e.at.toISOString(), kind, what: e.action, staffName, caseNumber: typeof details.caseId === "string" ? cn(details.caseId) : null, text: typeof details.note === "string" && details.note ? details.note : null }));
  }
  for (const c of callbackRows)
    out.push(entry({ at: c.createdAt.toISOString(), kind: "callback", what: `callback.${c.status}`, caseNumber: cn(c.caseId), text: `${c.day} ${String(c.startHour).padStart(2, "0")}–${String(c.endHour).padStart(2, "0")} · ${c.phone} · ${c.topic}` }));
  for (const { m, caseId, staffName } of messageRows) out.push(entry({ at: m.createdAt.toISOString(), kind: "message", what: `message.${m.author}`, caseNumber: cn(caseId), staffName, text: m.body.slice(0, 200) }));
  for (const d of disputeRows) out.push(entry({ at: d.createdAt.toISOString(), kind: "dispute", what: `dispute.${d.status}`, caseNumber: cn(d.caseId), text: d.description.slice(0, 200) }));
  if (want("payment")) for (const p of input.payments) out.push(entry({ at: p.createdAt.toISOString(), kind: "payment", what: `payment.${p.method}`, caseNumber: cn(p.caseId), amountOre: p.amountOre }));
  if (want("note")) for (const { n, by } of input.notes) out.push(entry({ at: n.createdAt.toISOString(), kind: "note", what: "note", caseNumber: cn(n.caseId), staffName: by, text: n.body }));
  if (want("hold"))
    for (const { h, by } of input.holds) {
      out.push(entry({ at: h.startedAt.toISOString(), kind: "hold", what: `hold.${h.kind}`, caseNumber: cn(h.caseId), staffName: by, text: h.reason }));
      if (h.liftedAt) out.push(entry({ at: h.liftedAt.toISOString(), kind: "hold", what: "hold.lifted", caseNumber: cn(h.caseId) }));
    }
  if (want("promise")) for (const p of input.promises) out.push(entry({ at: p.createdAt.toISOString(), kind: "promise", what: `promise.${p.status}`, caseNumber: cn(p.caseId), amountOre: p.amountOre, text: p.dueOn }));

  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, TIMELINE_LIMIT);
}
