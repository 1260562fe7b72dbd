import type { SqlStatement } from '@helpdesk/persistence';

/**
 * A multi-row INSERT from one JSON array: `jsonb_populate_recordset` reads each object as a row
 * of the table itself, so every column gets the table's own type (jsonb stays jsonb, arrays
 * become arrays, ISO strings timestamps) without a type list kept in step with the migrations.
 * ORDINALITY keeps the array's order, which identity columns follow. One parameter and the same
 * text however many rows: one stringify, no per-value driver work, and PostgreSQL parses a short
 * statement instead of one that grows with the rows.
 */
export function insertRows(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): SqlStatement {
  const list = columns.join(', ');
  return {
    text: `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) WITH ORDINALITY ORDER BY ordinality`,
    values: [JSON.stringify(rows)],
  };
}
