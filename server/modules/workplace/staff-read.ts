import { createHmac } from "node:crypto";
import type { Db, Tx } from "../../db/client";
import { env } from "../../env";
import { recordAudit, type AuditEntry } from "../audit/record";

/**
 * A staff read of people's data and its audit event, in one transaction: the look is recorded
 * exactly when the data was read, never one without the other.
 */
export async function auditedRead<T>(db: Db, staffId: string, work: (tx: Tx) => Promise<T>, event: (result: T) => Omit<AuditEntry, "actorKind" | "actorId">): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await work(tx);
    await recordAudit(tx, { actorKind: "staff", actorId: staffId, ...event(result) });
    return result;
  });
}

/** A search query as the audit keeps it: a keyed hash, so the log never holds the words typed. */
export function hashQuery(query: string): string {
  return createHmac("sha256", env().KVITT_PNR_HASH_KEY).update(`search:${query.trim().toLowerCase()}`).digest("hex");
}
