import type { SlaEscalatedV1, TicketMessageAddedV1 } from '@helpdesk/contracts';
import { PermanentError, uuidv7 } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import type { Mailbox } from '../mailboxes/mailbox';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import { ThreadIndexRepository } from '../read-models/thread-index.repository';
import type { SubjectTag } from '../shared/subject-tag';
import type { OutboundMail } from './outbound-mail';
import { OutboundContextRepository } from './outbound-context.repository';
import { OutboundMailsRepository } from './outbound-mails.repository';
import { composeOutbound } from './outbound-composition';
import { escalationMail, templateLanguage, type TemplateLanguage } from './templates';

/** Rules of outbound mail. */
export interface OutboundSettings {
  readonly hostname: string;
  readonly subjectTag: SubjectTag;
  readonly defaultLanguage: TemplateLanguage;
}

/**
 * Queues outbound mail in the consumer's transaction: ticket messages to customers and suppliers,
 * and SLA escalation notifications. The sender works the queue off; a redelivered event finds
 * its mail queued already and queues nothing.
 */
export class OutboundQueue {
  constructor(
    private readonly settings: OutboundSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async queueTicketMessage(manager: EntityManager, event: TicketMessageAddedV1): Promise<void> {
    await this.queueTicketMessages(manager, [event]);
  }

  /**
   * Queues the mails of several events (a consumer batch, in stream order) with one read and one
   * write: as {@link queueTicketMessage} one after another would — a message answering one queued
   * earlier in the batch gets that mail's Message-ID as In-Reply-To, as the thread map would give.
   */
  async queueTicketMessages(manager: EntityManager, events: readonly TicketMessageAddedV1[]): Promise<void> {
    if (events.length === 0) return;
    const contexts = await new OutboundContextRepository(manager).forTickets(
      events.map((event) => ({ ticketId: event.ticket.ticketId, answersTicketMessageId: event.message.inReplyToMessageId ?? null })),
    );
    const queuedNow = new Map<string, string>();
    const mails = events.map((event, i) => {
      const context = contexts[i];
      // Nothing can be sent without a From address; retrying will not create a mailbox.
      if (!context?.mailbox) throw new PermanentError('no mailbox is configured to send mail from (CreateMailbox)');
      const answers = event.message.inReplyToMessageId ?? null;
      const mail = composeOutbound(event, {
        id: uuidv7(), hostname: this.settings.hostname, mailbox: context.mailbox, tag: this.settings.subjectTag, defaultLanguage: this.settings.defaultLanguage,
        inReplyTo: context.inReplyTo ?? (answers ? (queuedNow.get(answers) ?? null) : null), rootMessageId: context.rootMessageId, now: this.clock(),
      });
      queuedNow.set(event.message.messageId, mail.messageIdHeader);
      return mail;
    });
    // A redelivered event finds its mail queued already: then the thread entry is not written either.
    await new OutboundMailsRepository(manager).enqueueAllWithThread(mails);
  }

  /** One notification per distinct recipient address, in the mailbox's language. */
  async queueEscalation(manager: EntityManager, event: SlaEscalatedV1): Promise<void> {
    const known = await new ThreadIndexRepository(manager).ticket(event.ticket.ticketId);
    const mailbox = await this.mailboxFor(manager, known?.mailboxId ?? null);
    const language = templateLanguage(null, mailbox.language, this.settings.defaultLanguage);
    const seen = new Set<string>();
    const now = this.clock();
    for (const recipient of event.recipients) {
      const address = recipient.email.toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      const { subject, text } = escalationMail(language, {
        recipientName: recipient.displayName, ticketNumber: event.ticket.number, summary: event.ticket.summary, level: event.level,
        trigger: event.trigger, target: event.clock.target, dueAt: event.clock.dueAt,
      });
      const id = uuidv7();
      const mail: OutboundMail = {
        id, mailboxId: mailbox.id, ticketId: event.ticket.ticketId, ticketMessageId: null, purpose: 'notification', messageIdHeader: `${id}@${this.settings.hostname}`,
        inReplyTo: null, references: [], to: [address], cc: [], subject: this.settings.subjectTag.apply(subject, event.ticket.number), text, html: null, attachments: [],
        status: 'queued', attempts: 0, nextAttemptAt: now, lastReply: null, createdAt: now,
      };
      await new OutboundMailsRepository(manager).enqueue(mail);
    }
  }

  private async mailboxFor(manager: EntityManager, mailboxId: string | null): Promise<Mailbox> {
    const mailboxes = new MailboxesRepository(manager);
    const mailbox = (mailboxId ? await mailboxes.byId(mailboxId) : null) ?? (await mailboxes.fallback());
    // Nothing can be sent without a From address; retrying will not create a mailbox.
    if (!mailbox) throw new PermanentError('no mailbox is configured to send mail from (CreateMailbox)');
    return mailbox;
  }
}
