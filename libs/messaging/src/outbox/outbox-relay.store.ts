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

/**
 * The relay's SQL, as named prepared statements on the relay's own small pool. The "next rows"
 * query walks the partial index `outbox_unpublished`; the JSON document is read as text and the
 * trace fields by operator, so the relay never parses an envelope.
 */
export class OutboxRelayStore {
  constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  async next(limit: number): Promise<RelayRow[]> {
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
      text: `SELECT position::text AS position, event_id::text AS event_id, type, envelope::text AS envelope,
                    envelope->>'traceparent' AS traceparent, envelope->>'tracestate' AS tracestate,
                    (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
               FROM ${this.table}
              WHERE published_at IS NULL
              ORDER BY position
              LIMIT $1`,
      values: [limit],
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

  async backlog(): Promise<number> {
    const result = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table} WHERE published_at IS NULL`);
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
