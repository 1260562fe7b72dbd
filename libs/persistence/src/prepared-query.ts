import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';

/** The part of a pg pool client this needs (TypeORM hands it out untyped). */
interface PgClient {
  query(config: { readonly name: string; readonly text: string; readonly values: unknown[] }): Promise<{ readonly rows: unknown[] }>;
}

const names = new Map<string, string>();

/** A name per statement text: pg prepares a name once per connection and refuses one name for two texts. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `hd_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one statement outside any transaction as a named prepared statement on a connection of
 * the DataSource's pool: PostgreSQL parses and plans it once per connection instead of on every
 * call, as it does for TypeORM's `query` (which sends every statement unnamed). For the few hot
 * statements whose text never changes (ticket numbers and creation INSERTs, the knowledge search). Fails like
 * `EntityManager.query`: a statement error is a `QueryFailedError` wrapping the driver's error.
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    try {
      return (await client.query({ name: nameOf(text), text, values: [...values] })).rows as T[];
    } catch (error) {
      throw new QueryFailedError(text, [...values], error instanceof Error ? error : new Error(String(error)));
    }
  } finally {
    await runner.release();
  }
}
