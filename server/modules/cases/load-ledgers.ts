import { and, asc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { readAll, type Queryable } from "../../db/client";
import {
  caseCredits,
  caseDocuments,
  caseEvents,
  cases,
  charges,
  creditorPolicies,
  creditors,
  disputes,
  instalmentPlans,
  instalments,
  paymentAllocations,
  payments,
  planCases,
  referenceRates,
} from "../../db/schema";
import type { FeeKind } from "../../domain/fees";
import type { RatePeriod } from "../../domain/interest";
import { payableOre } from "../../domain/disputes";
import { computeCaseBalance, type CaseBalance } from "../../domain/ledger";

export type CaseRow = typeof cases.$inferSelect;
type PolicyRow = typeof creditorPolicies.$inferSelect;

/** The case's live plan (signed, paused, awaiting signature or asked for) and what it asks for next. */
export interface LivePlan {
  id: string;
  status: (typeof instalmentPlans.$inferSelect)["status"];
  next: { dueDate: string; amountOre: number } | null;
}

/** The case's latest dispute, whatever its status. */
export interface LedgerDispute {
  id: string;
  status: "open" | "upheld" | "rejected" | "withdrawn";
  reason: string;
  part: "all" | "part";
  disputedOre: number;
  madeOn: string;
  remedy: "cancel" | "reduce" | null;
  creditedOre: number | null;
  decisionReason: string | null;
  toldOn: string | null;
  resumesOn: string | null;
}

export interface CaseLedger {
  case: CaseRow;
  creditor: { id: string; name: string; kind: string };
  policy: PolicyRow | null;
  plan: LivePlan | null;
  balance: CaseBalance;
  dispute: LedgerDispute | null;
  /** What is set aside while a dispute is open (at most what is left). */
  disputedOre: number;
  /** What may be paid now: what is left less the disputed part. */
  payableOre: number;
}

export interface CasePayment {
  id: string;
  method: "swish" | "card" | "bankgiro" | "manual";
  amountOre: number;
  bookedOn: string;
  overpaymentOre: number;
}

export interface CaseExtras {
  payments: CasePayment[];
  documents: { id: string; kind: string; issuedOn: string }[];
  events: { kind: string; occurredOn: string; details: string | null }[];
}

const RATES_TTL_MS = 60_000;
const ratesCache = new WeakMap<object, { at: number; rates: Promise<RatePeriod[]> }>();

/**
 * Reference rates as data. They change twice a year, so each database's are kept for a minute
 * instead of being read on every request.
 */
export async function loadRates(db: Queryable): Promise<RatePeriod[]> {
  // A transaction reads its own view; only the shared database handle is cached.
  const key = "rollback" in db ? null : db;
  const cached = key ? ratesCache.get(key) : undefined;
  if (cached && Date.now() - cached.at < RATES_TTL_MS) return cached.rates;
  const rates = db
    .select()
    .from(referenceRates)
    .orderBy(asc(referenceRates.fromDate))
    .then((rows) => rows.map((r) => ({ from: r.fromDate, referenceRateBp: r.referenceRateBp })));
  if (key) {
    ratesCache.set(key, { at: Date.now(), rates });
    // Nothing cached from a database not yet seeded, nor from a failed read.
    rates.then((r) => r.length === 0 && ratesCache.delete(key)).catch(() => ratesCache.delete(key));
  }
  return rates;
}

/**
 * A table's row as one JSON object keyed like drizzle's own rows, and the keys of its timestamp
 * columns (JSON carries them as text). One JSON value per row is parsed far faster than forty
 * typed columns, which is where most of the time of these procedures went.
 */
function jsonRow(table: PgTable) {
  const columns = Object.entries(getTableColumns(table));
  return {
    sql: sql`json_build_object(${sql.join(
      columns.map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`),
      sql`, `,
    )})`,
    timestamps: columns.filter(([, column]) => column.dataType === "date").map(([key]) => key),
  };
}

const caseJson = jsonRow(cases);
const policyJson = jsonRow(creditorPolicies);

function reviveTimestamps(row: Record<string, unknown>, keys: string[]): void {
  for (const key of keys) if (typeof row[key] === "string") row[key] = new Date(row[key]);
}

interface LedgerJson {
  case: CaseRow;
  creditor: CaseLedger["creditor"];
  policy: PolicyRow | null;
  plan: LivePlan | null;
  charges: { id: string; kind: FeeKind; amountOre: number; chargedOn: string }[];
  allocations: { paymentId: string; bookedOn: string; component: "fee" | "interest" | "principal"; chargeId: string | null; amountOre: number }[];
  credits: { id: string; bookedOn: string; component: "fee" | "interest" | "principal"; chargeId: string | null; amountOre: number }[];
  dispute: LedgerDispute | null;
}

type LedgerWithExtrasJson = LedgerJson & CaseExtras;

/** A case's charges and payment allocations, as JSON arrays. */
const ledgerParts = sql`'charges', coalesce((
    select json_agg(json_build_object('id', c.id, 'kind', c.kind, 'amountOre', c.amount_ore, 'chargedOn', c.charged_on) order by c.charged_on)
    from ${charges} c where c.case_id = ${cases.id}), '[]'::json),
  'allocations', coalesce((
    select json_agg(json_build_object('paymentId', a.payment_id, 'bookedOn', a.booked_on, 'component', a.component, 'chargeId', a.charge_id, 'amountOre', a.amount_ore) order by a.booked_on)
    from ${paymentAllocations} a where a.case_id = ${cases.id}), '[]'::json),
  'credits', coalesce((
    select json_agg(json_build_object('id', cc.id, 'bookedOn', cc.booked_on, 'component', cc.component, 'chargeId', cc.charge_id, 'amountOre', cc.amount_ore) order by cc.booked_on)
    from ${caseCredits} cc where cc.case_id = ${cases.id}), '[]'::json),
  'dispute', (
    select json_build_object('id', d.id, 'status', d.status, 'reason', d.reason, 'part', d.part, 'disputedOre', d.disputed_ore,
      'madeOn', (d.created_at at time zone 'Europe/Stockholm')::date, 'remedy', d.remedy, 'creditedOre', d.credited_ore,
      'decisionReason', d.answer, 'toldOn', d.told_on, 'resumesOn', d.resumes_on)
    from ${disputes} d where d.case_id = ${cases.id} order by d.created_at desc limit 1),
  'plan', (
    select json_build_object('id', p.id, 'status', p.status, 'next', (
      -- the first instalment neither paid nor missed, as the plan page counts it
      select json_build_object('dueDate', i.due_date, 'amountOre', i.amount_ore - i.paid_ore)
      from ${instalments} i where i.plan_id = p.id and i.status not in ('paid', 'missed') order by i.seq limit 1))
    from ${planCases} pc join ${instalmentPlans} p on p.id = pc.plan_id
    where pc.case_id = ${cases.id} and pc.live = 1 and p.status <> 'rejected')`;

/** A case's booked payments, documents and latest events, as JSON arrays. */
function extrasParts(caseId: SQL | typeof cases.id) {
  return sql`'payments', coalesce((
    select json_agg(json_build_object('id', p.id, 'method', p.method, 'amountOre', p.amount_ore, 'bookedOn', p.booked_on, 'overpaymentOre', p.overpayment_ore) order by p.booked_on, p.created_at)
    from ${payments} p where p.case_id = ${caseId} and p.status = 'booked'), '[]'::json),
  'documents', coalesce((
    select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'issuedOn', d.issued_on) order by d.issued_on)
    from ${caseDocuments} d where d.case_id = ${caseId}), '[]'::json),
  'events', coalesce((
    select json_agg(json_build_object('kind', e.kind, 'occurredOn', e.occurred_on, 'details', e.details) order by e.occurred_on desc, e.created_at desc)
    from (select * from ${caseEvents} e where e.case_id = ${caseId} order by e.occurred_on desc, e.created_at desc limit 20) e), '[]'::json)`;
}

type Variant = "all" | "one" | "oneWithExtras";

function ledgerQuery(db: Queryable, variant: Variant) {
  const debtor = eq(cases.debtorId, sql.placeholder("debtorId"));
  const extras = variant === "oneWithExtras" ? sql`, ${extrasParts(cases.id)}` : sql``;
  return db
    .select({
      ledger: sql<LedgerJson | string>`json_build_object(
        'case', ${caseJson.sql},
        'creditor', json_build_object('id', ${creditors.id}, 'name', ${creditors.name}, 'kind', ${creditors.kind}),
        'policy', case when ${creditorPolicies.creditorId} is null then null else ${policyJson.sql} end,
        ${ledgerParts}${extras})`,
    })
    .from(cases)
    .innerJoin(creditors, eq(creditors.id, cases.creditorId))
    .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
    .where(variant === "all" ? debtor : and(debtor, eq(cases.id, sql.placeholder("caseId"))))
    .orderBy(asc(cases.dueDate), asc(cases.caseNumber));
}

type LedgerStatement = ReturnType<ReturnType<typeof ledgerQuery>["prepare"]>;
const statements = new WeakMap<object, Record<Variant, LedgerStatement>>();

/** The ledger queries prepared once per database handle (PostgreSQL then plans them once per connection). */
function ledgerStatement(db: Queryable, variant: Variant): LedgerStatement {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      all: ledgerQuery(db, "all").prepare("debtor_ledgers"),
      one: ledgerQuery(db, "one").prepare("debtor_ledger_one"),
      oneWithExtras: ledgerQuery(db, "oneWithExtras").prepare("debtor_case_full"),
    };
    statements.set(db, prepared);
  }
  return prepared[variant];
}

function toLedger(json: LedgerJson, rates: RatePeriod[], asOf: string): CaseLedger {
  const c = json.case;
  reviveTimestamps(c as unknown as Record<string, unknown>, caseJson.timestamps);
  if (json.policy) reviveTimestamps(json.policy as unknown as Record<string, unknown>, policyJson.timestamps);
  const dispute = json.dispute && {
    ...json.dispute,
    disputedOre: Number(json.dispute.disputedOre),
    creditedOre: json.dispute.creditedOre === null ? null : Number(json.dispute.creditedOre),
  };
  const balance = computeCaseBalance({
      principalOre: c.principalOre,
      originalDueDate: c.originalDueDate,
      charges: json.charges.map((ch) => ({ id: ch.id, kind: ch.kind, amountOre: Number(ch.amountOre), chargedOn: ch.chargedOn })),
      allocations: json.allocations.map((a) => ({
        paymentId: a.paymentId,
        bookedOn: a.bookedOn,
        component: a.component,
        chargeId: a.chargeId ?? undefined,
        amountOre: Number(a.amountOre),
      })),
      credits: (json.credits ?? []).map((cr) => ({ id: cr.id, bookedOn: cr.bookedOn, component: cr.component, chargeId: cr.chargeId ?? undefined, amountOre: Number(cr.amountOre) })),
      rates,
      marginBp: c.interestMarginBp,
      interestStoppedOn: c.interestStoppedOn ?? undefined,
      asOf,
    });
  // Disputing "all" covers the interest still accruing too; a part is the amount named.
  const disputedOre = dispute?.status !== "open" ? 0 : dispute.part === "all" ? Math.max(0, balance.leftOre) : Math.min(dispute.disputedOre, Math.max(0, balance.leftOre));
  return {
    case: c,
    creditor: json.creditor,
    policy: json.policy,
    plan: json.plan && { ...json.plan, next: json.plan.next && { dueDate: json.plan.next.dueDate, amountOre: Number(json.plan.next.amountOre) } },
    balance,
    dispute,
    disputedOre,
    payableOre: payableOre(balance.leftOre, disputedOre),
  };
}

/**
 * Every case of a debtor (or one of them) with its balance as of `asOf`: one query whatever the
 * number of cases, never one per case. Filtering by debtor here is the authorisation.
 */
export async function loadDebtorLedgers(
  db: Queryable,
  input: { debtorId: string; caseId?: string; asOf: string },
): Promise<CaseLedger[]> {
  // One round trip, as a prepared statement: each case with its charges and allocations as JSON.
  const one = input.caseId !== undefined;
  const [rows, rates] = await readAll(db, [() => ledgerStatement(db, one ? "one" : "all").execute(one ? { debtorId: input.debtorId, caseId: input.caseId } : { debtorId: input.debtorId }), () => loadRates(db)]);
  return rows.map((row) => toLedger(parsed(row.ledger), rates, input.asOf));
}

/**
 * One case of a debtor with its balance and with its payments, documents and latest events, in
 * one round trip; null when this debtor has no such case.
 */
export async function loadDebtorCase(
  db: Queryable,
  input: { debtorId: string; caseId: string; asOf: string },
): Promise<(CaseLedger & CaseExtras) | null> {
  const [rows, rates] = await readAll(db, [() => ledgerStatement(db, "oneWithExtras").execute({ debtorId: input.debtorId, caseId: input.caseId }), () => loadRates(db)]);
  const row = rows[0];
  if (!row) return null;
  const json = parsed<LedgerWithExtrasJson>(row.ledger as LedgerWithExtrasJson | string);
  return { ...toLedger(json, rates, input.asOf), ...extrasOf(json) };
}

/** JSON arrives parsed from node-postgres and PGlite alike; a string is parsed here. */
function parsed<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

function extrasOf(json: CaseExtras): CaseExtras {
  return {
    payments: json.payments.map((p) => ({ ...p, amountOre: Number(p.amountOre), overpaymentOre: Number(p.overpaymentOre) })),
    documents: json.documents,
    events: json.events,
  };
}
