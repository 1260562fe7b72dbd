import { slaEscalatedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import type { OutboundQueue } from './outbound-queue';

/** An SLA escalation mails its recipients a notification. */
export function onSlaEscalated(queue: OutboundQueue) {
  return eventHandler({
    event: slaEscalatedV1,
    durable: 'mail-gateway-sla-escalated',
    appliesTo: ({ data }) => data.recipients.length > 0,
    handle: ({ data }, tx) => queue.queueEscalation(tx.manager, data),
  });
}
