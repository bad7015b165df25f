import { and, desc, inArray, isNull, sql, type SQLWrapper } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "../../db/client";
import { uuidv7 } from "../../db/ids";
import { insertMany } from "../../db/bulk";
import { auditEvents, cases, instalmentPlans, instalments, kivraPaymentEvents, outbox, paymentAllocations, payments as paymentsTable } from "../../db/schema";
import type { IsoDate } from "../../domain/calendar";
import type { FeeKind } from "../../domain/fees";
import { allocatePayment, computeCaseBalance, DEFAULT_ALLOCATION_ORDER, openParts, settleParts, type AllocationOrder, type Component, type LedgerAllocation, type OpenParts } from "../../domain/ledger";
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
  /** The message that led here, when known at the source (a deep link opened in the session). */
  attribution?: { outboxId: string | null; channel: "kivra" | "sms" | "email" | "paper" };
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
/** Payments per stretch: each stretch's rows go to the database as one statement per table. */
const ROWS_PER_STATEMENT = 5_000;

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

/** A PostgreSQL array literal of strings, passed as one parameter (however many values). */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** `column = any(values)` with the values as one parameter, so a statement's size does not grow with them. */
function anyOf(column: SQLWrapper, values: readonly string[], type: "uuid" | "text") {
  return sql`${column} = any(${pgArray(values)}::${sql.raw(type)}[])`;
}

/**
 * A booked payment that no deep link explains is traced to the letter it answers: a Kivra
 * `settled` event for its OCR number and amount (the letter paid in the Kivra app), or else the
 * latest letter (Kivra or paper) sent on its case, whose OCR number the payer used. Two statements
 * read the trail for every reference and case at once; `attribute` then places one payment row, and
 * `settledEvents` lists the Kivra events it used, to be marked as paid.
 */
async function loadLetterTrail(tx: Tx, references: string[], caseIds: string[]) {
  const events = references.length === 0 ? [] : await tx
    .select({ id: kivraPaymentEvents.id, reference: kivraPaymentEvents.reference, amountOre: kivraPaymentEvents.amountOre, outboxId: kivraPaymentEvents.outboxId })
    .from(kivraPaymentEvents)
    .where(and(anyOf(kivraPaymentEvents.reference, references, "text"), isNull(kivraPaymentEvents.paymentId)));
  const letters = caseIds.length === 0 ? [] : await tx
    .selectDistinctOn([outbox.caseId], { caseId: outbox.caseId, id: outbox.id, channel: outbox.channel })
    .from(outbox)
    .where(and(anyOf(outbox.caseId, caseIds, "uuid"), inArray(outbox.channel, ["kivra", "paper"]), inArray(outbox.status, ["sent", "delivered"])))
    .orderBy(outbox.caseId, desc(outbox.sentAt));
  const letterOf = new Map(letters.map((l) => [l.caseId, l]));
  const eventsOf = groupBy(events, (e) => `${e.reference}:${e.amountOre}`);
  const settledEvents: { id: string; payment: string }[] = [];
  const attribute = (row: Record<string, unknown>) => {
    if (row.attribution_source || !row.ocr_reference) return;
    const event = eventsOf.get(`${row.ocr_reference as string}:${row.amount_ore as number}`)?.shift();
    if (event) {
      Object.assign(row, { source_outbox_id: event.outboxId, source_channel: "kivra", attribution_source: "kivra" });
      settledEvents.push({ id: event.id, payment: row.id as string });
      return;
    }
    const letter = letterOf.get(row.case_id as string);
    if (letter) Object.assign(row, { source_outbox_id: letter.id, source_channel: letter.channel, attribution_source: "ocr" });
  };
  return { attribute, settledEvents };
}

/**
 * Statements of a transaction sent one after another without waiting on each: the next is sent
 * when the one before has finished, while the caller goes on working out the next rows. One is in
 * flight at a time (a connection runs one statement at a time); `done` waits for the last and
 * throws the first failure, and the transaction then rolls back whole.
 */
function statementChain() {
  let last: Promise<unknown> = Promise.resolve();
  return {
    send(statement: () => Promise<unknown>) {
      last = last.then(statement);
      // Awaited in `done`; until then a failure must not count as unhandled.
      last.catch(() => undefined);
    },
    done: () => last,
  };
}

