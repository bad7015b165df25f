import { asc, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { rowsOf } from "../../db/client";
import { creditors, insightRefreshes } from "../../db/schema";
import { addDays, todayInStockholm, type IsoDate } from "../../domain/calendar";
import { AGE_BANDS, DUE_GROUPS, meanOf, rate, type Mean, type Rate } from "../../domain/insights";
import { auditedRead } from "../workplace/staff-read";
import { NO_CREDITOR } from "./refresh";

export interface InsightFilters {
  /** Letters sent from this day … */
  from?: IsoDate;
  /** … to this day, both included. */
  to?: IsoDate;
  creditorId?: string;
}

/** A group's cases and its shares paid (or in a plan) within 5, 14 and 30 days of the first letter. */
export interface GroupRow {
  key: string;
  cases: number;
  d5: Rate;
  d14: Rate;
  d30: Rate;
}

export interface Dashboard {
  filters: { from: IsoDate; to: IsoDate; creditorId: string | null };
  refreshedAt: string | null;
  creditors: { id: string; name: string }[];
  total: GroupRow;
  byChannel: GroupRow[];
  byDueGroup: GroupRow[];
  byAgeBand: GroupRow[];
  youngByDueGroup: GroupRow[];
  byCreditor: GroupRow[];
  funnel: { cases: number; paid: Rate; inPlan: Rate; disputed: Rate; onHold: Rate; enforcement: Rate };
  plans: { kept: Rate; lapsed: number };
  replies: { threads: number; answered: number; onTime: Rate; hours: Mean };
}

/** How far back the dashboard looks when no range is given. */
export const DEFAULT_RANGE_DAYS = 365;

export function resolveFilters(f: InsightFilters, now: Date): Dashboard["filters"] {
  const to = f.to ?? todayInStockholm(now);
  return { from: f.from ?? addDays(to, -DEFAULT_RANGE_DAYS), to, creditorId: f.creditorId ?? null };
}

type Sums = { cases: number; e5: number; p5: number; e14: number; p14: number; e30: number; p30: number; paid: number; in_plan: number; disputed: number; on_hold: number; enforcement: number; kept: number; lapsed: number };
type GroupingRow = Sums & { channel: string | null; due_group: string | null; age_band: string | null; creditor_id: string | null; g: number };

const num = (v: unknown) => Number(v ?? 0);

function groupRow(key: string, s: Sums): GroupRow {
  return { key, cases: s.cases, d5: rate(s.p5, s.e5), d14: rate(s.p14, s.e14), d30: rate(s.p30, s.e30) };
}

const EMPTY: Sums = { cases: 0, e5: 0, p5: 0, e14: 0, p14: 0, e30: 0, p30: 0, paid: 0, in_plan: 0, disputed: 0, on_hold: 0, enforcement: 0, kept: 0, lapsed: 0 };

/** Reads the figures from the rollups (never the cases): one pass over the cube with grouping sets. */
export async function readFigures(tx: Tx | Db, filters: Dashboard["filters"]): Promise<Omit<Dashboard, "filters" | "creditors" | "refreshedAt">> {
  const creditorWhere = filters.creditorId ? sql`and creditor_id = ${filters.creditorId}::uuid` : sql``;
  const rows = rowsOf<GroupingRow>(
    await tx.execute(sql`
      select channel, due_group, age_band, creditor_id::text as creditor_id,
        grouping(channel, due_group, age_band, creditor_id) as g,
        sum(cases)::int as cases, sum(eligible5)::int as e5, sum(paid5)::int as p5, sum(eligible14)::int as e14, sum(paid14)::int as p14,
        sum(eligible30)::int as e30, sum(paid30)::int as p30, sum(paid)::int as paid, sum(in_plan)::int as in_plan, sum(disputed)::int as disputed,
        sum(on_hold)::int as on_hold, sum(enforcement)::int as enforcement, sum(plans_kept)::int as kept, sum(plans_lapsed)::int as lapsed
      from insight_cube
      where letter_on between ${filters.from}::date and ${filters.to}::date ${creditorWhere}
      group by grouping sets ((channel), (due_group), (age_band), (creditor_id), (age_band, due_group), ())`),
  ).map((r) => ({ ...r, g: num(r.g), ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, num(r[k as keyof Sums])])) }) as GroupingRow);
  // grouping() sets a bit for each column left out, first column highest: channel 8, due 4, age 2, creditor 1.
  const set = (bits: number) => rows.filter((r) => r.g === bits);
  const total = set(15)[0] ?? EMPTY;
  const order = <T extends string>(keys: readonly T[], list: GroupingRow[], pick: (r: GroupingRow) => string | null) =>
    keys.map((k) => groupRow(k, list.find((r) => pick(r) === k) ?? EMPTY));
  const byChannel = set(7)
    .map((r) => groupRow(r.channel!, r))
    .sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key));
  const reply = rowsOf<{ threads: number; answered: number; on_time: number; hours: number; squares: number }>(
    await tx.execute(sql`
      select coalesce(sum(threads), 0)::int as threads, coalesce(sum(answered), 0)::int as answered, coalesce(sum(on_time), 0)::int as on_time,
        coalesce(sum(hours_sum), 0)::float8 as hours, coalesce(sum(hours_squares), 0)::float8 as squares
      from insight_reply_cube
      where asked_on between ${filters.from}::date and ${filters.to}::date
        ${filters.creditorId ? sql`and creditor_id = ${filters.creditorId}::uuid` : sql``}`),
  )[0];
  const r = { threads: num(reply?.threads), answered: num(reply?.answered), onTime: num(reply?.on_time), hours: num(reply?.hours), squares: num(reply?.squares) };
  return {
    total: groupRow("all", total),
    byChannel,
    byDueGroup: order(DUE_GROUPS, set(11), (x) => x.due_group),
    byAgeBand: order(AGE_BANDS, set(13), (x) => x.age_band),
    youngByDueGroup: order(
      DUE_GROUPS,
      set(9).filter((x) => x.age_band === "18-25"),
      (x) => x.due_group,
    ),
    byCreditor: set(14)
      .filter((x) => x.creditor_id !== NO_CREDITOR)
      .map((x) => groupRow(x.creditor_id!, x)),
    funnel: {
      cases: total.cases,
      paid: rate(total.paid, total.cases),
      inPlan: rate(total.in_plan, total.cases),
      disputed: rate(total.disputed, total.cases),
      onHold: rate(total.on_hold, total.cases),
      enforcement: rate(total.enforcement, total.cases),
    },
    plans: { kept: rate(total.kept, total.kept + total.lapsed), lapsed: total.lapsed },
    replies: { threads: r.threads, answered: r.answered, onTime: rate(r.onTime, r.answered), hours: meanOf(r.answered, r.hours, r.squares) },
  };
}

