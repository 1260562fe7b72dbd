import type { DataSource } from 'typeorm';
import { runMigrations } from './migration-runner';

/**
 * The body of a service's `migrate` command (`node dist/main.js migrate`, the Kubernetes
 * migration Job): applies pending migrations, prints what it applied, and closes the pool.
 */
export async function migrateCommand(dataSource: DataSource, print: (line: string) => void = console.log): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    print(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: database is up to date');
  } finally {
    await dataSource.destroy();
  }
}
