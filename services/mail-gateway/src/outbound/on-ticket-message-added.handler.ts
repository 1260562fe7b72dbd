import { ticketMessageAddedV1, type TicketMessageAddedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { READ_MODEL_BATCH } from '../read-models/on-ticket-created.handler';
import { TicketMailIndex } from '../read-models/ticket-mail-index';
import { isMailToSend } from './outbound-composition';
import type { OutboundQueue } from './outbound-queue';

/**
 * Every ticket message keeps the thread index current (numbers, Message-IDs, participants);
 * outbound email to a customer or supplier is queued for sending. One durable for both, so an
 * inbound mail's Message-ID is known before the answer to it (the auto-acknowledgement) is queued.
 */
export function onTicketMessageAdded(queue: OutboundQueue) {
  const index = new TicketMailIndex();
  return eventHandler({
    event: ticketMessageAddedV1,
    durable: 'mail-gateway-ticket-messages',
    handle: ({ data }, tx) => apply(data, tx.manager),
    // A mail that opens a ticket brings two of these (the mail, the auto-acknowledgement): the
    // events that arrived meanwhile share one transaction and one inbox statement, each applied
    // as by `handle`, in stream order (libs/messaging README "Batches").
    handleBatch: async (events, tx) => {
      for (const { data } of events) await apply(data, tx.manager);
    },
    batchSize: READ_MODEL_BATCH,
  });

  async function apply(data: TicketMessageAddedV1, manager: EntityManager): Promise<void> {
    await index.messageAdded(manager, data);
    if (isMailToSend(data.message)) await queue.queueTicketMessage(manager, data);
  }
}
