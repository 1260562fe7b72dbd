import { EntitySchema } from 'typeorm';

/** One outbox row: a CloudEvent waiting to be (or already) published. */
export interface OutboxRow {
  position: string;
  eventId: string;
  type: string;
  envelope: Record<string, unknown>;
  createdAt: Date;
  publishedAt: Date | null;
  attempts: number;
  lastError: string | null;
}

/** Decorator-free mapping of the `outbox` table (so scripts run without decorator metadata). */
export const OutboxRowEntity = new EntitySchema<OutboxRow>({
  name: 'OutboxRow',
  tableName: 'outbox',
  columns: {
    position: { type: 'bigint', primary: true, generated: 'increment' },
    eventId: { name: 'event_id', type: 'uuid', unique: true },
    type: { type: 'text' },
    envelope: { type: 'jsonb' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    publishedAt: { name: 'published_at', type: 'timestamptz', nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { name: 'last_error', type: 'text', nullable: true },
  },
});
