import { Client } from 'pg';

/** `CREATE DATABASE` raced by another creator. */
const DUPLICATE_DATABASE = '42P04';

/**
 * Creates each database in `names` that does not exist yet on the server of `adminUrl`;
 * returns the names it created. Existing databases are left as they are (their data is the
 * developer's local state).
 */
export async function ensureDatabases(adminUrl: string, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const created: string[] = [];
    for (const name of names) {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount !== 0) continue;
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        if (!hasCode(error, DUPLICATE_DATABASE)) throw error;
      }
    }
    return created;
  } finally {
    await client.end();
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
