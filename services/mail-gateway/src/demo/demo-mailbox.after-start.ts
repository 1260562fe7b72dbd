import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { MailGatewayConfig } from '../config';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import { MailboxesService } from '../mailboxes/mailboxes.service';
import type { NewMailbox } from '../mailboxes/mailbox';

/**
 * The demo mailbox: mail to support@helpdesk.localhost on the SMTP port becomes a German-speaking
 * technical ticket (the ticket service's demo queues route technical tickets to its 1st level
 * queue by rule, so the mailbox names no queue id of its own).
 */
export const DEMO_MAILBOX: NewMailbox = {
  name: 'Helpdesk Support',
  address: 'support@helpdesk.localhost',
  language: 'de',
  defaultQueueId: null,
  defaultCategory: 'technical',
  imap: null,
};

/** With `DEMO_DATA=true` and no mailbox yet, creates the demo mailbox and logs it. */
export async function loadDemoMailbox(app: INestMicroservice, config: Pick<MailGatewayConfig, 'DEMO_DATA' | 'MAIL_SMTP_PORT'>, logger: Logger): Promise<void> {
  if (!config.DEMO_DATA) return;
  const dataSource = app.get<DataSource>(DATA_SOURCE);
  if ((await new MailboxesRepository(dataSource.manager).count()) > 0) return;
  try {
    const mailbox = await app.get(MailboxesService).create(DEMO_MAILBOX);
    logger.info({ mailboxId: mailbox.id }, `demo mailbox ${mailbox.address}: deliver mail to it over SMTP on port ${config.MAIL_SMTP_PORT}`);
  } catch (error) {
    // A replica starting at the same moment created it first.
    logger.debug({ err: error }, 'demo mailbox exists already');
  }
}