const PAYMENT_COLUMNS = [
  "id",
  "case_id",
  "method",
  "status",
  "amount_ore",
  "idempotency_key",
  "external_reference",
  "ocr_reference",
  "payer_name",
  "booked_on",
  "overpayment_ore",
  "unmatched_reason",
  "instalment_id",
  "request_id",
  "details",
  "source_outbox_id",
  "source_channel",
  "attribution_source",
] as const;
/** A payments row with every column of PAYMENT_COLUMNS in one literal: one shape for all rows. */
function paymentRow(
  item: BookItem,
  id: string,
  caseId: string | null,
  status: "booked" | "unmatched",
  unmatchedReason: UnmatchedReason | null,
  overpaymentOre: number,
  instalmentId: string | null,
  details: Record<string, unknown> | null,
): Record<string, unknown> {
  return {
    id,
    case_id: caseId,
    method: item.method,
    status,
    amount_ore: item.amountOre,
    idempotency_key: item.idempotencyKey,
    external_reference: item.externalReference ?? null,
    ocr_reference: item.ocrReference ?? null,
    payer_name: item.payerName ?? null,
    booked_on: item.bookedOn,
    overpayment_ore: overpaymentOre,
    unmatched_reason: unmatchedReason,
    instalment_id: instalmentId,
    request_id: item.requestId ?? null,
    details,
    // A deep link opened in the session; otherwise the letter trail may fill these in later.
    source_outbox_id: item.attribution ? item.attribution.outboxId : null,
    source_channel: item.attribution ? item.attribution.channel : null,
    attribution_source: item.attribution ? "deep_link" : null,
  };
}

const ALLOCATION_COLUMNS = ["id", "payment_id", "case_id", "component", "charge_id", "amount_ore", "booked_on"] as const;
const AUDIT_COLUMNS = ["actor_kind", "actor_id", "action", "subject_kind", "subject_id", "debtor_id", "details"] as const;

/**
 * Books payments that have arrived, inside the caller's transaction: each at most once (by its
 * idempotency key), settled against its case in the creditor's order (fees, interest, principal by
 * default), what the case cannot take kept as an overpayment, and what cannot be matched left for
 * staff. Cases are locked while their balance is read, so two payments to one case never both
 * settle the same öre. A case paid in full stops bearing interest and its pending reminders are
 * cancelled. A handful of statements per five thousand payments, whatever the list's length: the
 * ledgers are read once, the settling is worked out in memory, and each stretch's rows are written
 * in a few statements while the next stretch is worked out.
 */
