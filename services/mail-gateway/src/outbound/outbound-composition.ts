import type { TicketMessageAddedV1 } from '@helpdesk/contracts';
import type { SubjectTag } from '../shared/subject-tag';
import type { OutboundMail } from './outbound-mail';
import { acknowledgementText, templateLanguage, type TemplateLanguage } from './templates';

/** Whether a ticket message is one the gateway sends: an outbound email to the customer or a supplier. */
export function isMailToSend(message: TicketMessageAddedV1['message']): boolean {
  return message.direction === 'outbound' && message.medium === 'email' && (message.audience === 'customer' || message.audience === 'supplier') && message.to.length > 0;
}

/** What composing an outbound mail needs besides the event. */
export interface CompositionContext {
  readonly id: string;
  readonly hostname: string;
  readonly mailbox: { readonly id: string; readonly language: string | null };
  readonly tag: SubjectTag;
  readonly defaultLanguage: TemplateLanguage;
  /** Message-ID of the ticket message this one answers; null when unknown. */
  readonly inReplyTo: string | null;
  /** Message-ID of the mail that opened the ticket (the thread's root); null when none. */
  readonly rootMessageId: string | null;
  readonly now: Date;
}

/**
 * The outbound mail of a ticket message: the ticket tag in the subject (once), a generated
 * Message-ID, In-Reply-To the message it answers and References root → parent, and for an
 * auto-acknowledgement the text of the template in the contact's (else mailbox's) language.
 */
export function composeOutbound(event: TicketMessageAddedV1, ctx: CompositionContext): OutboundMail {
  const { message, ticket } = event;
  const ack = message.purpose === 'auto_acknowledgement';
  const summary = ticket.summary;
  return {
    id: ctx.id,
    mailboxId: ctx.mailbox.id,
    ticketId: ticket.ticketId,
    ticketMessageId: message.messageId,
    purpose: message.purpose,
    messageIdHeader: `${ctx.id}@${ctx.hostname}`,
    inReplyTo: ctx.inReplyTo,
    references: [...new Set([ctx.rootMessageId, ctx.inReplyTo].filter((id): id is string => id !== null))],
    to: [...new Set(message.to.map((a) => a.toLowerCase()))],
    cc: [...new Set(message.cc.map((a) => a.toLowerCase()))],
    subject: ctx.tag.apply(message.subject ?? summary, ticket.number),
    text: ack ? acknowledgementText(templateLanguage(event.language, ctx.mailbox.language, ctx.defaultLanguage), { ticketNumber: ticket.number, summary }) : message.text,
    html: ack ? null : message.html,
    attachments: [...message.attachments],
    status: 'queued',
    attempts: 0,
    nextAttemptAt: ctx.now,
    lastReply: null,
    createdAt: ctx.now,
  };
}
