import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { auditEvents, caseCredits, cases, charges, creditorPolicies, instalmentPlans, instalments, outbox, paymentAllocations, payments, planCases } from "../../db/schema";
import type { IsoDate } from "../../domain/calendar";
import type { FeeKind } from "../../domain/fees";
import { allocatePayment, computeCaseBalance, DEFAULT_ALLOCATION_ORDER, type LedgerAllocation } from "../../domain/ledger";
import { workItemDueBy } from "../../domain/work-deadlines";
import { loadRates } from "../cases/load-ledgers";
import { cancelQueuedMessages } from "../outreach/enqueue";
import { openWorkItems, type OpenWorkItem } from "../work-items/work-items";

export type PaymentMethod = "swish" | "card" | "bankgiro" | "manual";
export type UnmatchedReason = "no_reference" | "unknown_reference" | "wrong_reference" | "case_closed";

export interface BookItem {
  /** One real payment, one key: "swish:<paymentReference>:<caseId>", "bgmax:<bg>:<date>:<deposit>:<serial>:<n>"… */
  idempotencyKey: string;
  method: PaymentMethod;
  amountOre: number;
  bookedOn: IsoDate;
  /** The case it pays, when known for certain (a Swish or card request, a staff decision)… */
  caseId?: string;
  /** …or the reference the payer wrote (bank transfers). */
  ocrReference?: string | null;
  /** Bankgirot checked the OCR number (reference code 2). Otherwise a match is only a suggestion. */
  referenceChecked?: boolean;
  requestId?: string;
  /** The plan instalment it pays (a Swish or card payment of an instalment). */
  instalmentId?: string;
  externalReference?: string | null;
  payerName?: string | null;
  details?: Record<string, unknown>;
}

export interface BookOutcome {
  idempotencyKey: string;
  paymentId: string;
  /** "duplicate": this payment was booked before; nothing changed. */
  status: "booked" | "unmatched" | "duplicate";
  caseId: string | null;
  allocatedOre: number;
  overpaymentOre: number;
  /** The case has nothing left to pay after this payment. */
  casePaid: boolean;
  unmatchedReason?: UnmatchedReason;
}

export interface Actor {
  kind: "debtor" | "staff" | "system";
  id: string | null;
}

const CLOSED = new Set(["closed", "sent_to_enforcement"]);
const CHUNK = 2000;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Books payments that have arrived, inside the caller's transaction: each at most once (by its
 * idempotency key), settled against its case in the creditor's order (fees, interest, principal by
 * default), what the case cannot take kept as an overpayment, and what cannot be matched left for
 * staff. Cases are locked while their balance is read, so two payments to one case never both
 * settle the same öre. A case paid in full stops bearing interest and its pending reminders are
 * cancelled. Queries are per batch, never per payment.
 */
export async function bookPayments(tx: Tx, items: BookItem[], actor: Actor): Promise<BookOutcome[]> {
  const outcomes: BookOutcome[] = [];
  for (const batch of chunks(items)) outcomes.push(...(await bookBatch(tx, batch, actor)));
  return outcomes;
}

