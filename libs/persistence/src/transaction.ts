import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one database transaction (READ COMMITTED unless told otherwise) and commits,
 * or rolls back when it throws. Everything a use case changes, outbox rows included, goes
 * through the `EntityManager` it is given.
 */
export function withTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE' = 'READ COMMITTED',
): Promise<T> {
  return dataSource.transaction(isolation, work);
}
