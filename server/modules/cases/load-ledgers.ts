import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { caseDocuments, caseEvents, cases, charges, creditorPolicies, creditors, paymentAllocations, payments, referenceRates } from "../../db/schema";
import type { FeeKind } from "../../domain/fees";
import type { RatePeriod } from "../../domain/interest";
import { computeCaseBalance, type CaseBalance } from "../../domain/ledger";

export type CaseRow = typeof cases.$inferSelect;

export interface CaseLedger {
  case: CaseRow;
  creditor: { id: string; name: string; kind: string };
  policy: typeof creditorPolicies.$inferSelect | null;
  balance: CaseBalance;
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

function ledgerQuery(db: Queryable, oneCase: boolean) {
  const debtor = eq(cases.debtorId, sql.placeholder("debtorId"));
  return db
    .select({
      case: cases,
      creditor: { id: creditors.id, name: creditors.name, kind: creditors.kind },
      policy: creditorPolicies,
      charges: sql<{ id: string; kind: FeeKind; amountOre: number; chargedOn: string }[] | string>`coalesce((
        select json_agg(json_build_object('id', c.id, 'kind', c.kind, 'amountOre', c.amount_ore, 'chargedOn', c.charged_on) order by c.charged_on)
        from ${charges} c where c.case_id = ${cases.id}), '[]'::json)`,
      allocations: sql<{ paymentId: string; bookedOn: string; component: "fee" | "interest" | "principal"; chargeId: string | null; amountOre: number }[] | string>`coalesce((
        select json_agg(json_build_object('paymentId', a.payment_id, 'bookedOn', a.booked_on, 'component', a.component, 'chargeId', a.charge_id, 'amountOre', a.amount_ore) order by a.booked_on)
        from ${paymentAllocations} a where a.case_id = ${cases.id}), '[]'::json)`,
    })
    .from(cases)
    .innerJoin(creditors, eq(creditors.id, cases.creditorId))
    .leftJoin(creditorPolicies, eq(creditorPolicies.creditorId, cases.creditorId))
    .where(oneCase ? and(debtor, eq(cases.id, sql.placeholder("caseId"))) : debtor)
    .orderBy(asc(cases.dueDate), asc(cases.caseNumber));
}

type LedgerStatement = ReturnType<ReturnType<typeof ledgerQuery>["prepare"]>;
const statements = new WeakMap<object, { all: LedgerStatement; one: LedgerStatement }>();

/** The ledger query prepared once per database handle (PostgreSQL then plans it once per connection). */
function ledgerStatement(db: Queryable, oneCase: boolean): LedgerStatement {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = { all: ledgerQuery(db, false).prepare("debtor_ledgers"), one: ledgerQuery(db, true).prepare("debtor_ledger_one") };
    statements.set(db, prepared);
  }
  return oneCase ? prepared.one : prepared.all;
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
  const statement = ledgerStatement(db, input.caseId !== undefined);
  const [caseRows, rates] = await Promise.all([
    statement.execute(input.caseId !== undefined ? { debtorId: input.debtorId, caseId: input.caseId } : { debtorId: input.debtorId }),
    loadRates(db),
  ]);
  return caseRows.map((row) => ({
    case: row.case,
    creditor: row.creditor,
    policy: row.policy,
    balance: computeCaseBalance({
      principalOre: row.case.principalOre,
      originalDueDate: row.case.originalDueDate,
      charges: parsed(row.charges).map((c) => ({ id: c.id, kind: c.kind, amountOre: Number(c.amountOre), chargedOn: c.chargedOn })),
      allocations: parsed(row.allocations).map((a) => ({
        paymentId: a.paymentId,
        bookedOn: a.bookedOn,
        component: a.component,
        chargeId: a.chargeId ?? undefined,
        amountOre: Number(a.amountOre),
      })),
      rates,
      marginBp: row.case.interestMarginBp,
      interestStoppedOn: row.case.interestStoppedOn ?? undefined,
      asOf: input.asOf,
    }),
  }));
}

/** JSON columns arrive parsed from node-postgres and PGlite alike; a string is parsed here. */
function parsed<T>(value: T[] | string): T[] {
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

function caseExtrasQuery(db: Queryable) {
  const caseId = sql.placeholder("caseId");
  return db
    .select({
      payments: sql<{ id: string; method: "swish" | "card" | "bankgiro" | "manual"; amountOre: number; bookedOn: string; overpaymentOre: number }[] | string>`coalesce((
        select json_agg(json_build_object('id', p.id, 'method', p.method, 'amountOre', p.amount_ore, 'bookedOn', p.booked_on, 'overpaymentOre', p.overpayment_ore) order by p.booked_on, p.created_at)
        from ${payments} p where p.case_id = ${caseId} and p.status = 'booked'), '[]'::json)`,
      documents: sql<{ id: string; kind: string; issuedOn: string }[] | string>`coalesce((
        select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'issuedOn', d.issued_on) order by d.issued_on)
        from ${caseDocuments} d where d.case_id = ${caseId}), '[]'::json)`,
      events: sql<{ kind: string; occurredOn: string; details: string | null }[] | string>`coalesce((
        select json_agg(json_build_object('kind', e.kind, 'occurredOn', e.occurred_on, 'details', e.details) order by e.occurred_on desc, e.created_at desc)
        from (select * from ${caseEvents} e where e.case_id = ${caseId} order by e.occurred_on desc, e.created_at desc limit 20) e), '[]'::json)`,
    })
    .from(sql`(select 1) as one`);
}

const extrasStatements = new WeakMap<object, ReturnType<ReturnType<typeof caseExtrasQuery>["prepare"]>>();

/** A case's booked payments, documents and latest events, in one prepared query. */
export async function loadCaseExtras(db: Queryable, caseId: string) {
  let statement = extrasStatements.get(db);
  if (!statement) {
    statement = caseExtrasQuery(db).prepare("case_extras");
    extrasStatements.set(db, statement);
  }
  const [row] = await statement.execute({ caseId });
  return {
    payments: parsed(row!.payments).map((p) => ({ ...p, amountOre: Number(p.amountOre), overpaymentOre: Number(p.overpaymentOre) })),
    documents: parsed(row!.documents),
    events: parsed(row!.events),
  };
}
