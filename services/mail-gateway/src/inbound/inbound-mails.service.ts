import { createHash } from 'node:crypto';
import { mailFailedV1, mailReceivedV1 } from '@helpdesk/contracts';
import { uuidv7, type OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { Mailbox } from '../mailboxes/mailbox';
import { OutboundMailsRepository } from '../outbound/outbound-mails.repository';
import { ThreadIndexRepository } from '../read-models/thread-index.repository';
import type { SubjectTag } from '../shared/subject-tag';
import { readDeliveryReport } from './delivery-report';
import { InboundMailsRepository } from './inbound-mails.repository';
import { classifyMail } from './loop-classification';
import { parseMail } from './mail.parser';
import { mailReceivedData, participantAddresses, type MailDecisions } from './mail-received';
import type { ParsedMail } from './parsed-mail';
import { decideThread, type ThreadDecision } from './threading';

/** Rules of inbound mail. */
export interface InboundSettings {
  readonly subjectTag: SubjectTag;
  /** `MAIL_AUTO_ACK_PER_HOUR`. */
  readonly autoAckPerHour: number;
  /** `MAIL_MAX_ATTACHMENT_BYTES`. */
  readonly maxAttachmentBytes: number;
}

/** One mail to take in. */
export interface IncomingMail {
  readonly mailbox: Mailbox;
  readonly raw: Buffer;
  readonly source: 'smtp' | 'imap';
  /** SMTP MAIL FROM; null for IMAP or the null sender `<>`. */
  readonly envelopeFrom: string | null;
}

/** How taking in a mail ended. */
export type IngestResult =
  | { readonly kind: 'stored'; readonly mailId: string }
  | { readonly kind: 'duplicate'; readonly mailId: string }
  /** Refused before anything was stored (SMTP 552). */
  | { readonly kind: 'too_large'; readonly reason: string };

/**
 * Takes in one mail: parse, then in ONE transaction store the raw original, the attachment
 * contents, the threading and loop decisions and the `helpdesk.mail.received.v1` event — so when
 * the caller acknowledges (SMTP 250, IMAP \Seen) the mail is durable and its event will be
 * published, and a repeated delivery (same Message-ID and content) stores and publishes nothing.
 */
export class InboundMailsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly settings: InboundSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ingest(incoming: IncomingMail): Promise<IngestResult> {
    const parsed = await parseMail(incoming.raw);
    const oversized = parsed.attachments.find((a) => a.sizeBytes > this.settings.maxAttachmentBytes);
    if (oversized && incoming.source === 'smtp') {
      return { kind: 'too_large', reason: `attachment "${oversized.fileName}" has ${oversized.sizeBytes} bytes, more than the ${this.settings.maxAttachmentBytes} allowed` };
    }
    // An IMAP mail cannot be refused (it is in the mailbox already): keep it, without the file.
    const mail: ParsedMail = oversized ? this.withoutOversized(parsed) : parsed;
    return withTransaction(this.dataSource, (manager) => this.store(manager, incoming, mail));
  }

  private async store(manager: EntityManager, incoming: IncomingMail, mail: ParsedMail): Promise<IngestResult> {
    const now = this.clock();
    const rawSha256 = createHash('sha256').update(incoming.raw).digest('hex');
    const inbound = new InboundMailsRepository(manager);
    const { mailId, isNew } = await inbound.storeRaw({
      id: uuidv7(), mailboxId: incoming.mailbox.id, messageIdHeader: mail.messageId, sha256: rawSha256, raw: incoming.raw, source: incoming.source, addresses: participantAddresses(mail), receivedAt: now,
    });
    if (!isNew) return { kind: 'duplicate', mailId };
    await inbound.storeAttachments(mailId, mail.attachments);
    const kind = classifyMail(mail.signals);
    const bounce = kind === 'bounce' ? await this.matchBounce(manager, incoming.raw, mail, mailId, now) : null;
    const thread = await this.thread(manager, mail);
    const index = new ThreadIndexRepository(manager);
    if (thread.ticketId && mail.messageId) {
      await index.recordThread({ messageIdHeader: mail.messageId, ticketId: thread.ticketId, ticketMessageId: null, mailId, outboundId: null });
      if (kind === 'regular') await index.addParticipants(thread.ticketId, participantAddresses(mail));
    }
    const opensTicket = thread.result === 'new' || thread.result === 'unknown_sender';
    const ackTo = (mail.replyTo ?? mail.from)?.address;
    const autoAcknowledge = kind === 'regular' && opensTicket && ackTo !== undefined && (await inbound.grantAutoAck(ackTo, this.settings.autoAckPerHour, now));
    const decisions: MailDecisions = {
      mailId, receivedAt: now, rawSha256, rawSizeBytes: incoming.raw.length, thread, kind, autoAcknowledge, bounce, fallbackFrom: incoming.envelopeFrom ?? 'unknown@invalid',
    };
    await this.publisher.add(manager, { event: mailReceivedV1, subject: mailId, data: mailReceivedData(incoming.mailbox, mail, decisions), time: now });
    return { kind: 'stored', mailId };
  }

  private async thread(manager: EntityManager, mail: ParsedMail): Promise<ThreadDecision> {
    const index = new ThreadIndexRepository(manager);
    // In-Reply-To first, then References from the newest (last) to the root.
    const candidates = [...new Set([mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => id !== null))];
    const headerTicketId = await index.ticketOfFirstKnown(candidates);
    const number = headerTicketId ? null : this.settings.subjectTag.numberIn(mail.subject);
    const taggedTicketId = number ? await index.ticketIdByNumber(number) : null;
    const sender = mail.from?.address ?? null;
    const senderIsParticipant = taggedTicketId !== null && sender !== null && (await index.isParticipant(taggedTicketId, sender));
    return decideThread({ headerTicketId, taggedTicketId, senderIsParticipant });
  }

  /** Matches a DSN to the outbound mail it returns, marks that failed and reports mail.failed. */
  private async matchBounce(manager: EntityManager, raw: Buffer, mail: ParsedMail, mailId: string, now: Date): Promise<NonNullable<MailDecisions['bounce']>> {
    const report = readDeliveryReport(raw.toString('latin1'), mail.messageId);
    const outbound = new OutboundMailsRepository(manager);
    const bounced = await outbound.byMessageIds(report.originalMessageIds);
    if (!bounced) return { report, outboundId: null, ticketId: null };
    const failed = await outbound.markBounced(bounced.id, report.smtpReply);
    if (failed) {
      await this.publisher.add(manager, {
        event: mailFailedV1,
        subject: failed.ticketId ?? failed.id,
        data: {
          outboundId: failed.id, mailboxId: failed.mailboxId, ticketId: failed.ticketId, ticketMessageId: failed.ticketMessageId, purpose: failed.purpose,
          messageIdHeader: failed.messageIdHeader, to: [...failed.to], cc: [...failed.cc], subject: failed.subject, attempts: Math.max(1, failed.attempts),
          failure: 'bounced', failedAt: now.toISOString(), smtpReply: report.smtpReply, bounceMailId: mailId,
        },
        time: now,
      });
    }
    return { report, outboundId: bounced.id, ticketId: bounced.ticketId };
  }

  private withoutOversized(mail: ParsedMail): ParsedMail {
    const limit = this.settings.maxAttachmentBytes;
    const dropped = mail.attachments.filter((a) => a.sizeBytes > limit);
    return {
      ...mail,
      attachments: mail.attachments.filter((a) => a.sizeBytes <= limit),
      parseProblems: [...mail.parseProblems, ...dropped.map((a) => `attachment "${a.fileName}" (${a.sizeBytes} bytes) exceeds the ${limit}-byte limit and was not extracted; it is in the raw original`)],
    };
  }
}
