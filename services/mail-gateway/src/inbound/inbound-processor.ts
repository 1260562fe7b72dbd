import { mailFailedV1, mailReceivedV1, type CloudEvent } from '@helpdesk/contracts';
import { contextFromTraceFields, type OutboxPublisher, type PendingEvent, type TraceContextFields } from '@helpdesk/messaging';
import { combineStatements, withTransaction, type SqlStatement } from '@helpdesk/persistence';
import { withSpan, type Logger } from '@helpdesk/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboundMailsRepository } from '../outbound/outbound-mails.repository';
import { ThreadIndexRepository } from '../read-models/thread-index.repository';
import type { SubjectTag } from '../shared/subject-tag';
import { readDeliveryReport } from './delivery-report';
import { InboundMailsRepository, decideAutoAcks } from './inbound-mails.repository';
import { classifyMail, type MailKind } from './loop-classification';
import type { MailRouting } from './mailbox-routing';
import { mailReceivedData, participantAddresses, type MailDecisions } from './mail-received';
import type { ParsedMail } from './parsed-mail';
import { givenUpFallbackFrom, givenUpNote, givenUpVariants } from './given-up-mail';
import { inboundMetrics } from './inbound-metrics';
import { storableText } from './storable-text';
import { decideThread, type ThreadDecision } from './threading';

/** Rules of inbound mail. */
export interface InboundSettings {
  readonly subjectTag: SubjectTag;
  /** `MAIL_AUTO_ACK_PER_HOUR`. */
  readonly autoAckPerHour: number;
  /** `MAIL_MAX_ATTACHMENT_BYTES`. */
  readonly maxAttachmentBytes: number;
  /**
   * `MAIL_INBOUND_BACKLOG` / `MAIL_INBOUND_BACKLOG_BYTES`: how many stored mails (and how many raw
   * bytes of them) may wait for processing while their senders are already answered; beyond that
   * an SMTP 250 waits for its mail's processing again (back-pressure). 0 answers every mail only
   * after its processing.
   */
  readonly backlogMails: number;
  readonly backlogBytes: number;
  /** `MAIL_PROCESSING_MAX_ATTEMPTS`: failed attempts at one mail before it is published minimally. */
  readonly maxProcessingAttempts: number;
}

/** A stored mail, parsed and routed, whose processing is outstanding. */
export interface StoredMail {
  readonly mailId: string;
  readonly receivedAt: Date;
  readonly raw: Buffer;
  readonly rawSha256: string;
  readonly routing: MailRouting;
  readonly mail: ParsedMail;
  /** SMTP MAIL FROM; null for IMAP or the null sender `<>`. */
  readonly envelopeFrom: string | null;
  /** The trace of the mail's receipt, for its events; none when the recovery pass picked it up. */
  readonly trace?: TraceContextFields;
}

/** Most mails one processing transaction takes. */
const BATCH = 64;
/** Processing transactions at once (each claims its own mails, so they never overlap). */
const IN_FLIGHT = 2;
/**
 * Least time between the starts of two batches while fewer than BATCH mails wait: under load the
 * next batch gathers the mails of this long instead of starting the moment the previous one
 * committed. Every batch costs fixed statements here (five) and in the relay and the consumers
 * downstream (per NATS burst), so fuller batches cost less per mail. A mail after a quiet spell
 * still starts its batch at once.
 */
const GATHER_MS = 40;

/**
 * Processes stored mails: attachments, loop classification, bounce matching, threading, the
 * auto-acknowledgement allowance and `helpdesk.mail.received.v1`. The mails that queued up while
 * the previous batch ran — from all SMTP sessions and IMAP watches at once — go through ONE
 * transaction: one commit (one fsync) and a fixed number of statements for the whole batch
 * (group commit). The SMTP listener answers 250 once the mail is stored (see {@link accept}), the
 * IMAP watcher flags it once the batch of its mail has committed. The mail
 * rows are claimed in that transaction (FOR UPDATE SKIP LOCKED, `processed_at`), so each mail is
 * processed exactly once, also when a crash left it to the recovery pass (InboundRecovery) of
 * any replica.
 */
