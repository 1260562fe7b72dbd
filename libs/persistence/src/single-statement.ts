import type { EntityManager } from 'typeorm';

/** One parameterised SQL statement: `$1…$n` in `text` refer to `values`. */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

const PLACEHOLDER = /\$(\d+)/g;

/**
 * Joins data-modifying statements (INSERT/UPDATE/DELETE without RETURNING needs) into one
 * `WITH s1 AS (…), s2 AS (…) SELECT …` statement, renumbering each one's placeholders. `select`
 * is the final query (default `SELECT 1`), e.g. `SELECT count(*) FROM s1` to learn whether a
 * conditional write happened.
 * The statements' texts must not contain `$<digits>` anywhere but in placeholders (no dollar
 * quoting, no such string literals): they are built by repositories, never from input.
 */
export function combineStatements(statements: readonly SqlStatement[], select = 'SELECT 1'): SqlStatement {
  if (statements.length === 0) throw new Error('combineStatements: no statement');
  const values: unknown[] = [];
  const parts = statements.map((statement, i) => {
    const offset = values.length;
    values.push(...statement.values);
    const text = statement.text.replace(PLACEHOLDER, (_, n: string) => `$${Number(n) + offset}`);
    return `s${i + 1} AS (${text})`;
  });
  return { text: `WITH ${parts.join(',\n')}\n${select}`, values };
}

/**
 * Runs data-modifying statements as ONE statement outside any transaction block: PostgreSQL
 * makes a single statement atomic on its own, so they commit together or not at all, in one
 * round trip instead of BEGIN + one per statement + COMMIT. Constraint checks and AFTER triggers
 * run at the end of the whole statement, so a row may reference one inserted beside it. Use it
 * for writes that need no reads in between (e.g. inserting a new aggregate with its events).
 */
export async function runAsOneStatement(manager: EntityManager, statements: readonly SqlStatement[]): Promise<void> {
  if (manager.queryRunner?.isTransactionActive) {
    // Inside a transaction it would still be correct, but the caller meant to save the round trips.
    throw new Error('runAsOneStatement: call it with a manager outside a transaction');
  }
  const { text, values } = combineStatements(statements);
  await manager.query(text, [...values]);
}
