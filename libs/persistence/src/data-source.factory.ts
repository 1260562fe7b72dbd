import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';

type EntityTarget = EntitySchema | (new (...args: never[]) => object);
type MigrationClass = new () => MigrationInterface;

/** How a service reaches its own database. */
export interface DataSourceConfig {
  /** `postgres://` URL of the service's own database. */
  readonly url: string;
  /** Optional PostgreSQL schema when several services share one database. */
  readonly schema?: string;
  readonly entities: readonly EntityTarget[];
  /** The service's migrations, in order; include `platformMigrations` for outbox and inbox. */
  readonly migrations: readonly MigrationClass[];
  /** Pool size per replica (default 10). */
  readonly poolSize?: number;
  /** Application name shown in `pg_stat_activity`. */
  readonly applicationName?: string;
}

/**
 * A TypeORM DataSource for one service. `synchronize` is always off: the schema comes only
 * from committed migrations, applied by {@link runMigrations} at start or by the `migrate` command.
 */
export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    entities: [...config.entities],
    migrations: [...config.migrations],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: config.poolSize ?? 10,
    applicationName: config.applicationName,
    logging: false,
  });
}
