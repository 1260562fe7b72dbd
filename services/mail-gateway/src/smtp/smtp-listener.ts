import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '@helpdesk/telemetry';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { DataSource } from 'typeorm';
import type { InboundMailsService } from '../inbound/inbound-mails.service';
import type { Mailbox } from '../mailboxes/mailbox';
import { MailboxCache } from '../mailboxes/mailbox-cache';

/** Listener settings (`MAIL_SMTP_*`). */
export interface SmtpListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly lmtp: boolean;
  readonly hostname: string;
  readonly maxMessageBytes: number;
}

/** An SMTP reply carried as an error, as smtp-server sends it. */
function reply(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Sends the replies to the commands of one read from the peer in one write: a pipelining MTA
 * (RFC 2920) sends MAIL FROM, RCPT TO and DATA at once, and smtp-server writes each reply on its
 * own — each a system call, which the CPU profile showed as a tenth of the gateway's time. The
 * socket is corked before smtp-server sees the data and uncorked once the replies it could give
 * at once are written (setImmediate: after the promises they wait for, e.g. the mailbox lookup).
 * Replies that wait for I/O (the 250 after storing) go out as before.
 */
function coalesceReplies(socket: Socket): void {
  let corked = false;
  socket.prependListener('data', () => {
    if (corked) return;
    corked = true;
    socket.cork();
    setImmediate(() => {
      corked = false;
      socket.uncork();
    });
  });
}

/**
 * The SMTP/LMTP listener an MTA (Postfix `relay_transport`/`lmtp:`) delivers to. RCPT TO must
 * name a mailbox (550 5.1.1 otherwise); the message is answered 250 only after it is stored
 * (one autocommitted statement; its processing batch follows, and the 250 waits for that only
 * when the processing backlog is full — see InboundProcessor.accept), 552 when
 * it or an attachment is too large, 451 when storing failed or the recipient's mailbox could not
 * be looked up — the MTA keeps it and tries again.
 */
export class SmtpListener {
  private readonly server: SMTPServer;
  private readonly recipients = new WeakMap<SMTPServerSession, Mailbox[]>();
  private readonly mailboxes: MailboxCache;

  constructor(
    private readonly options: SmtpListenerOptions,
    dataSource: DataSource,
    private readonly inbound: InboundMailsService,
    private readonly logger: Logger,
  ) {
    this.mailboxes = new MailboxCache(dataSource);
    this.server = new SMTPServer({
      lmtp: options.lmtp,
      name: options.hostname,
      banner: 'helpdesk mail gateway',
      size: options.maxMessageBytes,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      // A new transaction (also after RSET) starts without recipients.
      onMailFrom: (_address, session, callback) => {
        this.recipients.delete(session);
        callback();
      },
      onRcptTo: (address, session, callback) => {
        this.acceptRecipient(address, session).then(
          () => callback(),
          (error: Error) => {
            if ('responseCode' in error) return callback(error);
            // smtp-server answers an error without a code with 550, which makes the MTA bounce the
            // mail for good; a failed mailbox lookup (database down) is temporary.
            this.logger.error({ err: error }, 'looking up an inbound recipient failed');
            callback(reply(451, '4.3.0 recipient could not be checked, try again later'));
          },
        );
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          (message) => callback(null, message),
          (error: Error) => callback(error),
        );
      },
    });
    this.server.on('error', (error) => this.logger.warn({ err: error }, 'smtp listener connection error'));
    this.server.server.on('connection', coalesceReplies);
  }

  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.server.off('error', reject);
        resolve((this.server.server.address() as AddressInfo).port);
      });
    });
  }

  /** The bound port (after `listen`). */
  get port(): number {
    return (this.server.server.address() as AddressInfo | null)?.port ?? 0;
  }

  /** Stops taking connections and waits for open sessions to end. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async acceptRecipient(address: SMTPServerAddress, session: SMTPServerSession): Promise<void> {
    const mailbox = await this.mailboxes.byAddress(address.address.toLowerCase());
    if (!mailbox) throw reply(550, `5.1.1 <${address.address}>: no such mailbox here`);
    const known = this.recipients.get(session) ?? [];
    // The same mailbox named twice (two aliases, a repeated RCPT) is one recipient.
    if (!known.some((m) => m.id === mailbox.id)) this.recipients.set(session, [...known, mailbox]);
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
    const mailboxes = this.recipients.get(session) ?? [];
    this.recipients.delete(session);
    if (stream.sizeExceeded) throw reply(552, `5.3.4 message exceeds the maximum size of ${this.options.maxMessageBytes} bytes`);
    // One stored original and one ticket per mail, also when it names several mailboxes (see routeMail).
    if (mailboxes.length === 0) throw reply(503, '5.5.1 no valid recipients');
    const mailFrom = session.envelope.mailFrom;
    try {
      const result = await this.inbound.ingest({ recipients: mailboxes, raw: Buffer.concat(chunks), source: 'smtp', envelopeFrom: mailFrom && mailFrom.address ? mailFrom.address.toLowerCase() : null });
      if (result.kind === 'too_large') throw reply(552, `5.3.4 ${result.reason}`);
      return `2.0.0 stored as ${result.mailId}${result.kind === 'duplicate' ? ' (duplicate)' : ''}`;
    } catch (error) {
      if (error instanceof Error && 'responseCode' in error) throw error;
      this.logger.error({ err: error }, 'storing an inbound mail failed');
      throw reply(451, '4.3.0 mail could not be stored, try again later');
    }
  }
}
