import type { Pool } from 'pg';

/** One unpublished outbox row, in the shape the relay publishes it. */
export interface RelayRow {
  /** bigint as text: the publish order. */
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  /** The CloudEvent JSON, sent as the message payload unchanged. */
  readonly envelope: string;
  readonly traceparent: string | null;
  readonly tracestate: string | null;
  /** Insert time in Unix milliseconds (for the commit→ack delay). */
  readonly createdAtMs: number;
}

/** A row to move to `outbox_parked`, with why. */
export interface ParkedRow {
  readonly position: string;
  readonly sizeBytes: number;
  readonly reason: string;
}

/**
 * The relay's SQL, as named prepared statements on the relay's own small pool. The "next rows"
 * query walks the partial index `outbox_unpublished` from a floor position: rows marked published
 * leave dead entries at the front of that index until VACUUM, and starting above them keeps a
 * pass cheap however long ago the table was vacuumed. The JSON document is read as text and the
 * trace fields by operator, so the relay never parses an envelope.
 */
export class OutboxRelayStore {
  constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly parkedTable: string,
  ) {}

  /** The first `limit` unpublished rows above `floor` (a position; '0' for all), in position order. */
  async next(limit: number, floor: string): Promise<RelayRow[]> {
    const result = await this.pool.query<{
      position: string;
      event_id: string;
      type: string;
      envelope: string;
      traceparent: string | null;
      tracestate: string | null;
      created_ms: number;
    }>({
      name: `outbox-next:${this.table}`,
      // ORDER BY names the column, not the text alias, which would sort '10' before '9'.
      text: `SELECT o.position::text AS position, o.event_id::text AS event_id, o.type, o.envelope::text AS envelope,
                    o.envelope->>'traceparent' AS traceparent, o.envelope->>'tracestate' AS tracestate,
                    (extract(epoch FROM o.created_at) * 1000)::float8 AS created_ms
               FROM ${this.table} AS o
              WHERE o.published_at IS NULL AND o.position > $2
              ORDER BY o.position
              LIMIT $1`,
      values: [limit, floor],
    });
    return result.rows.map((r) => ({
      position: r.position,
      eventId: r.event_id,
      type: r.type,
      envelope: r.envelope,
      traceparent: r.traceparent,
      tracestate: r.tracestate,
      createdAtMs: r.created_ms,
    }));
  }

  async markPublished(positions: readonly string[]): Promise<void> {
    await this.pool.query({
      name: `outbox-published:${this.table}`,
      text: `UPDATE ${this.table} SET published_at = now(), attempts = attempts + 1 WHERE position = ANY($1::bigint[])`,
      values: [positions],
    });
  }

  async recordFailure(position: string, error: string): Promise<void> {
    await this.pool.query({
      name: `outbox-failed:${this.table}`,
      text: `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE position = $1`,
      values: [position, error.slice(0, 2_000)],
    });
  }

  /**
   * Moves rows out of the outbox into the parked table, whole, in one statement (so in one
   * transaction: a row is in exactly one of the two tables). Only unpublished rows move, so a row
   * that another relay published meanwhile stays where it is. Returns the positions moved.
   */
  async park(rows: readonly ParkedRow[]): Promise<string[]> {
    const result = await this.pool.query<{ position: string }>({
      name: `outbox-park:${this.table}`,
      text: `WITH why AS (
               SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[]) AS w(position, payload_bytes, reason)
             ), moved AS (
               DELETE FROM ${this.table} AS o USING why
                WHERE o.position = why.position AND o.published_at IS NULL
               RETURNING o.position, o.event_id, o.type, o.envelope, o.created_at, o.attempts, o.last_error, why.payload_bytes, why.reason
             )
             INSERT INTO ${this.parkedTable} (position, event_id, type, envelope, created_at, attempts, last_error, payload_bytes, reason)
             SELECT position, event_id, type, envelope, created_at, attempts + 1, last_error, payload_bytes, reason FROM moved
             RETURNING position::text AS position`,
      values: [rows.map((r) => r.position), rows.map((r) => r.sizeBytes), rows.map((r) => r.reason.slice(0, 2_000))],
    });
    return result.rows.map((r) => r.position);
  }

  /** Unpublished rows above the floor (stragglers below it are rare and left out, see next()). */
  async backlog(floor: string): Promise<number> {
    const result = await this.pool.query<{ n: string }>({
      name: `outbox-backlog:${this.table}`,
      text: `SELECT count(*) AS n FROM ${this.table} WHERE published_at IS NULL AND position > $1`,
      values: [floor],
    });
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Deletes rows published more than `retentionMs` ago, in slices that keep locks short. */
  async purge(retentionMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.pool.query(
        `DELETE FROM ${this.table} WHERE position IN (
           SELECT position FROM ${this.table}
            WHERE published_at < now() - $1 * interval '1 millisecond'
            LIMIT 5000)`,
        [retentionMs],
      );
      total += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) < 5000) return total;
    }
  }
}
