import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { rowsOf } from "../../db/client";
import {
  attachments,
  auditEvents,
  callbackRequests,
  caseDocuments,
  caseEvents,
  cases,
  charges,
  creditors,
  debtors,
  instalmentPlans,
  instalments,
  messages,
  paymentAllocations,
  payments,
  personRequests,
  planCases,
  threads,
} from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { openPersonalNumber } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";

/** Everything the agency holds about one person (GDPR art. 15), as plain data for the JSON and the PDF. */
export interface PersonData {
  generatedAt: string;
  person: { name: string; personalNumber: string; birthDate: string; language: string; preferredChannel: string; registeredAt: string };
  contact: { email: string | null; phone: string | null; street: string | null; postcode: string | null; city: string | null };
  cases: {
    caseNumber: string;
    creditor: string;
    description: string;
    invoiceNumber: string;
    invoiceDate: string;
    originalDueDate: string;
    dueDate: string;
    principalOre: number;
    ocrReference: string;
    status: string;
    disputed: boolean;
    charges: { kind: string; amountOre: number; chargedOn: string; legalBasis: string }[];
    events: { kind: string; occurredOn: string }[];
    letters: { kind: string; issuedOn: string }[];
  }[];
  payments: { bookedOn: string; amountOre: number; method: string; status: string; caseNumber: string | null; reference: string | null; overpaymentOre: number; refundedOre: number }[];
  ledger: { bookedOn: string; caseNumber: string; component: string; amountOre: number }[];
  plans: { status: string; monthlyOre: number; months: number; dueDay: number; method: string; feeOre: number; totalOre: number; signedAt: string | null; caseNumbers: string[]; instalments: { seq: number; dueDate: string; amountOre: number; paidOre: number; status: string }[] }[];
  messages: { at: string; from: string; caseNumber: string | null; body: string; attachments: string[] }[];
  callbacks: { requestedAt: string; day: string; window: string; phone: string; topic: string; status: string; outcome: string | null }[];
  requests: { kind: string; requestedAt: string; status: string; body: string; answer: string | null }[];
  disputes: Record<string, unknown>[];
  staffLooks: { at: string; what: string }[];
}

const iso = (d: Date | string | null) => (d === null ? null : typeof d === "string" ? d : d.toISOString());