async function bookBatch(tx: Tx, items: BookItem[], actor: Actor): Promise<BookOutcome[]> {
  const keys = [...new Set(items.map((i) => i.idempotencyKey))];
  const existing = new Map(
    (await tx.select({ key: payments.idempotencyKey, id: payments.id, caseId: payments.caseId }).from(payments).where(inArray(payments.idempotencyKey, keys))).map(
      (r) => [r.key, r],
    ),
  );

  const references = [...new Set(items.filter((i) => !i.caseId && i.ocrReference).map((i) => i.ocrReference!))];
  const byOcr = new Map<string, string>();
  for (const part of chunks(references)) {
    for (const r of await tx.select({ id: cases.id, ocr: cases.ocrReference }).from(cases).where(inArray(cases.ocrReference, part))) byOcr.set(r.ocr, r.id);
  }

  // A reference that is no case's may be an instalment's: it pays that plan's cases.
  const instalmentRefs = references.filter((r) => !byOcr.has(r));
  const byInstalment = new Map<string, { id: string; caseIds: string[] }>();
  for (const part of chunks(instalmentRefs)) {
    const rows = await tx
      .select({ id: instalments.id, ocr: instalments.ocrReference, caseId: planCases.caseId })
      .from(instalments)
      .innerJoin(instalmentPlans, eq(instalmentPlans.id, instalments.planId))
      .innerJoin(planCases, and(eq(planCases.planId, instalments.planId), eq(planCases.live, 1)))
      .where(and(inArray(instalments.ocrReference, part), inArray(instalmentPlans.status, ["active", "paused"])));
    for (const r of rows) {
      const found = byInstalment.get(r.ocr) ?? { id: r.id, caseIds: [] };
      found.caseIds.push(r.caseId);
      byInstalment.set(r.ocr, found);
    }
  }

  const caseIds = [
    ...new Set([
      ...items.map((i) => i.caseId ?? (i.ocrReference ? byOcr.get(i.ocrReference) : undefined)).filter((id): id is string => !!id),
      ...[...byInstalment.values()].flatMap((i) => i.caseIds),
    ]),
  ];
  const ledger = await lockAndLoad(tx, caseIds);
  const instalmentPaid = new Map<string, { amountOre: number; on: IsoDate }>();

  const outcomes: BookOutcome[] = [];
  const paymentRows: (typeof payments.$inferInsert)[] = [];
  const allocationRows: (typeof paymentAllocations.$inferInsert)[] = [];
  const paidCases = new Map<string, IsoDate>();
  const seen = new Set<string>();

  const balanceOf = (entry: LockedCase, bookedOn: IsoDate) => {
    const asOf = entry.allocations.reduce((latest, a) => (a.bookedOn > latest ? a.bookedOn : latest), bookedOn);
    return { asOf, balance: computeCaseBalance({ ...entry.input, allocations: entry.allocations, asOf }) };
  };

  const bookOne = (item: BookItem) => {
    const paymentId = randomUUID();
    const matchedId = item.caseId ?? (item.ocrReference ? byOcr.get(item.ocrReference) : undefined);
    const entry = matchedId ? ledger.get(matchedId) : undefined;

    let unmatchedReason: UnmatchedReason | undefined;
    if (!entry) unmatchedReason = item.ocrReference ? "unknown_reference" : "no_reference";
    else if (!item.caseId && !item.referenceChecked) unmatchedReason = "wrong_reference";
    else if (CLOSED.has(entry.status)) unmatchedReason = "case_closed";

    const base = {
      id: paymentId,
      method: item.method,
      amountOre: item.amountOre,
      idempotencyKey: item.idempotencyKey,
      externalReference: item.externalReference ?? null,
      ocrReference: item.ocrReference ?? null,
      payerName: item.payerName ?? null,
      bookedOn: item.bookedOn,
      requestId: item.requestId ?? null,
      instalmentId: item.instalmentId ?? null,
      details: item.details ?? null,
    };
    if (unmatchedReason || !entry) {
      paymentRows.push({ ...base, caseId: null, instalmentId: null, status: "unmatched", unmatchedReason, details: { ...item.details, ...(matchedId ? { suggestedCaseId: matchedId } : {}) } });
      outcomes.push({ idempotencyKey: item.idempotencyKey, paymentId, status: "unmatched", caseId: null, allocatedOre: 0, overpaymentOre: 0, casePaid: false, unmatchedReason });
      return;
    }

    // Read the balance no earlier than the case's latest booking, so nothing is settled twice.
    const { asOf, balance } = balanceOf(entry, item.bookedOn);
    const { allocations, overpaymentOre } = balance.leftOre > 0 ? allocatePayment(item.amountOre, balance, entry.order) : { allocations: [], overpaymentOre: item.amountOre };
    for (const a of allocations) {
      allocationRows.push({ paymentId, caseId: entry.id, component: a.component, chargeId: a.chargeId ?? null, amountOre: a.amountOre, bookedOn: asOf });
      entry.allocations.push({ paymentId, bookedOn: asOf, component: a.component, chargeId: a.chargeId, amountOre: a.amountOre });
    }
    const allocatedOre = item.amountOre - overpaymentOre;
    const casePaid = balance.leftOre - allocatedOre <= 0;
    if (casePaid && entry.status !== "paid") {
      paidCases.set(entry.id, asOf);
      entry.status = "paid";
      entry.input.interestStoppedOn = asOf;
    }
    if (item.instalmentId) {
      const sofar = instalmentPaid.get(item.instalmentId);
      instalmentPaid.set(item.instalmentId, { amountOre: (sofar?.amountOre ?? 0) + item.amountOre, on: item.bookedOn });
    }
    paymentRows.push({ ...base, caseId: entry.id, status: "booked", overpaymentOre });
    outcomes.push({ idempotencyKey: item.idempotencyKey, paymentId, status: "booked", caseId: entry.id, allocatedOre, overpaymentOre, casePaid });
  };

  for (const item of items) {
    if (!Number.isSafeInteger(item.amountOre) || item.amountOre <= 0) throw new Error(`payment ${item.idempotencyKey}: amount must be positive öre`);
    const before = existing.get(item.idempotencyKey);
    if (before || seen.has(item.idempotencyKey)) {
      outcomes.push({ idempotencyKey: item.idempotencyKey, paymentId: before?.id ?? "", status: "duplicate", caseId: before?.caseId ?? null, allocatedOre: 0, overpaymentOre: 0, casePaid: false });
      continue;
    }
    seen.add(item.idempotencyKey);
    const instalment = !item.caseId && item.ocrReference ? byInstalment.get(item.ocrReference) : undefined;
    if (!instalment) {
      bookOne(item);
      continue;
    }
    // An instalment's reference: the plan's cases in turn, each up to what it has left; the rest on the last.
    const entries = instalment.caseIds.map((id) => ledger.get(id)).filter((e): e is LockedCase => !!e);
    let rest = item.amountOre;
    for (const [n, entry] of entries.entries()) {
      const take = n === entries.length - 1 ? rest : Math.min(rest, Math.max(0, balanceOf(entry, item.bookedOn).balance.leftOre));
      if (take <= 0) continue;
      bookOne({ ...item, idempotencyKey: n === 0 ? item.idempotencyKey : `${item.idempotencyKey}~${entry.id}`, caseId: entry.id, amountOre: take, instalmentId: instalment.id });
      rest -= take;
      if (rest === 0) break;
    }
  }

  for (const part of chunks(paymentRows, 1000)) await tx.insert(payments).values(part);
  for (const part of chunks(allocationRows, 2000)) await tx.insert(paymentAllocations).values(part);
  for (const [caseId, on] of paidCases) {
    await tx.update(cases).set({ status: "paid", interestStoppedOn: on, closedOn: on, updatedAt: new Date() }).where(eq(cases.id, caseId));
  }
  for (const [instalmentId, paid] of instalmentPaid) {
    const [row] = await tx
      .update(instalments)
      .set({
        paidOre: sql`${instalments.paidOre} + ${paid.amountOre}`,
        status: sql`case when ${instalments.paidOre} + ${paid.amountOre} >= ${instalments.amountOre} then 'paid'::instalment_status else ${instalments.status} end`,
        paidOn: sql`case when ${instalments.paidOre} + ${paid.amountOre} >= ${instalments.amountOre} then ${paid.on}::date else ${instalments.paidOn} end`,
      })
      .where(eq(instalments.id, instalmentId))
      .returning({ planId: instalments.planId, status: instalments.status });
    // A paid instalment ends a run of missed ones.
    if (row?.status === "paid") await tx.update(instalmentPlans).set({ missedInARow: 0 }).where(eq(instalmentPlans.id, row.planId));
  }
  if (paidCases.size > 0) {
    // A paid case gets no more reminders.
    await cancelQueuedMessages(tx, inArray(outbox.caseId, [...paidCases.keys()]));
  }
  // What a person must place or pay back goes to the staff queue in the same transaction.
  const now = new Date();
  const referenceOf = new Map(paymentRows.map((p) => [p.id!, p.ocrReference ?? null]));
  await openWorkItems(
    tx,
    outcomes.flatMap((o): OpenWorkItem[] => {
      if (o.status === "unmatched") return [{ kind: "unmatched_payment" as const, subjectId: o.paymentId, dueBy: workItemDueBy("unmatched_payment", now), summary: referenceOf.get(o.paymentId) ?? null }];
      if (o.status === "booked" && o.overpaymentOre > 0 && o.caseId) {
        const entry = ledger.get(o.caseId);
        return [{ kind: "overpayment" as const, subjectId: o.paymentId, debtorId: entry?.debtorId ?? null, caseId: o.caseId, creditorId: entry?.creditorId ?? null, dueBy: workItemDueBy("overpayment", now), summary: entry?.caseNumber ?? null }];
      }
      return [];
    }),
  );
  const amounts = new Map(paymentRows.map((p) => [p.id!, p.amountOre]));
  const audits = outcomes
    .filter((o) => o.status !== "duplicate")
    .map((o) => ({
      actorKind: actor.kind,
      actorId: actor.id,
      action: o.status === "booked" ? "payment.booked" : "payment.unmatched",
      subjectKind: "payment",
      subjectId: o.paymentId,
      debtorId: o.caseId ? (ledger.get(o.caseId)?.debtorId ?? null) : null,
      details: { amountOre: amounts.get(o.paymentId), overpaymentOre: o.overpaymentOre, casePaid: o.casePaid, reason: o.unmatchedReason },
    }));
  for (const part of chunks(audits, 2000)) await tx.insert(auditEvents).values(part);
  return outcomes;
}

