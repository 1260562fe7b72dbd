import { ticketWorklogVoidedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { ItemsRepository } from './items.repository';
import { workItem } from './on-worklog-recorded.handler';

/**
 * A voided entry stops counting: before invoicing its item is simply left out of runs; after
 * invoicing the next run writes a reversal line. A void that overtakes its entry stores the
 * entry as voided, so the late `recorded` event changes nothing.
 */
export function onWorklogVoided(timeZone: string, clock: () => Date = () => new Date()) {
  return eventHandler({
    event: ticketWorklogVoidedV1,
    durable: 'billing-worklog-voided',
    async handle({ data }, tx) {
      const items = new ItemsRepository(tx.manager, timeZone);
      const voidedAt = new Date(data.voidedAt);
      if (await items.voidWorklog(data.voidedEntry.entryId, voidedAt, data.reason)) return;
      const inserted = await items.insertOnce(workItem(data.ticket, data.voidedEntry, data.ticket.contractId, { at: voidedAt, reason: data.reason }), clock());
      // The entry's own insert committed while this one waited on it: void the row it wrote.
      if (inserted === null) await items.voidWorklog(data.voidedEntry.entryId, voidedAt, data.reason);
    },
  });
}
