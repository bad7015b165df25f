import { and, asc, eq, gt, notLike } from "drizzle-orm";
import type { Db } from "../../db/client";
import { debtors } from "../../db/schema";
import { openPersonalNumber, sealedKeyId, sealPersonalNumber, type Keyring } from "../../security/personal-number";

export interface ResealOutcome {
  /** Values now sealed with the current key. */
  resealed: number;
  /** Values that could not be opened (a key that is not configured), by row id: nothing personal. */
  failed: { id: string; keyId: string }[];
}

/**
 * Re-seals every stored personal number that is not under the keyring's current key, in small
 * batches, each in its own short transaction, while the app keeps running: a row is only written if
 * it still holds the value that was read (a concurrent change wins and is left as it is), and rows
 * being changed right now are skipped this round and picked up by the next run.
 */
export async function resealPersonalNumbers(db: Db, keyring: Keyring, options: { batchSize?: number; onBatch?: (done: number) => void } = {}): Promise<ResealOutcome> {
  const batchSize = options.batchSize ?? 500;
  const outcome: ResealOutcome = { resealed: 0, failed: [] };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: debtors.id, sealed: debtors.personalNumberEncrypted })
        .from(debtors)
        .where(and(gt(debtors.id, after), notLike(debtors.personalNumberEncrypted, `${keyring.currentId}.%`)))
        .orderBy(asc(debtors.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        let canonical: string;
        try {
          canonical = openPersonalNumber(row.sealed, keyring);
        } catch {
          outcome.failed.push({ id: row.id, keyId: sealedKeyId(row.sealed) });
          continue;
        }
        const written = await tx
          .update(debtors)
          .set({ personalNumberEncrypted: sealPersonalNumber(canonical, keyring) })
          .where(and(eq(debtors.id, row.id), eq(debtors.personalNumberEncrypted, row.sealed)))
          .returning({ id: debtors.id });
        outcome.resealed += written.length;
      }
      return rows;
    });
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    options.onBatch?.(outcome.resealed);
  }
  return outcome;
}

/** How many stored values each key holds (to see when an old key may be removed). */
export async function sealedValuesByKey(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ sealed: debtors.personalNumberEncrypted }).from(debtors);
  const counts: Record<string, number> = {};
  for (const { sealed } of rows) counts[sealedKeyId(sealed)] = (counts[sealedKeyId(sealed)] ?? 0) + 1;
  return counts;
}
