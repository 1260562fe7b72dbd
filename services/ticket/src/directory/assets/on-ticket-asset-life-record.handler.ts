import { ticketCreatedV1, ticketUpdatedV1 } from '@helpdesk/contracts';
import { eventHandler, uuidv7 } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { entriesForTicketCreated, entriesForTicketUpdated, type LifeRecordEntry } from './life-record';
import { LifeRecordRepository } from './life-record.repository';
import { namesNoAsset } from '../../shared/ticket-event-document';

// The ticket service consumes its own ticket events to keep the assets' life records: the
// ticket's transaction stays as short as before, and a record that lags a moment behind is
// fine for documentation. One durable per event type, because a nats-server 2.9 consumer takes
// a single subject filter.

/** Writes the entries (duplicates of an event already recorded, and unknown assets, are skipped). */
async function record(manager: EntityManager, entries: readonly LifeRecordEntry[]): Promise<void> {
  const repository = new LifeRecordRepository();
  for (const entry of entries) await repository.insert(manager, entry);
}

/** A new ticket that names assets: an entry on each asset's life record. */
export const lifeRecordOnTicketCreated = eventHandler({
  event: ticketCreatedV1,
  durable: 'ticket-asset-life-record-created',
  // Most tickets name no asset: those need no transaction at all, and not even decoding (the
  // service validated its own event when it wrote it).
  appliesToDocument: (document) => !namesNoAsset(document),
  appliesTo: ({ data }) => data.ticket.assetIds.length > 0,
  async handle({ id, time, data }, tx) {
    await record(tx.manager, entriesForTicketCreated(data, { eventId: id, time: new Date(time) }, uuidv7));
  },
});

/** A ticket whose assets changed: an entry on each asset it now names or no longer names. */
export const lifeRecordOnTicketUpdated = eventHandler({
  event: ticketUpdatedV1,
  durable: 'ticket-asset-life-record-updated',
  appliesTo: ({ data }) => data.changes.some((change) => change.field === 'assetIds'),
  async handle({ id, time, data }, tx) {
    await record(tx.manager, entriesForTicketUpdated(data, { eventId: id, time: new Date(time) }, uuidv7));
  },
});

/** The life record's handlers, for `MessagingModule.forRoot({ handlers })`. */
export const assetLifeRecordHandlers = [lifeRecordOnTicketCreated, lifeRecordOnTicketUpdated] as const;
