import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { attachmentRefSchema } from '../shared/attachment';
import { smtpReplySchema } from '../shared/mail-delivery';
import { labelSchema, languageSchema, mailAddressSchema, sha256Schema, timestampSchema, uuidSchema } from '../shared/primitives';

const addressSchema = z.object({
  address: mailAddressSchema.describe('Mail address, lower-case.'),
  name: z.string().nullable().describe('Display name from the header, decoded; null when absent.'),
});

const mailAttachmentSchema = attachmentRefSchema.extend({
  partId: z
    .string()
    .min(1)
    .describe('MIME part path inside the stored raw mail (e.g. "2.1"); fetch the content from the mail gateway (gRPC) by mailId and partId, or by sha256.'),
});

const threadingSchema = z.object({
  result: z
    .enum(['header', 'tag', 'new', 'unknown_sender'])
    .describe(
      'header: In-Reply-To/References matched a known Message-ID; tag: the subject tag matched and the sender takes part in the ticket; new: no match, a new ticket; unknown_sender: a valid tag from a sender who is no participant, so a new ticket linked to relatedTicketId.',
    ),
  ticketId: uuidSchema.nullable().describe('Ticket the mail belongs to (results header and tag); null for new tickets.'),
  relatedTicketId: uuidSchema
    .nullable()
    .describe('For unknown_sender: the ticket whose tag the mail carried, to be linked as related; null otherwise.'),
});

const bounceSchema = z.object({
  outboundId: uuidSchema.nullable().describe('The outbound delivery that bounced (helpdesk.mail.sent.v1 outboundId); null when it could not be matched.'),
  ticketId: uuidSchema.nullable().describe('Ticket of the bounced mail; null when it could not be matched.'),
  recipient: mailAddressSchema.nullable().describe('Recipient that failed, from the delivery status notification; null when not given.'),
  smtpReply: smtpReplySchema.nullable().describe('Diagnostic of the remote server, from the DSN; null when not given.'),
});

const classificationSchema = z.object({
  kind: z
    .enum(['regular', 'auto_reply', 'bounce', 'list', 'bulk'])
    .describe(
      'regular: written by a person; auto_reply: Auto-Submitted/X-Autoreply and the like (recorded, never answered); bounce: a delivery status notification; list: mailing-list mail; bulk: Precedence bulk/junk.',
    ),
  autoAcknowledge: z
    .boolean()
    .describe('True when an auto-acknowledgement may be sent for a new ticket: a regular mail whose sender is under the per-address rate limit.'),
  bounce: bounceSchema.nullable().describe('For kind bounce: what bounced; null otherwise.'),
});

const schema = z.object({
  mailId: uuidSchema.describe('Id of the stored raw message in the mail gateway (the audit original).'),
  mailboxId: uuidSchema.describe('Mailbox (SMTP listener address or IMAP account) the mail arrived in.'),
  defaultQueueId: uuidSchema.nullable().describe('Queue the mailbox routes new tickets to; null when the mailbox names none.'),
  defaultCategory: labelSchema.nullable().describe('Category the mailbox assigns to new tickets; null when it names none.'),
  mailboxLanguage: languageSchema.nullable().describe('Language of the mailbox (for templates when the contact has none); null when not set.'),
  messageIdHeader: z.string().min(1).nullable().describe('Message-ID header without angle brackets; null when the mail had none.'),
  inReplyTo: z.string().min(1).nullable().describe('In-Reply-To Message-ID without angle brackets; null when absent.'),
  references: z.array(z.string().min(1)).describe('References Message-IDs in header order, without angle brackets; empty when absent.'),
  from: addressSchema.describe('Sender (From header).'),
  replyTo: addressSchema.nullable().describe('Reply-To header; null when absent (answers go to from).'),
  to: z.array(addressSchema).describe('To recipients; empty when absent.'),
  cc: z.array(addressSchema).describe('Cc recipients; empty when absent.'),
  subject: z.string().describe('Decoded subject, ticket tag included as received; empty when absent.'),
  sentAt: timestampSchema.nullable().describe('Date header; null when absent or unparseable.'),
  receivedAt: timestampSchema.describe('When the gateway durably stored the raw message.'),
  text: z.string().describe('Plain-text body: the new text, quoted reply history removed where recognised (see quotedText).'),
  quotedText: z.string().nullable().describe('The quoted reply history that was split off; null when none was recognised.'),
  html: z.string().nullable().describe('HTML body sanitized to a safe subset; null for text-only mail.'),
  attachments: z.array(mailAttachmentSchema).describe('Attachments and inline parts; empty when none.'),
  rawSha256: sha256Schema.describe('SHA-256 of the raw message as received (with content hash and Message-ID the de-duplication key).'),
  rawSizeBytes: z.int().min(0).describe('Size of the raw message in bytes.'),
  threading: threadingSchema.describe('Which ticket the mail threads to, decided by the gateway.'),
  classification: classificationSchema.describe('Loop and abuse classification.'),
  parseProblems: z
    .array(z.string().min(1))
    .describe('What could not be parsed (malformed MIME, unknown charset…); the ticket gets a note of it. Empty when parsing was clean.'),
  alsoAddressed: z
    .array(
      z.object({
        mailboxId: uuidSchema.describe('The other mailbox.'),
        address: z.string().min(3).describe('Its address, lower-case.'),
      }),
    )
    .optional()
    .describe(
      'Other mailboxes of the platform the mail was addressed to (To, Cc or only the SMTP envelope), in that order. The mail is one ticket, routed by mailboxId (the first mailbox addressed); these are for display and re-routing. Absent in events of gateways before this field.',
    ),
});

/** `helpdesk.mail.received.v1`: an inbound mail was stored and parsed. */
export const mailReceivedV1 = defineEvent({
  type: 'helpdesk.mail.received.v1',
  domain: 'mail',
  description:
    'An inbound mail was stored raw and parsed; carries content, attachment references, the threading decision and the loop classification. The ticket service creates a ticket or appends a message from it.',
  schema,
  example: {
    mailId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e70',
    mailboxId: '01936a00-aaaa-7aaa-8bbb-00000000000a',
    defaultQueueId: '01936a00-5555-7aaa-8bbb-000000000005',
    defaultCategory: 'technical',
    mailboxLanguage: 'de',
    messageIdHeader: 'CAF7x9Q2@mail.example.com',
    inReplyTo: null,
    references: [],
    from: { address: 'max.mustermann@example.com', name: 'Max Mustermann' },
    replyTo: null,
    to: [{ address: 'support@helpdesk.example.com', name: 'Support' }],
    cc: [],
    subject: 'VPN connection fails with error 809',
    sentAt: '2026-11-23T10:14:40.000+01:00',
    receivedAt: '2026-11-23T09:14:42.120Z',
    text: 'Since this morning our VPN does not connect any more, the client says error 809.',
    quotedText: null,
    html: '<p>Since this morning our VPN does not connect any more, the client says error 809.</p>',
    attachments: [
      {
        partId: '2',
        fileName: 'vpn-log.txt',
        contentType: 'text/plain',
        sizeBytes: 18234,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        inline: false,
        contentId: null,
      },
    ],
    rawSha256: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
    rawSizeBytes: 25600,
    threading: { result: 'new', ticketId: null, relatedTicketId: null },
    classification: { kind: 'regular', autoAcknowledge: true, bounce: null },
    parseProblems: [],
    alsoAddressed: [],
  },
});

/** Data of `helpdesk.mail.received.v1`. */
export type MailReceivedV1 = z.infer<typeof schema>;