/** Reads everything held about the person, in the transaction the release runs in. */
export async function compilePersonData(db: Queryable, debtorId: string, now: Date): Promise<PersonData> {
  const [d] = await db.select().from(debtors).where(eq(debtors.id, debtorId));
  if (!d) throw new DomainError("debtor_not_found");
  const caseRows = await db
    .select({ c: cases, creditor: creditors.name })
    .from(cases)
    .innerJoin(creditors, eq(creditors.id, cases.creditorId))
    .where(eq(cases.debtorId, debtorId))
    .orderBy(asc(cases.caseNumber));
  const caseIds = caseRows.map((r) => r.c.id);
  const numberOf = new Map(caseRows.map((r) => [r.c.id, r.c.caseNumber]));
  const some = <T>(q: () => Promise<T[]>) => (caseIds.length === 0 ? Promise.resolve([] as T[]) : q());

  const chargeRows = await some(() => db.select().from(charges).where(inArray(charges.caseId, caseIds)).orderBy(asc(charges.chargedOn)));
  const eventRows = await some(() => db.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds)).orderBy(asc(caseEvents.occurredOn)));
  const letterRows = await some(() => db.select().from(caseDocuments).where(inArray(caseDocuments.caseId, caseIds)).orderBy(asc(caseDocuments.issuedOn)));
  const allocationRows = await some(() => db.select().from(paymentAllocations).where(inArray(paymentAllocations.caseId, caseIds)).orderBy(asc(paymentAllocations.bookedOn)));
  const paidIds = [...new Set(allocationRows.map((a) => a.paymentId))];
  const paymentRows = await some(() =>
    db
      .select()
      .from(payments)
      .where(paidIds.length > 0 ? or(inArray(payments.caseId, caseIds), inArray(payments.id, paidIds)) : inArray(payments.caseId, caseIds))
      .orderBy(asc(payments.bookedOn), asc(payments.createdAt)),
  );
  const planRows = await db.select().from(instalmentPlans).where(eq(instalmentPlans.debtorId, debtorId)).orderBy(asc(instalmentPlans.createdAt));
  const planIds = planRows.map((p) => p.id);
  const planCaseRows = planIds.length === 0 ? [] : await db.select().from(planCases).where(inArray(planCases.planId, planIds));
  const instalmentRows = planIds.length === 0 ? [] : await db.select().from(instalments).where(inArray(instalments.planId, planIds)).orderBy(asc(instalments.seq));
  const messageRows = await db
    .select({ id: messages.id, at: messages.createdAt, author: messages.author, body: messages.body, caseId: threads.caseId })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(eq(threads.debtorId, debtorId))
    .orderBy(asc(messages.createdAt));
  const files = await db.select({ ownerId: attachments.ownerId, fileName: attachments.fileName }).from(attachments).where(and(eq(attachments.debtorId, debtorId), eq(attachments.ownerKind, "message")));
  const callbackRows = await db.select().from(callbackRequests).where(eq(callbackRequests.debtorId, debtorId)).orderBy(asc(callbackRequests.createdAt));
  const requestRows = await db.select().from(personRequests).where(eq(personRequests.debtorId, debtorId)).orderBy(asc(personRequests.createdAt));
  // Disputes are their own feature; whatever rows it keeps for the person are listed as they are.
  const disputeRows = rowsOf<Record<string, unknown>>(await db.execute(sql`select * from disputes where debtor_id = ${debtorId} order by created_at`));
  const looks = await db
    .select({ at: auditEvents.at, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.debtorId, debtorId), eq(auditEvents.actorKind, "staff")))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));

  return {
    generatedAt: now.toISOString(),
    person: {
      name: `${d.givenName} ${d.surname}`,
      personalNumber: formatPersonalNumber(openPersonalNumber(d.personalNumberEncrypted, personalNumberKeyring())),
      birthDate: d.birthDate,
      language: d.language,
      preferredChannel: d.preferredChannel,
      registeredAt: d.createdAt.toISOString(),
    },
    contact: { email: d.email, phone: d.phone, street: d.street, postcode: d.postcode, city: d.city },
    cases: caseRows.map(({ c, creditor }) => ({
      caseNumber: c.caseNumber,
      creditor,
      description: c.description,
      invoiceNumber: c.invoiceNumber,
      invoiceDate: c.invoiceDate,
      originalDueDate: c.originalDueDate,
      dueDate: c.dueDate,
      principalOre: c.principalOre,
      ocrReference: c.ocrReference,
      status: c.status,
      disputed: c.disputed,
      charges: chargeRows.filter((x) => x.caseId === c.id).map((x) => ({ kind: x.kind, amountOre: x.amountOre, chargedOn: x.chargedOn, legalBasis: x.legalBasis })),
      events: eventRows.filter((x) => x.caseId === c.id).map((x) => ({ kind: x.kind, occurredOn: x.occurredOn })),
      letters: letterRows.filter((x) => x.caseId === c.id).map((x) => ({ kind: x.kind, issuedOn: x.issuedOn })),
    })),
    payments: paymentRows.map((p) => ({
      bookedOn: p.bookedOn,
      amountOre: p.amountOre,
      method: p.method,
      status: p.status,
      caseNumber: p.caseId ? (numberOf.get(p.caseId) ?? null) : null,
      reference: p.ocrReference,
      overpaymentOre: p.overpaymentOre,
      refundedOre: p.refundedOre,
    })),
    ledger: allocationRows.map((a) => ({ bookedOn: a.bookedOn, caseNumber: numberOf.get(a.caseId) ?? "", component: a.component, amountOre: a.amountOre })),
    plans: planRows.map((p) => ({
      status: p.status,
      monthlyOre: p.monthlyOre,
      months: p.months,
      dueDay: p.dueDay,
      method: p.method,
      feeOre: p.feeOre,
      totalOre: p.totalOre,
      signedAt: iso(p.signedAt),
      caseNumbers: planCaseRows.filter((x) => x.planId === p.id).map((x) => numberOf.get(x.caseId) ?? ""),
      instalments: instalmentRows.filter((i) => i.planId === p.id).map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre, paidOre: i.paidOre, status: i.status })),
    })),
    messages: messageRows.map((m) => ({
      at: m.at.toISOString(),
      from: m.author === "debtor" ? "you" : "us",
      caseNumber: m.caseId ? (numberOf.get(m.caseId) ?? null) : null,
      body: m.body,
      attachments: files.filter((f) => f.ownerId === m.id).map((f) => f.fileName),
    })),
    callbacks: callbackRows.map((c) => ({
      requestedAt: c.createdAt.toISOString(),
      day: c.day,
      window: `${String(c.startHour).padStart(2, "0")}–${String(c.endHour).padStart(2, "0")}`,
      phone: c.phone,
      topic: c.topic,
      status: c.status,
      outcome: c.outcome,
    })),
    requests: requestRows.map((r) => ({ kind: r.kind, requestedAt: r.createdAt.toISOString(), status: r.status, body: r.body, answer: r.answer })),
    disputes: disputeRows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))),
    staffLooks: looks.map((l) => ({ at: l.at.toISOString(), what: l.action })),
  };
}

function formatPersonalNumber(canonical: string): string {
  return canonical.length === 12 ? `${canonical.slice(0, 8)}-${canonical.slice(8)}` : canonical;
}
