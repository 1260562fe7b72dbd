import type { EntityManager } from 'typeorm';
import { platformTable, schemaOf } from '../util/platform-table';

/**
 * Records `(consumer, event id)` in the transaction; false when it was there already, i.e. the
 * event was handled before and this delivery must change nothing. A concurrent delivery of the
 * same event waits on the row lock and then sees the committed row.
 */
export async function recordInInbox(manager: EntityManager, consumer: string, eventId: string, type: string): Promise<boolean> {
  const rows: unknown = await manager.query(
    `INSERT INTO ${platformTable('inbox', schemaOf(manager.connection.options))} (consumer, event_id, type)
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS fresh`,
    [consumer, eventId, type],
  );
  return Array.isArray(rows) && rows.length === 1;
}
