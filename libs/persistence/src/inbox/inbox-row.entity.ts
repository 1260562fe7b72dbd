import { EntitySchema } from 'typeorm';

/** One processed event per durable consumer. */
export interface InboxRow {
  consumer: string;
  eventId: string;
  type: string;
  receivedAt: Date;
}

export const InboxRowEntity = new EntitySchema<InboxRow>({
  name: 'InboxRow',
  tableName: 'inbox',
  columns: {
    consumer: { type: 'text', primary: true },
    eventId: { name: 'event_id', type: 'text', primary: true },
    type: { type: 'text' },
    receivedAt: { name: 'received_at', type: 'timestamptz', createDate: true },
  },
});
