import type { Actor, MailReceivedV1 } from '@helpdesk/contracts';
import type { AttachmentReference, MessageAudience, SystemMessageInput } from '../messages/message';
import { sanitizeMessageHtml } from '../messages/message-body';
import type { Ticket } from '../tickets/ticket';
import type { CreateTicketInput } from '../tickets/ticket-creation';
import type { TicketPolicy } from '../tickets/ticket-decisions';
import { reopenDeadline } from '../tickets/ticket-status';

/** The system actor the mail consumer records its ticket changes with. */
export const MAIL_HANDLER_ACTOR: Actor = { kind: 'system', id: null, displayName: 'ticket-mail-handler' };

/** What becomes of an inbound mail. */
export type MailPlan =
  | {
      readonly kind: 'append';
      readonly ticketId: string;
      /** customer for a person's mail; internal for auto-replies, bounces, list and bulk mail. */
      readonly audience: MessageAudience;
      /** The status the customer's answer moves the ticket to first; null to leave it. */
      readonly statusTo: 'open' | null;
    }
  | {
      readonly kind: 'new_ticket';
      /** A ticket to link the new one to as related (the closed one it answers, the tag it carried). */
      readonly related: Ticket | null;
      /** Whether to send the sender an auto-acknowledgement. */
      readonly acknowledge: boolean;
    }
  | { readonly kind: 'drop'; readonly reason: string };

/** The tickets a mail points at, as found in this service (null when it has no such ticket). */
export interface MailTargets {
  /** The ticket the mail threads to (for a bounce: the ticket of the bounced mail). */
  readonly thread: Ticket | null;
  /** For `unknown_sender`: the ticket whose tag the mail carried. */
  readonly related: Ticket | null;
}

/** The rules a plan follows besides the mail. */
export interface MailPlanContext {
  readonly now: Date;
  readonly policy: TicketPolicy;
  /** `TICKET_MAIL_AUTO_ACKNOWLEDGE`. */
  readonly autoAcknowledge: boolean;
}

/** The ticket id the mail threads to by the gateway's decision (a bounce: the bounced mail's ticket). */
export function threadTicketId(mail: MailReceivedV1): string | null {
  if (mail.classification.kind === 'bounce') return mail.classification.bounce?.ticketId ?? mail.threading.ticketId;
  return mail.threading.result === 'header' || mail.threading.result === 'tag' ? mail.threading.ticketId : null;
}

/**
 * Decides what an inbound mail does:
 * - a mail a person wrote joins the ticket it threads to as a customer message; on a pending
 *   ticket that answer moves it to open, on a resolved one (or a closed one inside the reopen
 *   window) it reopens it. A closed ticket past the window, or a cancelled one, stays as it is:
 *   the mail opens a new ticket linked to it as related. A mail threading nowhere opens a new
 *   ticket (for `unknown_sender`, linked to the ticket whose tag it carried) and is acknowledged
 *   when the gateway allows it (`classification.autoAcknowledge`) and the service is configured to.
 * - auto-replies, bounces, list and bulk mail never open a ticket, change a status or get an
 *   acknowledgement: on a ticket that can still change they join it as an internal message (the
 *   agent sees "out of office" or the bounce, the customer does not); otherwise they are dropped
 *   (the raw mail stays with the mail gateway).
 */
export function planMail(mail: MailReceivedV1, targets: MailTargets, ctx: MailPlanContext): MailPlan {
  const { thread } = targets;
  const kind = mail.classification.kind;
  if (kind !== 'regular') {
    if (thread && isChangeable(thread)) return { kind: 'append', ticketId: thread.id, audience: 'internal', statusTo: null };
    return { kind: 'drop', reason: `${kind.replace('_', ' ')} mail ${thread ? `for ${thread.status} ticket ${thread.number}` : 'threading to no ticket'}` };
  }
  const acknowledge = ctx.autoAcknowledge && mail.classification.autoAcknowledge;
  if (thread) {
    if (thread.status === 'cancelled' || (thread.status === 'closed' && !reopenable(thread, ctx))) {
      return { kind: 'new_ticket', related: thread, acknowledge };
    }
    const statusTo = thread.status === 'pending' || thread.status === 'resolved' || thread.status === 'closed' ? 'open' : null;
    return { kind: 'append', ticketId: thread.id, audience: 'customer', statusTo };
  }
  const related = mail.threading.result === 'unknown_sender' ? targets.related : null;
  return { kind: 'new_ticket', related, acknowledge };
}

/** The directory contact a mail address belongs to, as the mail consumer uses it. */
export interface SenderContact {
  readonly id: string;
  readonly customerId: string | null;
  readonly displayName: string;
}

