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

/**
 * Records a batch of `(consumer, event id)` rows with one statement; returns the ids that were
 * new. Ids are inserted in sorted order so that two transactions with overlapping batches lock
 * the same rows in the same order (no deadlock); a row another open transaction holds makes
 * this one wait and then count the event as seen.
 */
export async function recordBatchInInbox(manager: EntityManager, consumer: string, events: readonly { readonly id: string; readonly type: string }[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO ${platformTable('inbox', schemaOf(manager.connection.options))} (consumer, event_id, type)
     SELECT $1, e.id, e.type FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS e(id, type, n) ORDER BY e.n
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, sorted.map((e) => e.id), sorted.map((e) => e.type)],
  );
  return new Set(rows.map((r) => r.event_id));
}
