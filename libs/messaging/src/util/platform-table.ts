import type { DataSourceOptions } from 'typeorm';

/** A platform table (`outbox`, `inbox`, `outbox_parked`), qualified when the service keeps its tables in a schema. */
export function platformTable(table: 'outbox' | 'inbox' | 'outbox_parked', schema?: string): string {
  return schema ? `"${schema.replace(/"/g, '""')}".${table}` : table;
}

/** The PostgreSQL schema a TypeORM DataSource is configured with, if any. */
export function schemaOf(options: DataSourceOptions): string | undefined {
  return 'schema' in options && typeof options.schema === 'string' ? options.schema : undefined;
}