async function readDashboardIn(tx: Tx, input: { filters: InsightFilters; now: Date }): Promise<Dashboard> {
  const filters = resolveFilters(input.filters, input.now);
  const list = await tx.select({ id: creditors.id, name: creditors.name }).from(creditors).orderBy(asc(creditors.name));
  const [refreshed] = await tx.select({ at: insightRefreshes.refreshedAt }).from(insightRefreshes);
  const figures = await readFigures(tx, filters);
  const names = new Map(list.map((c) => [c.id, c.name]));
  return {
    filters,
    refreshedAt: refreshed?.at.toISOString() ?? null,
    creditors: list,
    ...figures,
    byCreditor: figures.byCreditor.map((row) => ({ ...row, key: names.get(row.key) ?? row.key })).sort((a, b) => a.key.localeCompare(b.key, "sv")),
  };
}

/** The dashboard's figures for a date range and creditor. Counts only, no person's data; the look is audited all the same. */
export async function readDashboard(db: Db, input: { staffId: string; filters: InsightFilters; now: Date }): Promise<Dashboard> {
  return auditedRead(db, input.staffId, (tx) => readDashboardIn(tx, input), (d) => ({ action: "insights.viewed", details: { filters: d.filters } }));
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const share = (r: Rate) => (r.tooFew ? ["", "", ""] : [r.rate.toFixed(4), r.low.toFixed(4), r.high.toFixed(4)]);

/** Every table of the dashboard as one CSV (UTF-8 with a byte-order mark); shares as fractions, empty when too few. The export is audited. */
export async function exportInsightsCsv(db: Db, input: { staffId: string; filters: InsightFilters; now: Date }): Promise<{ csv: string; rows: number }> {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const d = await readDashboardIn(tx, input);
      // Long form: one line per group and measure, so a spreadsheet can pivot it.
      const head = ["section", "group", "measure", "n", "count", "share", "low_95", "high_95"];
      const groups: [string, GroupRow[]][] = [
        ["all", [d.total]],
        ["channel", d.byChannel],
        ["due_day", d.byDueGroup],
        ["age_band", d.byAgeBand],
        ["age_18_25_due_day", d.youngByDueGroup],
        ["creditor", d.byCreditor],
      ];
      const line = (section: string, group: string, measure: string, r: Rate) => [section, group, measure, r.n, r.k, ...share(r)];
      const lines = groups.flatMap(([section, rows]) => rows.flatMap((g) => [line(section, g.key, "paid_within_5_days", g.d5), line(section, g.key, "paid_within_14_days", g.d14), line(section, g.key, "paid_within_30_days", g.d30)]));
      lines.push(
        line("outcome", "all", "paid", d.funnel.paid),
        line("outcome", "all", "in_plan", d.funnel.inPlan),
        line("outcome", "all", "disputed", d.funnel.disputed),
        line("outcome", "all", "on_hold", d.funnel.onHold),
        line("outcome", "all", "payment_order", d.funnel.enforcement),
        line("plans", "all", "kept", d.plans.kept),
        line("replies", "all", "within_promise", d.replies.onTime),
      );
      const body = [`# from ${d.filters.from} to ${d.filters.to}${d.filters.creditorId ? ` creditor ${d.filters.creditorId}` : ""}; figures as of ${d.refreshedAt ?? "never"}`, head.join(","), ...lines.map((l) => l.map(csvCell).join(","))];
      return { csv: `\uFEFF${body.join("\r\n")}\r\n`, rows: lines.length };
    },
    (r) => ({ action: "insights.exported", details: { filters: { ...input.filters }, rows: r.rows } }),
  );
}
