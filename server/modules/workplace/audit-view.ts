import { and, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents, debtors, staffUsers } from "../../db/schema";
import { auditedRead } from "./staff-read";

export interface AuditFilters {
  staffUserId?: string;
  debtorId?: string;
  /** Only looks at people's data (reads), not changes. */
  looksOnly?: boolean;
  /** An action or the start of one ("debtor.", "policy.changed"). */
  action?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE = 200;
export const AUDIT_EXPORT_MAX = 10_000;

function where(f: AuditFilters): SQL {
  const parts: (SQL | undefined)[] = [eq(auditEvents.actorKind, "staff")];
  if (f.staffUserId) parts.push(eq(auditEvents.actorId, f.staffUserId));
  if (f.debtorId) parts.push(eq(auditEvents.debtorId, f.debtorId));
  if (f.looksOnly) parts.push(or(like(auditEvents.action, "%.viewed"), like(auditEvents.action, "%.revealed")));
  if (f.action) parts.push(like(auditEvents.action, `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.from) parts.push(gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) parts.push(lt(auditEvents.at, sql`${f.to}::date + 1`));
  return and(...parts)!;
}

async function rowsOf(tx: Pick<Db, "select">, f: AuditFilters, limit: number) {
  const rows = await tx
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      staffId: auditEvents.actorId,
      staffName: staffUsers.name,
      action: auditEvents.action,
      debtorId: auditEvents.debtorId,
      debtorName: sql<string | null>`case when ${debtors.id} is null then null else ${debtors.givenName} || ' ' || ${debtors.surname} end`,
      subjectKind: auditEvents.subjectKind,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(sql`${staffUsers.id}::text`, auditEvents.actorId))
    .leftJoin(debtors, eq(debtors.id, auditEvents.debtorId))
    .where(where(f))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => {
    const details = r.details ?? {};
    const reason = typeof details.reason === "string" ? details.reason : null;
    return { id: r.id, at: r.at.toISOString(), staffId: r.staffId, staffName: r.staffName, action: r.action, debtorId: r.debtorId, debtorName: r.debtorName, subject: r.subjectKind ? `${r.subjectKind}:${r.subjectId ?? ""}` : null, reason };
  });
}

/** Who looked at whom, when and why (and every other staff action), newest first. Audited too. */
export async function listAudit(db: Db, input: { staffId: string; filters: AuditFilters }) {
  return auditedRead(db, input.staffId, (tx) => rowsOf(tx, input.filters, AUDIT_PAGE), (rows) => ({ action: "audit.viewed", details: { filters: { ...input.filters }, rows: rows.length } }));
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The same rows as CSV (UTF-8 with a byte-order mark, for spreadsheets). The export is audited. */
export async function exportAuditCsv(db: Db, input: { staffId: string; filters: AuditFilters }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const rows = await rowsOf(tx, input.filters, AUDIT_EXPORT_MAX);
      const head = ["at", "staff", "action", "debtor", "subject", "reason"];
      const lines = rows.map((r) => [r.at, r.staffName ?? r.staffId, r.action, r.debtorName, r.subject, r.reason].map(csvCell).join(","));
      return { csv: `\uFEFF${[head.join(","), ...lines].join("\r\n")}\r\n`, rows: rows.length };
    },
    (r) => ({ action: "audit.exported.viewed", details: { filters: { ...input.filters }, rows: r.rows } }),
  );
}
