import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { mailDeliveryBaseSchema, smtpReplySchema } from '../shared/mail-delivery';
import { timestampSchema, uuidSchema } from '../shared/primitives';

const schema = mailDeliveryBaseSchema.extend({
  failure: z
    .enum(['rejected', 'retries_exhausted', 'bounced', 'invalid'])
    .describe(
      'rejected: permanent SMTP error (5xx); retries_exhausted: temporary errors (4xx) until the retry limit; bounced: accepted, then a delivery status notification reported failure; invalid: could not be sent at all (no valid recipient, mailbox misconfigured).',
    ),
  failedAt: timestampSchema.describe('When the gateway gave up, or received the bounce.'),
  smtpReply: smtpReplySchema.nullable().describe('The last SMTP reply or the DSN diagnostic; null when there was none (invalid).'),
  bounceMailId: uuidSchema.nullable().describe('For bounced: the received DSN (helpdesk.mail.received.v1 mailId); null otherwise.'),
});

/** `helpdesk.mail.failed.v1`: an outbound mail could not be delivered; final. */
export const mailFailedV1 = defineEvent({
  type: 'helpdesk.mail.failed.v1',
  domain: 'mail',
  description:
    'An outbound mail could not be delivered and the gateway will not try again (permanent error, retries exhausted, or a bounce after acceptance); the ticket shows the failure with the SMTP reply.',
  schema,
  example: {
    outboundId: '01936b2f-1000-7abc-8def-000000000051',
    mailboxId: '01936a00-aaaa-7aaa-8bbb-00000000000a',
    ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
    ticketMessageId: '01936b2f-0000-7abc-8def-000000000011',
    purpose: 'reply',
    messageIdHeader: '01936b2f-1000-7abc-8def-000000000051@helpdesk.example.com',
    to: ['max.mustermann@example.com'],
    cc: [],
    subject: '[Ticket#T-100234] VPN connection fails with error 809',
    attempts: 1,
    failure: 'rejected',
    failedAt: '2026-11-23T10:42:03.000Z',
    smtpReply: { code: 550, enhancedStatus: '5.1.1', text: '5.1.1 <max.mustermann@example.com>: Recipient address rejected: User unknown' },
    bounceMailId: null,
  },
});

/** Data of `helpdesk.mail.failed.v1`. */
export type MailFailedV1 = z.infer<typeof schema>;
