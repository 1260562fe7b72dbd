import { ticketMessageAddedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
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
    handle: async ({ data }, tx) => {
      await index.messageAdded(tx.manager, data);
      if (isMailToSend(data.message)) await queue.queueTicketMessage(tx.manager, data);
    },
  });
}