/** The author of a mail's message: the sender's contact, or the sender by name when the directory does not know it. */
export function mailAuthor(mail: MailReceivedV1, contact: SenderContact | null): Actor {
  if (contact) return { kind: 'contact', id: contact.id, displayName: contact.displayName };
  return { kind: 'contact', id: null, displayName: mail.from.name?.trim() || mail.from.address };
}

/**
 * The ticket a mail opens: channel email, the subject as summary, the mail's text as
 * description, the mailbox's category (`other` when it names none or one this service does not
 * know — a misconfigured mailbox must not lose mail) and queue, the sender's contact and customer.
 */
export function mailTicketInput(mail: MailReceivedV1, contact: SenderContact | null, policy: TicketPolicy): CreateTicketInput {
  const category = mail.defaultCategory !== null && policy.categories.includes(mail.defaultCategory) ? mail.defaultCategory : 'other';
  return {
    summary: summaryOf(mail),
    description: mail.text.trim(),
    channel: 'email',
    category,
    queueId: mail.defaultQueueId,
    customerId: contact?.customerId ?? null,
    contactId: contact?.id ?? null,
    mailId: mail.mailId,
  };
}

/** The mail as an inbound email message; its attachments stay with the mail gateway as references. */
export function mailMessageInput(mail: MailReceivedV1, audience: MessageAudience): SystemMessageInput {
  const attachmentReferences: AttachmentReference[] = mail.attachments.map(({ partId, ...ref }) => ({ ref, origin: { mailId: mail.mailId, partId } }));
  return {
    audience,
    medium: 'email',
    direction: 'inbound',
    from: mail.from.address,
    to: mail.to.map((a) => a.address),
    cc: mail.cc.map((a) => a.address),
    subject: mail.subject,
    // A mail with nothing but attachments still belongs in the log.
    text: mail.text.trim() === '' && sanitizeMessageHtml(mail.html) === null ? '(The mail has no text.)' : mail.text,
    html: mail.html,
    attachments: [],
    attachmentReferences,
    inReplyToMessageId: null,
    mailId: mail.mailId,
  };
}

/** An internal note of what the gateway could not parse; null when parsing was clean. */
export function parseProblemsNote(mail: MailReceivedV1): SystemMessageInput | null {
  if (mail.parseProblems.length === 0) return null;
  const lines = mail.parseProblems.map((problem) => `- ${problem}`).join('\n');
  return {
    ...systemNote(),
    text: `The mail gateway could not parse all of mail ${mail.mailId} (from ${mail.from.address}); the original is kept there:\n${lines}`,
  };
}

/**
 * The auto-acknowledgement of a new ticket: an outbound customer email answering the inbound
 * message, to the Reply-To address (else the sender), with the ticket number in the subject in
 * the mail gateway's tag format so replies thread to the ticket.
 */
export function autoAcknowledgement(mail: MailReceivedV1, ticketNumber: string, inboundMessageId: string): SystemMessageInput {
  const subject = mail.subject.trim() || 'Your request';
  const greeting = mail.from.name?.trim() ? `Hello ${mail.from.name.trim()},` : 'Hello,';
  return {
    audience: 'customer',
    medium: 'email',
    direction: 'outbound',
    purpose: 'auto_acknowledgement',
    from: null,
    to: [(mail.replyTo ?? mail.from).address],
    cc: [],
    subject: `[Ticket#${ticketNumber}] ${subject}`,
    text: [
      greeting,
      '',
      `thank you for your message. We have opened ticket ${ticketNumber} for your request "${subject}" and will get back to you as soon as possible.`,
      '',
      'Please keep the ticket number in the subject when you write to us about this request.',
      '',
      'This message was sent automatically.',
    ].join('\n'),
    html: null,
    attachments: [],
    inReplyToMessageId: inboundMessageId,
  };
}

function systemNote(): Omit<SystemMessageInput, 'text'> {
  return { audience: 'internal', medium: 'system', direction: 'inbound', from: null, to: [], cc: [], subject: null, html: null, attachments: [], inReplyToMessageId: null };
}

function summaryOf(mail: MailReceivedV1): string {
  const subject = mail.subject.replace(/\s+/g, ' ').trim();
  if (subject) return subject;
  const firstLine = mail.text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  return firstLine ? firstLine.slice(0, 120) : `Mail from ${mail.from.address}`;
}

function isChangeable(ticket: Ticket): boolean {
  return ticket.status !== 'closed' && ticket.status !== 'cancelled';
}

function reopenable(ticket: Ticket, ctx: MailPlanContext): boolean {
  if (ctx.policy.reopenWindowDays <= 0 || !ticket.closedAt) return false;
  return ctx.now.getTime() <= reopenDeadline(ticket.closedAt, ctx.policy.reopenWindowDays).getTime();
}
