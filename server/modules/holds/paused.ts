import { and, Column, getTableName, inArray, is, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { caseHolds, debtorSupportNeeds } from "../../db/schema";

/**
 * A column named with its table. Inside a subquery a bare "id" would be the subquery's own, so a
 * column from the outer query is always written in full.
 */
function qualified(column: AnyColumn | SQL): SQL {
  return is(column, Column) ? sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}` : column;
}

/**
 * The one rule for "may an automated step touch this case today?": no active hold (a dispute,
 * a rejected dispute's 10 days, a staff hold). Every job that sends, charges or escalates asks it.
 * `today` is an ISO date in Europe/Stockholm.
 */
export function caseOnHold(caseId: AnyColumn | SQL, today: string): SQL {
  return sql`exists (select 1 from ${caseHolds} where ${qualified(caseHolds.caseId)} = ${qualified(caseId)} and ${qualified(caseHolds.liftedAt)} is null and (${qualified(caseHolds.endsOn)} is null or ${qualified(caseHolds.endsOn)} > ${today}::date))`;
}

/** Of these cases, the ones whose automated steps are paused today. */
export async function casesOnHold(db: Queryable, caseIds: string[], today: string): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ caseId: caseHolds.caseId })
    .from(caseHolds)
    .where(
      and(
        inArray(caseHolds.caseId, caseIds),
        isNull(caseHolds.liftedAt),
        or(isNull(caseHolds.endsOn), sql`${caseHolds.endsOn} > ${today}::date`),
      ),
    );
  return new Set(rows.map((r) => r.caseId));
}

/** Whether a debtor has an active support need (only that it exists; never its detail). */
export function debtorHasSupportNeed(debtorId: AnyColumn | SQL): SQL {
  return sql`exists (select 1 from ${debtorSupportNeeds} where ${qualified(debtorSupportNeeds.debtorId)} = ${qualified(debtorId)} and ${qualified(debtorSupportNeeds.clearedAt)} is null)`;
}
