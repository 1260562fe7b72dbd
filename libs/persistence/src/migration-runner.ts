import type { DataSource } from 'typeorm';

/**
 * Applies pending migrations, each in its own transaction, under a PostgreSQL advisory lock so
 * that replicas starting together (or a migration Job racing a rolling update) apply each
 * migration exactly once. Returns the names applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['helpdesk:migrations']);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['helpdesk:migrations']);
    }
  } finally {
    await runner.release();
  }
}

/** True when every migration known to the DataSource has been applied (used by `/readyz`). */
export async function migrationsApplied(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}