export class InboundProcessor {
  private queue: { readonly mail: StoredMail; readonly done: () => void }[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Mails queued or being processed, and their raw bytes (held in memory until processed). */
  private pendingMails = 0;
  private pendingBytes = 0;
  /** When the latest batch started or will start (ms since the epoch). */
  private lastStart = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly settings: InboundSettings,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Queues a stored mail for the next batch; resolves once that batch committed (its event is
   * then in the outbox) or failed (the mail is stored, so the recovery pass retries it).
   */
  enqueue(mail: StoredMail): Promise<void> {
    this.pendingMails += 1;
    this.pendingBytes += mail.raw.length;
    return new Promise((resolve) => {
      this.queue.push({
        mail,
        done: () => {
          this.pendingMails -= 1;
          this.pendingBytes -= mail.raw.length;
          resolve();
        },
      });
      this.pump();
    });
  }

  /**
   * Queues a stored mail like {@link enqueue}, but resolves as soon as its sender may be answered:
   * at once while the backlog stays within `backlogMails` and `backlogBytes` — the mail is durably
   * stored, and should this process die before processing it, the recovery pass of any replica
   * processes it — else only once it is processed, so that a backlog (and the memory it holds)
   * cannot grow without bound when processing falls behind: the peers are slowed to its pace.
   */
  accept(mail: StoredMail): Promise<void> {
    const withinBounds = this.pendingMails < this.settings.backlogMails && this.pendingBytes + mail.raw.length <= this.settings.backlogBytes;
    const processed = this.enqueue(mail);
    return withinBounds ? Promise.resolve() : processed;
  }

  /** Resolves once everything queued so far is processed (or left to recovery after a failure). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /**
   * Starts a batch when none runs; a second one (up to IN_FLIGHT) only when a full batch is
   * waiting. Mails that arrive while a batch waits on PostgreSQL go into the next: starting it at
   * once beside the running one halved the batches (2.9 instead of 5.4 mails each at ~180
   * mails/s), and each batch costs five round trips — the gateway's largest share of statements.
   * When processing falls behind by a whole batch, two overlap again. Batches start at most every
   * GATHER_MS unless a full one waits.
   */
  private pump(): void {
    while (this.queue.length > 0 && (this.inFlight.size === 0 || (this.inFlight.size < IN_FLIGHT && this.queue.length >= BATCH))) {
      const now = Date.now();
      const wait = this.queue.length >= BATCH ? 0 : Math.max(0, this.lastStart + GATHER_MS - now);
      this.lastStart = now + wait;
      // Counted as running while it gathers: idle() waits for it, and only a full batch starts beside it.
      const run: Promise<void> = gathered(wait)
        .then(() => this.runBatch(this.queue.splice(0, BATCH)))
        .finally(() => {
          this.inFlight.delete(run);
          this.pump();
        });
      this.inFlight.add(run);
    }
  }

  /** Processes one batch (a full one may have taken the gathered mails meanwhile: then none). */
  private async runBatch(batch: readonly { readonly mail: StoredMail; readonly done: () => void }[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      await this.processIsolating(batch.map((q) => q.mail));
    } finally {
      batch.forEach((q) => q.done());
    }
  }

  /**
   * Processes `batch` in one transaction; when that fails, each mail on its own, so that one mail
   * that cannot be processed (a bug, an event that fails its schema) does not hold up the others.
   * A mail that fails alone stays stored and unprocessed for the recovery pass; returns how many
   * were processed.
   */
  async processIsolating(batch: readonly StoredMail[]): Promise<number> {
    try {
      return await this.process(batch);
    } catch (error) {
      const [only] = batch;
      if (batch.length === 1 && only) {
        await this.failed(only, error);
        return 0;
      }
      this.logger.warn({ err: error, mails: batch.length }, 'processing a batch of inbound mails failed; processing them one by one');
      let processed = 0;
      for (const mail of batch) processed += await this.processIsolating([mail]);
      return processed;
    }
  }

  /**
   * Counts a failed attempt at `stored` alone; at `maxProcessingAttempts` the mail is given up:
   * published minimally (see givenUpVariants), once, so that it still becomes a ticket with a
   * note instead of being retried by every recovery pass forever.
   */
  private async failed(stored: StoredMail, error: unknown): Promise<void> {
    const metrics = inboundMetrics();
    metrics.processingFailed();
    const reason = error instanceof Error ? error.message : String(error);
    let failures: number;
    try {
      failures = await new InboundMailsRepository(this.dataSource.manager).recordFailure(stored.mailId, storableText(reason));
    } catch (recordError) {
      this.logger.error({ err: error, recordError, mailId: stored.mailId }, 'processing a stored inbound mail failed, and so did counting it; the recovery pass retries it');
      return;
    }
    if (failures < this.settings.maxProcessingAttempts) {
      this.logger.error({ err: error, mailId: stored.mailId, failures }, 'processing a stored inbound mail failed; the recovery pass retries it');
      return;
    }
    this.logger.error({ err: error, mailId: stored.mailId, failures }, 'processing a stored inbound mail failed too often; publishing it minimally (given up)');
    for (const mail of givenUpVariants(stored.mail, givenUpNote(reason, failures))) {
      try {
        if (await this.publishGivenUp(stored, mail)) metrics.givenUp();
        return;
      } catch (giveUpError) {
        this.logger.error({ err: giveUpError, mailId: stored.mailId }, 'publishing a given-up inbound mail failed');
      }
    }
  }

  /** Publishes `mail` (a given-up variant) as a new ticket's mail without acknowledgement and marks it given up; false when it was processed meanwhile. */
  private publishGivenUp(stored: StoredMail, mail: ParsedMail): Promise<boolean> {
    return withTransaction(this.dataSource, async (manager) => {
      const claimed = await new InboundMailsRepository(manager).claimUnprocessed([stored.mailId]);
      if (!claimed.has(stored.mailId)) return false;
      const now = this.clock();
      const decisions: MailDecisions = {
        mailId: stored.mailId, receivedAt: stored.receivedAt, rawSha256: stored.rawSha256, rawSizeBytes: stored.raw.length,
        thread: { result: 'new', ticketId: null, relatedTicketId: null }, kind: classifyMail(mail.signals), autoAcknowledge: false, bounce: null,
        fallbackFrom: givenUpFallbackFrom(stored.envelopeFrom),
      };
      const envelopes = this.publisher.build([{ event: mailReceivedV1, subject: stored.mailId, data: mailReceivedData(stored.routing, mail, decisions), time: stored.receivedAt }]);
      const { text, values } = combineStatements([this.publisher.insertStatement(manager, envelopes), InboundMailsRepository.givenUpStatement([stored.mailId], now)]);
      await manager.query(text, [...values]);
      return true;
    });
  }

  /** Processes the mails of `batch` that still await processing, in one transaction; returns how many it processed. */
  process(batch: readonly StoredMail[]): Promise<number> {
    const kinds = new Map(batch.map((m) => [m.mailId, classifyMail(m.mail.signals)]));
    // Whoever could be acknowledged (a regular mail's Reply-To or From); threading narrows it down below.
    const ackAddress = (m: StoredMail) => (kinds.get(m.mailId) === 'regular' ? ((m.mail.replyTo ?? m.mail.from)?.address ?? null) : null);
    return withTransaction(this.dataSource, async (manager) => {
      const inbound = new InboundMailsRepository(manager);
      const claimed = await inbound.claimUnprocessed(batch.map((m) => m.mailId), batch.map(ackAddress).filter((a): a is string => a !== null));
      const todo = batch.filter((m) => claimed.has(m.mailId));
      if (todo.length === 0) return 0;
      const now = this.clock();
      // Each mail's events, built in the trace of that mail's receipt.
      const events = new Map<StoredMail, PendingEvent[]>(todo.map((m) => [m, []]));
      const writes: SqlStatement[] = [...InboundMailsRepository.attachmentStatements(todo.flatMap(({ mailId, mail }) => mail.attachments.map((part) => ({ mailId, part }))))];
      const decided: { stored: StoredMail; kind: MailKind; thread: ThreadDecision; bounce: MailDecisions['bounce'] }[] = [];
      for (const stored of todo) {
        const kind = kinds.get(stored.mailId) ?? 'regular';
        const bounce = kind === 'bounce' ? await this.matchBounce(manager, stored, now, events.get(stored) ?? []) : null;
        const thread = await this.thread(manager, stored.mail);
        if (thread.ticketId && stored.mail.messageId) {
          writes.push(ThreadIndexRepository.recordThreadStatement({ messageIdHeader: stored.mail.messageId, ticketId: thread.ticketId, ticketMessageId: null, mailId: stored.mailId, outboundId: null }));
          const participants = kind === 'regular' ? ThreadIndexRepository.addParticipantsStatement(thread.ticketId, participantAddresses(stored.mail)) : null;
          if (participants) writes.push(participants);
        }
        decided.push({ stored, kind, thread, bounce });
      }
      // Only a regular mail that opens a ticket may be acknowledged, within the per-sender allowance.
      const askers = decided.map(({ stored, thread }) => (thread.result === 'new' || thread.result === 'unknown_sender' ? ackAddress(stored) : null));
      const asking = askers.filter((a): a is string => a !== null);
      const grants = decideAutoAcks(askers, await inbound.autoAckCounts(asking, now), this.settings.autoAckPerHour);
      const grantedTo = askers.filter((a, i): a is string => a !== null && grants[i] === true);
      if (grantedTo.length > 0) writes.push(InboundMailsRepository.grantStatement(grantedTo, now));
      decided.forEach(({ stored, kind, thread, bounce }, i) => {
        const decisions: MailDecisions = {
          mailId: stored.mailId, receivedAt: stored.receivedAt, rawSha256: stored.rawSha256, rawSizeBytes: stored.raw.length, thread, kind, autoAcknowledge: grants[i] === true, bounce,
          fallbackFrom: stored.envelopeFrom ?? 'unknown@invalid',
        };
        events.get(stored)?.push({ event: mailReceivedV1, subject: stored.mailId, data: mailReceivedData(stored.routing, stored.mail, decisions), time: stored.receivedAt });
      });
      const envelopes: CloudEvent[] = todo.flatMap((stored) => {
        const receipt = stored.trace ? contextFromTraceFields(stored.trace) : undefined;
        return withSpan('mail process', receipt ? { parent: receipt } : {}, () => this.publisher.build(events.get(stored) ?? []));
      });
      writes.push(this.publisher.insertStatement(manager, envelopes));
      writes.push(InboundMailsRepository.markProcessedStatement(todo.map((m) => m.mailId), now));
      // Every write of the batch in one statement: one round trip, and it all commits with the claim.
      const { text, values } = combineStatements(writes);
      await manager.query(text, [...values]);
      return todo.length;
    });
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
  private async matchBounce(manager: EntityManager, stored: StoredMail, now: Date, events: PendingEvent[]): Promise<NonNullable<MailDecisions['bounce']>> {
    const report = readDeliveryReport(stored.raw.toString('latin1'), stored.mail.messageId);
    const outbound = new OutboundMailsRepository(manager);
    const bounced = await outbound.byMessageIds(report.originalMessageIds);
    if (!bounced) return { report, outboundId: null, ticketId: null };
    const failed = await outbound.markBounced(bounced.id, report.smtpReply);
    if (failed) {
      events.push({
        event: mailFailedV1,
        subject: failed.ticketId ?? failed.id,
        data: {
          outboundId: failed.id, mailboxId: failed.mailboxId, ticketId: failed.ticketId, ticketMessageId: failed.ticketMessageId, purpose: failed.purpose,
          messageIdHeader: failed.messageIdHeader, to: [...failed.to], cc: [...failed.cc], subject: failed.subject, attempts: Math.max(1, failed.attempts),
          failure: 'bounced', failedAt: now.toISOString(), smtpReply: report.smtpReply, bounceMailId: stored.mailId,
        },
        time: now,
      });
    }
    return { report, outboundId: bounced.id, ticketId: bounced.ticketId };
  }
}

function gathered(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
