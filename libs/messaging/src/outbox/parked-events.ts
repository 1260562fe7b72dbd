import type { DataSource } from 'typeorm';
import { platformTable, schemaOf } from '../util/platform-table';

/** Which parked events to act on; empty = all of them. */
export interface ParkedEventFilter {
  readonly eventIds?: readonly string[];
  readonly types?: readonly string[];
}

/** One row of `outbox_parked`, without the envelope. */
export interface ParkedEvent {
  readonly eventId: string;
  readonly type: string;
  /** The outbox position it had when it was parked. */
  readonly position: string;
  readonly sizeBytes: number;
  readonly reason: string;
  readonly createdAt: Date;
  readonly parkedAt: Date;
}

/** A parked event put back into the outbox, at its new position. */
export interface RequeuedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly position: string;
}

function tables(dataSource: DataSource): { outbox: string; parked: string } {
  const schema = schemaOf(dataSource.options);
  return { outbox: platformTable('outbox', schema), parked: platformTable('outbox_parked', schema) };
}

function filterValues(filter: ParkedEventFilter): [string[] | null, string[] | null] {
  return [filter.eventIds ? [...filter.eventIds] : null, filter.types ? [...filter.types] : null];
}

/** The parked events of the service's database, oldest first. */
export async function listParkedEvents(dataSource: DataSource, filter: ParkedEventFilter = {}): Promise<ParkedEvent[]> {
  const { parked } = tables(dataSource);
  const rows: { event_id: string; type: string; position: string; payload_bytes: number; reason: string; created_at: Date; parked_at: Date }[] =
    await dataSource.query(
      `SELECT event_id::text AS event_id, type, position::text AS position, payload_bytes, reason, created_at, parked_at
         FROM ${parked}
        WHERE ($1::uuid[] IS NULL OR event_id = ANY($1::uuid[])) AND ($2::text[] IS NULL OR type = ANY($2::text[]))
        ORDER BY position`,
      filterValues(filter),
    );
  return rows.map((r) => ({
    eventId: r.event_id,
    type: r.type,
    position: r.position,
    sizeBytes: r.payload_bytes,
    reason: r.reason,
    createdAt: r.created_at,
    parkedAt: r.parked_at,
  }));
}

/**
 * Puts parked events back into the outbox (after NATS's `max_payload` or the stream's
 * `max_msg_size` has been raised), in one statement: each row leaves `outbox_parked` and gets a
 * new outbox position at the end, in its original order, with the same event id (so JetStream's
 * de-duplication and the consumers' inboxes still recognise it). The outbox trigger wakes the
 * running relay, which publishes them, or parks them again if they still do not fit.
 */
export async function requeueParkedEvents(dataSource: DataSource, filter: ParkedEventFilter = {}): Promise<RequeuedEvent[]> {
  const { outbox, parked } = tables(dataSource);
  const rows: { event_id: string; type: string; position: string }[] = await dataSource.query(
    `WITH moved AS (
       DELETE FROM ${parked}
        WHERE ($1::uuid[] IS NULL OR event_id = ANY($1::uuid[])) AND ($2::text[] IS NULL OR type = ANY($2::text[]))
       RETURNING position, event_id, type, envelope, attempts, reason
     )
     INSERT INTO ${outbox} (event_id, type, envelope, attempts, last_error)
     SELECT event_id, type, envelope, attempts, 'requeued after being parked: ' || reason FROM moved ORDER BY position
     RETURNING event_id::text AS event_id, type, position::text AS position`,
    filterValues(filter),
  );
  return rows
    .map((r) => ({ eventId: r.event_id, type: r.type, position: r.position }))
    .sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
}
