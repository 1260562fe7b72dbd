import { z } from 'zod';
import { actorSchema } from './actor';
import { attachmentRefSchema } from './attachment';
import { mailAddressSchema, timestampSchema, uuidSchema } from './primitives';

/** Who may see a message: the customer, agents only, or a supplier working on the ticket. */
export const messageAudienceSchema = z.enum(['customer', 'internal', 'supplier']);
/** How a message was exchanged. */
export const messageMediumSchema = z.enum(['email', 'phone', 'chat', 'portal', 'note', 'system']);
/** Whether a message came to the service desk or went out from it. */
export const messageDirectionSchema = z.enum(['inbound', 'outbound']);
/** Why an outbound message exists; the mail gateway picks template and headers by it. */
export const messagePurposeSchema = z.enum(['reply', 'auto_acknowledgement', 'notification']);

/** One entry of a ticket's communication log. */
export const ticketMessageSchema = z.object({
  messageId: uuidSchema.describe('Id of the message in the ticket service.'),
  audience: messageAudienceSchema.describe(
    'customer: visible to the customer; internal: agents only, never shown to customers; supplier: exchanged with a supplier, never shown to customers.',
  ),
  medium: messageMediumSchema.describe('How the message was exchanged; note for internal notes, system for messages the platform wrote.'),
  direction: messageDirectionSchema.describe('inbound: came from a customer or supplier; outbound: sent (or to be sent) by the service desk.'),
  purpose: messagePurposeSchema.describe(
    'reply: a normal message; auto_acknowledgement: the automatic "we received your request" answer (never answered back); notification: a platform notice such as an escalation.',
  ),
  author: actorSchema.describe('Who wrote the message.'),
  from: mailAddressSchema.nullable().describe('Sender mail address for email messages; null for other media.'),
  to: z.array(mailAddressSchema).describe('Recipients (To) of an email message; empty for other media.'),
  cc: z.array(mailAddressSchema).describe('Copy recipients (Cc) of an email message; empty when none.'),
  subject: z.string().nullable().describe('Subject for email messages (without the ticket tag, the mail gateway adds it); null otherwise.'),
  text: z.string().describe('Plain-text body; the new text only, with quoted reply history removed where it was recognised.'),
  html: z.string().nullable().describe('Sanitized HTML body (safe subset); null when the message has only text.'),
  attachments: z
    .array(attachmentRefSchema)
    .describe('Attached files; content is fetched from the ticket service by sha256 (gRPC). Empty when none.'),
  mailId: uuidSchema
    .nullable()
    .describe('For inbound mail: the mail gateway\'s id of the raw message (helpdesk.mail.received.v1 mailId); null otherwise.'),
  callId: uuidSchema.nullable().describe('For phone messages: the telephony gateway\'s call id; null otherwise.'),
  inReplyToMessageId: uuidSchema
    .nullable()
    .describe('The ticket message this one answers; the mail gateway threads the outbound mail to it. Null when it starts a thread.'),
  createdAt: timestampSchema.describe('When the message was written or received.'),
});

/** One entry of a ticket's communication log. */
export type TicketMessage = z.infer<typeof ticketMessageSchema>;
