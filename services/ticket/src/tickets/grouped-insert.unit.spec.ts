import { runAsOneStatement, type SqlStatement } from '@helpdesk/persistence';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { groupedInsert } from './ticket-unit-of-work';

/** A manager whose statements fail as told: `fail(text, values)` returns the error for a statement, or none. */
function managerFailing(fail: (text: string, values: readonly unknown[]) => Error | undefined) {
  const texts: string[] = [];
  const manager = {
    query: (text: string, values: readonly unknown[]) => {
      texts.push(text);
      const error = fail(text, values);
      return error ? Promise.reject(error) : Promise.resolve([]);
    },
  } as unknown as EntityManager;
  return { run: (statements: readonly SqlStatement[]) => runAsOneStatement(manager, statements), texts };
}

/** One statement per creation (the service's own writes a group as one statement per table). */
const statementsOf = (creations: readonly number[]) => creations.map((n) => ({ text: `INSERT INTO t (n) VALUES ($1)`, values: [n] }));

describe('groupedInsert', () => {
  it('writes a group in one statement', async () => {
    const { run, texts } = managerFailing(() => undefined);
    const outcomes = await groupedInsert(run, [1, 2, 3], statementsOf);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('s3 AS (INSERT INTO t (n) VALUES ($3))');
  });

  it('writes each creation alone when the database refuses the group, so only the bad one fails', async () => {
    // Creation 2 breaks a constraint: the grouped statement (which holds it) and its own fail.
    const { run, texts } = managerFailing((text, values) => (values.includes(2) ? new QueryFailedError(text, [...values], new Error('duplicate key')) : undefined));
    const outcomes = await groupedInsert(run, [1, 2, 3], statementsOf);
    expect(texts).toHaveLength(4);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole group with the error when the connection, not the database, failed', async () => {
    const lost = new Error('Connection terminated unexpectedly');
    const { run, texts } = managerFailing(() => lost);
    const outcomes = await groupedInsert(run, [1, 2], statementsOf);
    expect(texts).toHaveLength(1);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: lost },
      { status: 'rejected', reason: lost },
    ]);
  });
});
