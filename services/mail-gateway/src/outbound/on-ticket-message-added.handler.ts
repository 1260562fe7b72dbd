import { ticketMessageAddedV1, type TicketMessageAddedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { READ_MODEL_BATCH } from '../read-models/on-ticket-created.handler';
import { TicketMailBatch } from '../read-models/ticket-mail-batch';
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
  const batch = new TicketMailBatch();
  return eventHandler({
    event: ticketMessageAddedV1,
    durable: 'mail-gateway-ticket-messages',
    handle: ({ data }, tx) => apply(data, tx.manager),
    // A mail that opens a ticket brings two of these (the mail, the auto-acknowledgement): the
    // events that arrived meanwhile share one transaction and one inbox statement (libs/messaging
    // README "Batches"), one statement for the thread index of all, and one read and one write for
    // the mails to queue — the result of applying them one after another, in stream order.
    handleBatch: async (events, tx) => {
      const data = events.map((e) => e.data);
      await batch.messagesAdded(tx.manager, data);
      await queue.queueTicketMessages(tx.manager, data.filter((d) => isMailToSend(d.message)));
    },
    batchSize: READ_MODEL_BATCH,
  });

  async function apply(data: TicketMessageAddedV1, manager: EntityManager): Promise<void> {
    await index.messageAdded(manager, data);
    if (isMailToSend(data.message)) await queue.queueTicketMessage(manager, data);
  }
}