export interface LockedCase {
  id: string;
  debtorId: string;
  creditorId: string;
  caseNumber: string;
  status: string;
  order: ("fees" | "interest" | "principal")[];
  input: Omit<Parameters<typeof computeCaseBalance>[0], "allocations" | "asOf">;
  allocations: LedgerAllocation[];
}

/** Locks the cases (in id order, so two bookers never deadlock) and reads their ledgers. */
export async function lockAndLoad(tx: Tx, caseIds: string[]): Promise<Map<string, LockedCase>> {
  const out = new Map<string, LockedCase>();
  if (caseIds.length === 0) return out;
  const rates = await loadRates(tx);
  for (const ids of chunks([...caseIds].sort())) {
    const rows = await tx
      .select({ c: cases, order: creditorPolicies.allocationOrder })
      .from(cases)
      .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
      .where(inArray(cases.id, ids))
      .orderBy(asc(cases.id))
      .for("update", { of: cases });
    const [chargeRows, allocationRows, creditRows] = await Promise.all([
      tx.select().from(charges).where(inArray(charges.caseId, ids)),
      tx.select().from(paymentAllocations).where(inArray(paymentAllocations.caseId, ids)),
      tx.select().from(caseCredits).where(inArray(caseCredits.caseId, ids)),
    ]);
    const chargesOf = groupBy(chargeRows, (ch) => ch.caseId);
    const creditsOf = groupBy(creditRows, (cr) => cr.caseId);
    const allocationsOf = groupBy(allocationRows, (a) => a.caseId);
    for (const { c, order } of rows) {
      out.set(c.id, {
        id: c.id,
        debtorId: c.debtorId,
        creditorId: c.creditorId,
        caseNumber: c.caseNumber,
        status: c.status,
        order: order ?? DEFAULT_ALLOCATION_ORDER,
        input: {
          principalOre: c.principalOre,
          originalDueDate: c.originalDueDate,
          charges: (chargesOf.get(c.id) ?? []).map((ch) => ({ id: ch.id, kind: ch.kind as FeeKind, amountOre: ch.amountOre, chargedOn: ch.chargedOn })),
          credits: (creditsOf.get(c.id) ?? []).map((cr) => ({ id: cr.id, bookedOn: cr.bookedOn, component: cr.component, chargeId: cr.chargeId ?? undefined, amountOre: cr.amountOre })),
          rates,
          marginBp: c.interestMarginBp,
          interestStoppedOn: c.interestStoppedOn ?? undefined,
        },
        allocations: (allocationsOf.get(c.id) ?? []).map((a) => ({ paymentId: a.paymentId, bookedOn: a.bookedOn, component: a.component, chargeId: a.chargeId ?? undefined, amountOre: a.amountOre })),
      });
    }
  }
  return out;
}

/** Postgres' unique_violation, whichever driver reported it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Runs a booking transaction; when another transaction booked the same payment at the same moment
 * (the unique idempotency key refused ours), runs it once more, and then it finds the payment booked.
 */
export async function inBookingTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= 2 || !isUniqueViolation(error)) throw error;
    }
  }
}
