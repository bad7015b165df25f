import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** One value as an element of a PostgreSQL array literal: NULL, a bare number, or quoted. */
function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return text.includes('"') || text.includes("\\") ? `"${text.replace(/["\\]/g, "\\$&")}"` : `"${text}"`;
}

/**
 * An INSERT of many rows (keyed by column name, as in the database) in one statement of a fixed
 * size: each column goes as one array parameter of the column's own type, and `unnest` turns the
 * arrays back into rows. The database reads typed arrays far faster than a JSON document of rows,
 * and the statement's text does not grow with the rows. Columns left out take their defaults.
 */
export function insertMany(table: PgTable, columns: readonly string[], rows: readonly Record<string, unknown>[]): SQL {
  const typeOf = new Map(Object.values(getTableColumns(table)).map((c) => [c.name, c.getSQLType()]));
  const arrays = columns.map((name) => {
    const type = typeOf.get(name);
    if (!type) throw new Error(`${getTableName(table)} has no column ${name}`);
    const literal = `{${rows.map((row) => element(row[name])).join(",")}}`;
    return sql`${literal}::${sql.raw(type)}[]`;
  });
  const list = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  return sql`insert into ${table} (${list}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}
