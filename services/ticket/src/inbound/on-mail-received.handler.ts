import { mailReceivedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import type { InboundSettings } from './inbound-settings';
import { MailBatchIntake } from './mail-batch-intake.service';
import { MailIntakeService } from './mail-intake.service';

/**
 * Most mails one transaction takes. Large enough that the batch's dozen statements cost little
 * per mail; small enough that a batch that fails (and is then handled mail by mail) or a
 * statement of its JSON rows stays modest.
 */
export const MAIL_BATCH_SIZE = 200;

/**
 * An inbound mail becomes a ticket, or a message on the ticket it threads to, with an
 * auto-acknowledgement for a new ticket; loop mail is recorded internally or dropped. Waiting
 * mails are taken in batches (one transaction, one inbox statement, set-based writes); a batch
 * that fails is rolled back by the consumer runner and its mails handled one by one, so one bad
 * mail never holds up the others.
 */
export function onMailReceived(settings: InboundSettings, clock: () => Date = () => new Date()) {
  const intake = new MailIntakeService(settings);
  const batch = new MailBatchIntake(settings, intake);
  return eventHandler({
    event: mailReceivedV1,
    durable: 'ticket-mail-received',
    batchSize: MAIL_BATCH_SIZE,
    handle: ({ data }, tx) => intake.receive(tx, data, clock()),
    handleBatch: (events, tx) => batch.receive(tx, events.map(({ data }) => data), clock()),
  });
}