export async function bookPayments(tx: Tx, items: BookItem[], actor: Actor): Promise<BookOutcome[]> {
  if (items.length === 0) return [];
  const keys = [...new Set(items.map((i) => i.idempotencyKey))];
  const existing = new Map(
    rowsOf<{ key: string; id: string; case_id: string | null }>(
      await tx.execute(sql`select idempotency_key as key, id, case_id from payments where idempotency_key = any(${pgArray(keys)}::text[])`),
    ).map((r) => [r.key, { id: r.id, caseId: r.case_id }]),
  );

  const references = [...new Set(items.filter((i) => !i.caseId && i.ocrReference).map((i) => i.ocrReference!))];
  const byOcr = new Map<string, string>();
  if (references.length > 0) {
    const rows = rowsOf<{ id: string; ocr: string }>(await tx.execute(sql`select id, ocr_reference as ocr from cases where ocr_reference = any(${pgArray(references)}::text[])`));
    for (const r of rows) byOcr.set(r.ocr, r.id);
  }

  // A reference that is no case's may be an instalment's: it pays that plan's cases.
  const instalmentRefs = references.filter((r) => !byOcr.has(r));
  const byInstalment = new Map<string, { id: string; caseIds: string[] }>();
  if (instalmentRefs.length > 0) {
    const rows = rowsOf<{ id: string; ocr: string; case_id: string }>(
      await tx.execute(sql`
        select i.id, i.ocr_reference as ocr, pc.case_id
        from instalments i
        join instalment_plans p on p.id = i.plan_id and p.status in ('active', 'paused')
        join plan_cases pc on pc.plan_id = i.plan_id and pc.live = 1
        where i.ocr_reference = any(${pgArray(instalmentRefs)}::text[])`),
    );
    for (const r of rows) {
      const found = byInstalment.get(r.ocr) ?? { id: r.id, caseIds: [] };
      found.caseIds.push(r.case_id);
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
  const trail = await loadLetterTrail(tx, [...new Set(items.map((i) => i.ocrReference).filter((r): r is string => !!r))], [...ledger.keys()]);
  const instalmentPaid = new Map<string, { amountOre: number; on: IsoDate }>();

  const outcomes: BookOutcome[] = [];
  // The rows of the stretch being worked out; handed to the writer, and let go, at each stretch's end.
  let paymentRows: Record<string, unknown>[] = [];
  let allocationRows: Record<string, unknown>[] = [];
  const paidCases = new Map<string, IsoDate>();
  const seen = new Set<string>();

  // The open parts of each case as of a day, read from its ledger once and then settled payment by
  // payment; a later day reads the ledger again (interest has run on).
  const open = new Map<string, { asOf: IsoDate; parts: OpenParts }>();
  const balanceOf = (entry: LockedCase, bookedOn: IsoDate) => {
    // Read the balance no earlier than the case's latest booking, so nothing is settled twice.
    const asOf = entry.latestBookedOn && entry.latestBookedOn > bookedOn ? entry.latestBookedOn : bookedOn;
    const known = open.get(entry.id);
    if (known?.asOf === asOf) return known;
    const fresh = { asOf, parts: openParts(computeCaseBalance({ ...entry.input, allocations: entry.allocations, asOf })) };
    open.set(entry.id, fresh);
    return fresh;
  };

  const bookOne = (item: BookItem) => {
    const paymentId = uuidv7();
    const matchedId = item.caseId ?? (item.ocrReference ? byOcr.get(item.ocrReference) : undefined);
    const entry = matchedId ? ledger.get(matchedId) : undefined;

    let unmatchedReason: UnmatchedReason | undefined;
    if (!entry) unmatchedReason = item.ocrReference ? "unknown_reference" : "no_reference";
    else if (!item.caseId && !item.referenceChecked) unmatchedReason = "wrong_reference";
    else if (CLOSED.has(entry.status)) unmatchedReason = "case_closed";

    if (unmatchedReason || !entry) {
      const details = { ...item.details, ...(matchedId ? { suggestedCaseId: matchedId } : {}) };
      paymentRows.push(paymentRow(item, paymentId, null, "unmatched", unmatchedReason ?? null, 0, null, details));
      outcomes.push({ idempotencyKey: item.idempotencyKey, paymentId, status: "unmatched", caseId: null, allocatedOre: 0, overpaymentOre: 0, casePaid: false, unmatchedReason });
      return;
    }

    const state = balanceOf(entry, item.bookedOn);
    const { asOf, parts } = state;
    const { allocations, overpaymentOre } = parts.leftOre > 0 ? allocatePayment(item.amountOre, parts, entry.order) : { allocations: [], overpaymentOre: item.amountOre };
    for (const a of allocations) {
      allocationRows.push({ id: uuidv7(), payment_id: paymentId, case_id: entry.id, component: a.component, charge_id: a.chargeId ?? null, amount_ore: a.amountOre, booked_on: asOf });
      entry.allocations.push({ paymentId, bookedOn: asOf, component: a.component, chargeId: a.chargeId, amountOre: a.amountOre });
    }
    if (allocations.length > 0) entry.latestBookedOn = asOf;
    state.parts = settleParts(parts, allocations);
    const allocatedOre = item.amountOre - overpaymentOre;
    const casePaid = parts.leftOre - allocatedOre <= 0;
    if (casePaid && entry.status !== "paid") {
      paidCases.set(entry.id, asOf);
      entry.status = "paid";
      entry.input.interestStoppedOn = asOf;
    }
    if (item.instalmentId) {
      const sofar = instalmentPaid.get(item.instalmentId);
      instalmentPaid.set(item.instalmentId, { amountOre: (sofar?.amountOre ?? 0) + item.amountOre, on: item.bookedOn });
    }
    paymentRows.push(paymentRow(item, paymentId, entry.id, "booked", null, overpaymentOre, item.instalmentId ?? null, item.details ?? null));
    outcomes.push({ idempotencyKey: item.idempotencyKey, paymentId, status: "booked", caseId: entry.id, allocatedOre, overpaymentOre, casePaid });
  };

  // The rows of each stretch of payments are written while the next stretch is worked out.
  const writes = statementChain();
  const now = new Date();
  const dueBy = { unmatched: workItemDueBy("unmatched_payment", now), overpayment: workItemDueBy("overpayment", now) };
  let writtenOutcomes = 0;
  const writeSoFar = () => {
    const payments = paymentRows;
    const allocations = allocationRows;
    paymentRows = [];
    allocationRows = [];
    const settled = outcomes.slice(writtenOutcomes);
    writtenOutcomes = outcomes.length;
    const rowOf = new Map(payments.map((p) => [p.id as string, p as { ocr_reference: string | null; amount_ore: number }]));
    for (const row of payments) if (row.status === "booked") trail.attribute(row);
    if (payments.length > 0) writes.send(() => tx.execute(insertMany(paymentsTable, PAYMENT_COLUMNS, payments)));
    if (allocations.length > 0) writes.send(() => tx.execute(insertMany(paymentAllocations, ALLOCATION_COLUMNS, allocations)));
    // What a person must place or pay back goes to the staff queue in the same transaction.
    const work = settled.flatMap((o): OpenWorkItem[] => {
      if (o.status === "unmatched") return [{ kind: "unmatched_payment" as const, subjectId: o.paymentId, dueBy: dueBy.unmatched, summary: rowOf.get(o.paymentId)?.ocr_reference ?? null }];
      if (o.status === "booked" && o.overpaymentOre > 0 && o.caseId) {
        const entry = ledger.get(o.caseId);
        return [{ kind: "overpayment" as const, subjectId: o.paymentId, debtorId: entry?.debtorId ?? null, caseId: o.caseId, creditorId: entry?.creditorId ?? null, dueBy: dueBy.overpayment, summary: entry?.caseNumber ?? null }];
      }
      return [];
    });
    if (work.length > 0) writes.send(() => openWorkItems(tx, work));
    const audits = settled
      .filter((o) => o.status !== "duplicate")
      .map((o) => ({
        actor_kind: actor.kind,
        actor_id: actor.id,
        action: o.status === "booked" ? "payment.booked" : "payment.unmatched",
        subject_kind: "payment",
        subject_id: o.paymentId,
        debtor_id: o.caseId ? (ledger.get(o.caseId)?.debtorId ?? null) : null,
        details: { amountOre: rowOf.get(o.paymentId)?.amount_ore, overpaymentOre: o.overpaymentOre, casePaid: o.casePaid, reason: o.unmatchedReason },
      }));
    if (audits.length > 0) writes.send(() => tx.execute(insertMany(auditEvents, AUDIT_COLUMNS, audits)));
  };

  for (const [n, item] of items.entries()) {
    if (!Number.isSafeInteger(item.amountOre) || item.amountOre <= 0) throw new Error(`payment ${item.idempotencyKey}: amount must be positive öre`);
    if (n > 0 && n % ROWS_PER_STATEMENT === 0) writeSoFar();
    // Now and then let the connection send the next statement, so the database is never left waiting.
    if (n % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
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
      const take = n === entries.length - 1 ? rest : Math.min(rest, Math.max(0, balanceOf(entry, item.bookedOn).parts.leftOre));
      if (take <= 0) continue;
      bookOne({ ...item, idempotencyKey: n === 0 ? item.idempotencyKey : `${item.idempotencyKey}~${entry.id}`, caseId: entry.id, amountOre: take, instalmentId: instalment.id });
      rest -= take;
      if (rest === 0) break;
    }
  }
  writeSoFar();
  await writes.done();
  if (trail.settledEvents.length > 0) {
    await tx.execute(sql`
      update ${kivraPaymentEvents} set payment_id = m.payment
      from json_to_recordset(${JSON.stringify(trail.settledEvents)}::json) as m(id uuid, payment uuid) where ${kivraPaymentEvents.id} = m.id`);
  }
  if (paidCases.size > 0) {
    const paid = JSON.stringify([...paidCases].map(([id, on]) => ({ id, day: on })));
    await tx.execute(sql`
      update ${cases} set status = 'paid', interest_stopped_on = p.day, closed_on = p.day, updated_at = now()
      from json_to_recordset(${paid}::json) as p(id uuid, day date) where ${cases.id} = p.id`);
    // A paid case gets no more reminders.
    await cancelQueuedMessages(tx, anyOf(outbox.caseId, [...paidCases.keys()], "uuid"));
  }
  if (instalmentPaid.size > 0) {
    const paid = JSON.stringify([...instalmentPaid].map(([id, p]) => ({ id, amount: p.amountOre, day: p.on })));
    const rows = rowsOf<{ plan_id: string; status: string }>(
      await tx.execute(sql`
        update ${instalments} set
          paid_ore = ${instalments.paidOre} + p.amount,
          status = case when ${instalments.paidOre} + p.amount >= ${instalments.amountOre} then 'paid'::instalment_status else ${instalments.status} end,
          paid_on = case when ${instalments.paidOre} + p.amount >= ${instalments.amountOre} then p.day else ${instalments.paidOn} end
        from json_to_recordset(${paid}::json) as p(id uuid, amount bigint, day date)
        where ${instalments.id} = p.id
        returning ${instalments.planId} as plan_id, ${instalments.status} as status`),
    ).filter((r) => r.status === "paid");
    // A paid instalment ends a run of missed ones.
    const plans = [...new Set(rows.map((r) => r.plan_id))];
    if (plans.length > 0) await tx.update(instalmentPlans).set({ missedInARow: 0 }).where(anyOf(instalmentPlans.id, plans, "uuid"));
  }
  return outcomes;
}

export interface LockedCase {
  id: string;
  debtorId: string;
  creditorId: string;
  caseNumber: string;
  status: string;
  order: AllocationOrder;
  input: Omit<Parameters<typeof computeCaseBalance>[0], "allocations" | "asOf">;
  allocations: LedgerAllocation[];
  /** The day of the case's latest allocation, if any. */
  latestBookedOn?: IsoDate;
}

/**
 * Locks the cases (in id order, so two bookers never deadlock) and reads their ledgers, all at once:
 * four statements however many cases, each reading only the columns a balance needs.
 */
export async function lockAndLoad(tx: Tx, caseIds: string[]): Promise<Map<string, LockedCase>> {
  const out = new Map<string, LockedCase>();
  if (caseIds.length === 0) return out;
  const rates = await loadRates(tx);
  const ids = pgArray([...new Set(caseIds)].sort());
  const rows = rowsOf<{
    id: string;
    debtor_id: string;
    creditor_id: string;
    case_number: string;
    status: string;
    principal_ore: string | number;
    original_due_date: string;
    interest_margin_bp: number;
    interest_stopped_on: string | null;
    allocation_order: AllocationOrder | null;
  }>(
    await tx.execute(sql`
      select c.id, c.debtor_id, c.creditor_id, c.case_number, c.status, c.principal_ore, c.original_due_date::text, c.interest_margin_bp,
             c.interest_stopped_on::text, p.allocation_order
      from cases c left join creditor_policies p on p.creditor_id = c.creditor_id
      where c.id = any(${ids}::uuid[])
      order by c.id
      for update of c`),
  );
  // One after the other: a transaction's connection runs one statement at a time.
  const chargeRows = rowsOf<{ id: string; case_id: string; kind: FeeKind; amount_ore: string | number; charged_on: string }>(
    await tx.execute(sql`select id, case_id, kind, amount_ore, charged_on::text from charges where case_id = any(${ids}::uuid[])`),
  );
  const allocationRows = rowsOf<{ payment_id: string; case_id: string; component: Component; charge_id: string | null; amount_ore: string | number; booked_on: string }>(
    await tx.execute(sql`select payment_id, case_id, component, charge_id, amount_ore, booked_on::text from payment_allocations where case_id = any(${ids}::uuid[])`),
  );
  const creditRows = rowsOf<{ id: string; case_id: string; component: Component; charge_id: string | null; amount_ore: string | number; booked_on: string }>(
    await tx.execute(sql`select id, case_id, component, charge_id, amount_ore, booked_on::text from case_credits where case_id = any(${ids}::uuid[])`),
  );
  for (const c of rows) {
    out.set(c.id, {
      id: c.id,
      debtorId: c.debtor_id,
      creditorId: c.creditor_id,
      caseNumber: c.case_number,
      status: c.status,
      order: c.allocation_order ?? DEFAULT_ALLOCATION_ORDER,
      input: {
        principalOre: Number(c.principal_ore),
        originalDueDate: c.original_due_date,
        charges: [],
        credits: [],
        rates,
        marginBp: Number(c.interest_margin_bp),
        interestStoppedOn: c.interest_stopped_on ?? undefined,
      },
      allocations: [],
    });
  }
  for (const ch of chargeRows) out.get(ch.case_id)?.input.charges.push({ id: ch.id, kind: ch.kind, amountOre: Number(ch.amount_ore), chargedOn: ch.charged_on });
  for (const cr of creditRows) {
    out.get(cr.case_id)?.input.credits!.push({ id: cr.id, bookedOn: cr.booked_on, component: cr.component, chargeId: cr.charge_id ?? undefined, amountOre: Number(cr.amount_ore) });
  }
  for (const a of allocationRows) {
    const entry = out.get(a.case_id);
    if (!entry) continue;
    entry.allocations.push({ paymentId: a.payment_id, bookedOn: a.booked_on, component: a.component, chargeId: a.charge_id ?? undefined, amountOre: Number(a.amount_ore) });
    if (!entry.latestBookedOn || a.booked_on > entry.latestBookedOn) entry.latestBookedOn = a.booked_on;
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
