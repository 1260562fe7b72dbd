/**
 * The rows of an `UPDATE … RETURNING` run through TypeORM's `manager.query`: for UPDATE and
 * DELETE its PostgreSQL driver answers `[rows, affectedCount]` instead of the rows.
 */
export function returningRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
