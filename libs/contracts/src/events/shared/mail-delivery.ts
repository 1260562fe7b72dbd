import { z } from 'zod';
import { mailAddressSchema, uuidSchema } from './primitives';
import { messagePurposeSchema } from './ticket-message';

/** An SMTP reply as the receiving server gave it. */
export const smtpReplySchema = z.object({
  code: z.int().min(200).max(599).describe('SMTP reply code, e.g. 250, 450, 550.'),
  enhancedStatus: z
    .string()
    .regex(/^[245]\.\d{1,3}\.\d{1,3}$/)
    .nullable()
    .describe('RFC 3463 enhanced status code such as "5.1.1"; null when the server gave none.'),
  text: z.string().describe('Reply text of the server, e.g. "5.1.1 user unknown".'),
});

/** An SMTP reply. */
export type SmtpReply = z.infer<typeof smtpReplySchema>;

/** Fields shared by `helpdesk.mail.sent.v1` and `helpdesk.mail.failed.v1`. */
export const mailDeliveryBaseSchema = z.object({
  outboundId: uuidSchema.describe('Id of the outbound delivery in the mail gateway.'),
  mailboxId: uuidSchema.describe('Mailbox the mail was sent from.'),
  ticketId: uuidSchema.nullable().describe('Ticket the mail belongs to; null for notifications not tied to a ticket.'),
  ticketMessageId: uuidSchema
    .nullable()
    .describe('Ticket message that was sent (helpdesk.ticket.message.added.v1 message.messageId); null for gateway-made notifications such as escalation mails.'),
  purpose: messagePurposeSchema.describe('reply, auto_acknowledgement or notification.'),
  messageIdHeader: z.string().min(1).describe('The Message-ID header the gateway generated, without angle brackets.'),
  to: z.array(mailAddressSchema).min(1).describe('Envelope recipients.'),
  cc: z.array(mailAddressSchema).describe('Copy recipients; empty when none.'),
  subject: z.string().describe('Subject as sent, including the ticket tag.'),
  attempts: z.int().min(1).describe('Delivery attempts made so far, including this one.'),
});
