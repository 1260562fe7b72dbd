import { Client } from 'pg';
import { testInfrastructure } from './infrastructure';
import { uniqueName } from './unique-name';

/** A database of its own for one test file; creating one costs milliseconds. */
export interface TestDatabase {
  readonly name: string;
  /** Connection URL of the new database. */
  readonly url: string;
  /** Runs one statement on its own connection and returns the rows (for checking what a service wrote). */
  query<T extends object>(text: string, values?: readonly unknown[]): Promise<T[]>;
  /** Drops the database, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

/** Creates a fresh, empty database on the test PostgreSQL. */
export async function createTestDatabase(label?: string): Promise<TestDatabase> {
  const { postgresAdminUrl } = await testInfrastructure();
  const name = uniqueName(label);
  await adminQuery(postgresAdminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    query: async <T extends object>(text: string, values: readonly unknown[] = []) => {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query<T>(text, [...values])).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => adminQuery(postgresAdminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
