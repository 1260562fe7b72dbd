import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one database transaction (READ COMMITTED unless told otherwise) and commits,
 * or rolls back when it throws. Everything a use case changes, outbox rows included, goes
 * through the `EntityManager` it is given.
 */
export function withTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation?: 'REPEATABLE READ' | 'SERIALIZABLE',
): Promise<T> {
  // Without an explicit level PostgreSQL's default (READ COMMITTED) applies, and TypeORM saves the
  // extra SET TRANSACTION round trip on every write.
  return isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work);
}
