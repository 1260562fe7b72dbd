import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { mailDeliveryBaseSchema, smtpReplySchema } from '../shared/mail-delivery';
import { timestampSchema } from '../shared/primitives';

const schema = mailDeliveryBaseSchema.extend({
  sentAt: timestampSchema.describe('When the receiving server accepted the mail.'),
  smtpReply: smtpReplySchema.describe('The accepting server\'s reply (2xx).'),
});

/** `helpdesk.mail.sent.v1`: an outbound mail was accepted by the next SMTP server. */
export const mailSentV1 = defineEvent({
  type: 'helpdesk.mail.sent.v1',
  domain: 'mail',
  description:
    'An outbound mail (ticket reply, auto-acknowledgement or notification) was accepted by the next SMTP server; the ticket shows it as delivered. A later bounce arrives as helpdesk.mail.failed.v1.',
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
    sentAt: '2026-11-23T10:42:03.000Z',
    smtpReply: { code: 250, enhancedStatus: '2.0.0', text: '2.0.0 Ok: queued as 4F2A81C' },
  },
});

/** Data of `helpdesk.mail.sent.v1`. */
export type MailSentV1 = z.infer<typeof schema>;
