import { mailFailedV1, mailSentV1, type MailFailedV1, type SmtpReply } from '@helpdesk/contracts';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import { SpanKind, withSpan, type Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { ArchiveRepository } from '../archive/archive.repository';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import { decideAfterAttempt, type AttemptOutcome, type OutboundMail, type RetryPolicy } from './outbound-mail';
import { OutboundMailsRepository } from './outbound-mails.repository';
import type { MailTransport, OutboundFile } from './smtp-relay.transport';
import type { TicketAttachmentsClient } from './ticket-attachments.client';
import { RepeatingRound } from '../shared/repeating-round';

/** Sender tuning. */
export interface MailSenderOptions {
  readonly retry: RetryPolicy;
  readonly pollIntervalMs: number;
  /** Mails claimed (and sent concurrently) per round. */
  readonly batch: number;
  /** How long a claimed mail stays with its sender before another may try it. */
  readonly leaseMs: number;
}

/**
 * Works off the outbound queue: claims due mails (SKIP LOCKED, so replicas share the work), sends
 * each, and records the result with `helpdesk.mail.sent.v1` / `helpdesk.mail.failed.v1` in one
 * transaction. A temporary failure (4xx, no connection) is retried with back-off; a restart loses
 * nothing (the queue is in the database) and re-sends only a mail whose attempt was cut off.
 */
export class MailSender {
  // A full batch means more mail is due: the next round starts at once.
  private readonly loop = new RepeatingRound<number>(
    () => this.runOnce(),
    (count) => (count === this.options.batch ? 0 : this.options.pollIntervalMs),
    (error) => this.logger.error({ err: error }, 'outbound mail round failed'),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly transport: MailTransport,
    private readonly ticketFiles: TicketAttachmentsClient | null,
    private readonly options: MailSenderOptions,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport.close();
    this.ticketFiles?.close();
  }

  /** One round: claim, send, record. Returns how many mails it attempted. */
  async runOnce(): Promise<number> {
    const claimed = await withTransaction(this.dataSource, (m) => new OutboundMailsRepository(m).claimDue(this.clock(), this.options.batch, this.options.leaseMs));
    // Each attempt is a trace of its own, so mail.sent / mail.failed carry trace context (the queue keeps none of the message's).
    await Promise.all(claimed.map((mail) => withSpan('mail send', { kind: SpanKind.CLIENT, attributes: { 'helpdesk.outbound_id': mail.id } }, () => this.attempt(mail))));
    return claimed.length;
  }

  private async attempt(mail: OutboundMail): Promise<void> {
    const outcome = await this.send(mail);
    const now = this.clock();
    const decision = decideAfterAttempt(mail, outcome, this.options.retry, now);
    if (outcome.kind !== 'accepted') this.logger.warn({ outboundId: mail.id, attempt: mail.attempts, error: outcome.error }, `outbound mail not accepted (${decision.status})`);
    await withTransaction(this.dataSource, async (manager) => {
      const repo = new OutboundMailsRepository(manager);
      const next = decision.status === 'queued' ? decision.retryAt : now;
      if (!(await repo.finishAttempt(mail.id, decision.status, decision.reply, next))) return;
      if (decision.status === 'sent') {
        await this.publisher.add(manager, { event: mailSentV1, subject: mail.ticketId ?? mail.id, data: { ...this.base(mail), sentAt: now.toISOString(), smtpReply: decision.reply }, time: now });
      } else if (decision.status === 'failed') {
        await this.publisher.add(manager, { event: mailFailedV1, subject: mail.ticketId ?? mail.id, data: this.failed(mail, decision.failure, decision.reply, now), time: now });
      }
    });
  }

  private async send(mail: OutboundMail): Promise<AttemptOutcome> {
    const mailbox = await new MailboxesRepository(this.dataSource.manager).byId(mail.mailboxId);
    if (!mailbox) return { kind: 'invalid', error: `mailbox ${mail.mailboxId} no longer exists` };
    const files = await this.files(mail);
    if ('kind' in files) return files;
    return this.transport.send(mail, { name: mailbox.name, address: mailbox.address }, files);
  }

  /**
   * The attachments' contents: from the gateway's own store (a file that came in by mail), else
   * from the ticket service that stores agents' uploads. Unreachable → try again later.
   */
  private async files(mail: OutboundMail): Promise<OutboundFile[] | AttemptOutcome> {
    const archive = new ArchiveRepository(this.dataSource.manager);
    const files: OutboundFile[] = [];
    for (const ref of mail.attachments) {
      const stored = await archive.attachment({ sha256: ref.sha256 });
      if (stored) {
        files.push({ fileName: ref.fileName, contentType: ref.contentType, content: stored.content });
        continue;
      }
      const fetched = this.ticketFiles && mail.ticketId ? await this.ticketFiles.fetch(mail.ticketId, ref.sha256) : { kind: 'missing' as const, reason: 'not tied to a ticket' };
      if (fetched.kind === 'unavailable') return { kind: 'temporary', reply: null, error: `attachment "${ref.fileName}": ${fetched.reason}` };
      if (fetched.kind === 'missing') return { kind: 'invalid', error: `attachment "${ref.fileName}" (${ref.sha256}) is not available: ${fetched.reason}` };
      files.push({ fileName: ref.fileName, contentType: ref.contentType, content: fetched.content });
    }
    return files;
  }

  private base(mail: OutboundMail) {
    return {
      outboundId: mail.id, mailboxId: mail.mailboxId, ticketId: mail.ticketId, ticketMessageId: mail.ticketMessageId, purpose: mail.purpose,
      messageIdHeader: mail.messageIdHeader, to: [...mail.to], cc: [...mail.cc], subject: mail.subject, attempts: Math.max(1, mail.attempts),
    };
  }

  private failed(mail: OutboundMail, failure: MailFailedV1['failure'], reply: SmtpReply | null, now: Date): MailFailedV1 {
    return { ...this.base(mail), failure, failedAt: now.toISOString(), smtpReply: reply, bounceMailId: null };
  }
}
