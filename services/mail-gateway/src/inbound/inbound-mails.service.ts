import { createHash } from 'node:crypto';
import { traceContextFields, uuidv7 } from '@helpdesk/messaging';
import { SpanKind, withSpan } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import type { Mailbox } from '../mailboxes/mailbox';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import type { InboundProcessor, InboundSettings } from './inbound-processor';
import { routeMail, type MailRouting } from './mailbox-routing';
import { RawStore } from './raw-store';
import { parseMail } from './mail.parser';
import { participantAddresses } from './mail-received';
import type { ParsedMail } from './parsed-mail';
import { storableText } from './storable-text';

export type { InboundSettings } from './inbound-processor';

/** One mail to take in. */
export interface IncomingMail {
  /** The mailboxes it was delivered to: the SMTP envelope's (RCPT TO order) or the IMAP account's. */
  readonly recipients: readonly Mailbox[];
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
 * Takes in one mail: parse (the attachment limit needs it), route, store the raw original with
 * ONE statement that is durable when it returns (shared with the mails other sessions hand in
 * meanwhile, see {@link RawStore}), and have the {@link InboundProcessor} process it
 * in a batch with the mails of other sessions; then the caller acknowledges: SMTP 250 as soon as
 * the mail is stored (unless the processing backlog is full, see InboundProcessor.accept), IMAP
 * \Seen once it is processed. A repeated delivery (same Message-ID and content) stores nothing
 * and is not processed again; a crash or failure after the store leaves the mail unprocessed for the recovery pass,
 * so nothing is lost or doubled.
 */
export class InboundMailsService {
  private readonly rawStore: RawStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: InboundProcessor,
    private readonly settings: InboundSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.rawStore = new RawStore(dataSource);
  }

  /**
   * Each mail taken in is a trace of its own (a SERVER span: the mail is the customer's request),
   * which its `mail.received` event carries on, although the event is written in a batch with
   * other sessions' mails.
   */
  ingest(incoming: IncomingMail): Promise<IngestResult> {
    return withSpan(`mail receive ${incoming.source}`, { kind: SpanKind.SERVER, attributes: { 'helpdesk.mail.source': incoming.source } }, () => this.ingestInSpan(incoming));
  }

  private async ingestInSpan(incoming: IncomingMail): Promise<IngestResult> {
    const parsed = await parseMail(incoming.raw);
    const oversized = parsed.attachments.find((a) => a.sizeBytes > this.settings.maxAttachmentBytes);
    if (oversized && incoming.source === 'smtp') {
      return { kind: 'too_large', reason: `attachment "${oversized.fileName}" has ${oversized.sizeBytes} bytes, more than the ${this.settings.maxAttachmentBytes} allowed` };
    }
    const mail = withoutOversized(parsed, this.settings.maxAttachmentBytes);
    const routing = await this.route(incoming, mail);
    const receivedAt = this.clock();
    const rawSha256 = createHash('sha256').update(incoming.raw).digest('hex');
    const envelopeFrom = incoming.envelopeFrom === null ? null : storableText(incoming.envelopeFrom);
    const { mailId, isNew } = await this.rawStore.store({
      id: uuidv7(), mailboxId: routing.primary.id, otherMailboxIds: routing.others.map((m) => m.id), messageIdHeader: mail.messageId, sha256: rawSha256,
      raw: incoming.raw, source: incoming.source, envelopeFrom, addresses: participantAddresses(mail), receivedAt,
    });
    if (!isNew) return { kind: 'duplicate', mailId };
    // Processed in a batch with the mails of the other sessions; a failure there leaves it to the recovery pass, it is stored.
    const stored = { mailId, receivedAt, raw: incoming.raw, rawSha256, routing, mail, envelopeFrom, trace: traceContextFields() };
    // SMTP: answered once stored, while the processing backlog is within bounds (the MTA's next
    // mail need not wait for this one's processing). IMAP: flagged \Seen only once processed — its
    // sweep is one mail after another anyway, and a seen message is then a published one.
    await (incoming.source === 'smtp' ? this.processor.accept(stored) : this.processor.enqueue(stored));
    return { kind: 'stored', mailId };
  }

  /** The mailbox the mail belongs to and the other mailboxes it was addressed to (see routeMail). */
  private async route(incoming: IncomingMail, mail: ParsedMail): Promise<MailRouting> {
    const headerAddresses = [...mail.to, ...mail.cc].map((a) => a.address);
    const unknown = headerAddresses.filter((address) => !incoming.recipients.some((m) => m.address === address));
    const known = unknown.length > 0 ? await new MailboxesRepository(this.dataSource.manager).byAddresses(unknown) : [];
    return routeMail(headerAddresses, incoming.recipients, known);
  }
}

/**
 * An IMAP mail cannot be refused (it is in the mailbox already), and a stored one is past
 * refusing: keep it without the oversized files, naming them.
 */
export function withoutOversized(mail: ParsedMail, limit: number): ParsedMail {
  const dropped = mail.attachments.filter((a) => a.sizeBytes > limit);
  if (dropped.length === 0) return mail;
  return {
    ...mail,
    attachments: mail.attachments.filter((a) => a.sizeBytes <= limit),
    parseProblems: [...mail.parseProblems, ...dropped.map((a) => `attachment "${a.fileName}" (${a.sizeBytes} bytes) exceeds the ${limit}-byte limit and was not extracted; it is in the raw original`)],
  };
}
