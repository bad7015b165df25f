import { and, asc, eq, gt, isNotNull, notLike } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { debtors, debtorSupportNeeds } from "../../db/schema";
import { openPersonalNumber, sealedKeyId, sealPersonalNumber, type Keyring } from "../../security/personal-number";

export interface ResealOutcome {
  /** Values now sealed with the current key. */
  resealed: number;
  /** Values that could not be opened (a key that is not configured), by row id: nothing personal. */
  failed: { id: string; keyId: string }[];
}

/** Every column sealed with the personal-number keyring: personal numbers and support-need details. */
const SEALED: { table: PgTable; id: PgColumn; sealed: PgColumn; field: string }[] = [
  { table: debtors, id: debtors.id, sealed: debtors.personalNumberEncrypted, field: "personalNumberEncrypted" },
  { table: debtorSupportNeeds, id: debtorSupportNeeds.id, sealed: debtorSupportNeeds.detailEncrypted, field: "detailEncrypted" },
];

/**
 * Re-seals every stored value that is not under the keyring's current key, in small batches, each
 * in its own short transaction, while the app keeps running: a row is only written if it still
 * holds the value that was read (a concurrent change wins and is left as it is), and rows being
 * changed right now are skipped this round and picked up by the next run.
 */
export async function resealPersonalNumbers(db: Db, keyring: Keyring, options: { batchSize?: number; onBatch?: (done: number) => void } = {}): Promise<ResealOutcome> {
  const outcome: ResealOutcome = { resealed: 0, failed: [] };
  for (const column of SEALED) await resealColumn(db, keyring, column, outcome, options);
  return outcome;
}

async function resealColumn(
  db: Db,
  keyring: Keyring,
  { table, id, sealed, field }: (typeof SEALED)[number],
  outcome: ResealOutcome,
  options: { batchSize?: number; onBatch?: (done: number) => void },
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = (await tx
        .select({ id, sealed })
        .from(table)
        .where(and(gt(id, after), isNotNull(sealed), notLike(sealed, `${keyring.currentId}.%`)))
        .orderBy(asc(id))
        .limit(batchSize)
        .for("update", { skipLocked: true })) as { id: string; sealed: string }[];
      for (const row of rows) {
        let canonical: string;
        try {
          canonical = openPersonalNumber(row.sealed, keyring);
        } catch {
          outcome.failed.push({ id: row.id, keyId: sealedKeyId(row.sealed) });
          continue;
        }
        const written = await tx
          .update(table)
          .set({ [field]: sealPersonalNumber(canonical, keyring) })
          .where(and(eq(id, row.id), eq(sealed, row.sealed)))
          .returning({ id });
        outcome.resealed += written.length;
      }
      return rows;
    });
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    options.onBatch?.(outcome.resealed);
  }
}

/** How many stored values each key holds, over every sealed column (to see when an old key may be removed). */
export async function sealedValuesByKey(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, sealed } of SEALED) {
    const rows = (await db.select({ sealed }).from(table).where(isNotNull(sealed))) as { sealed: string }[];
    for (const row of rows) counts[sealedKeyId(row.sealed)] = (counts[sealedKeyId(row.sealed)] ?? 0) + 1;
  }
  return counts;
}
