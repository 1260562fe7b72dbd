import { mailReceivedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import type { InboundSettings } from './inbound-settings';
import { MailIntakeService } from './mail-intake.service';

/**
 * An inbound mail becomes a ticket, or a message on the ticket it threads to, with an
 * auto-acknowledgement for a new ticket; loop mail is recorded internally or dropped.
 */
export function onMailReceived(settings: InboundSettings, clock: () => Date = () => new Date()) {
  const intake = new MailIntakeService(settings);
  return eventHandler({
    event: mailReceivedV1,
    durable: 'ticket-mail-received',
    handle: ({ data }, tx) => intake.receive(tx, data, clock()),
  });
}
