import type { Queryable } from "../../db/client";
import { auditEvents } from "../../db/schema";

export interface AuditEntry {
  actorKind: "debtor" | "staff" | "system";
  actorId: string | null;
  action: string;
  subjectKind?: string;
  subjectId?: string;
  debtorId?: string | null;
  details?: Record<string, unknown>;
}

/** Writes an audit event. Call it with the transaction that does the work, so both land or neither. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    action: entry.action,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId,
    debtorId: entry.debtorId ?? null,
    details: entry.details,
  });
}
