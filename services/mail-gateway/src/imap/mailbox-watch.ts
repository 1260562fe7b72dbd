import type { Logger } from '@helpdesk/telemetry';
import { ImapFlow } from 'imapflow';
import type { InboundMailsService } from '../inbound/inbound-mails.service';
import type { Mailbox } from '../mailboxes/mailbox';
import { reconnectDelayMs } from './backoff';
import { WakeSignal } from './wake-signal';

/** Timing of one watch. */
export interface MailboxWatchOptions {
  /** Fallback sweep interval: the only one when the server lacks IDLE, a safety net when it has it. */
  readonly pollIntervalMs: number;
  /** First reconnect delay after a failure (doubling, at most `reconnectMaxMs`). */
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
}

// RFC 2177: re-issue IDLE well within the 29 minutes after which servers may drop the connection.
const MAX_IDLE_MS = 10 * 60_000;

/**
 * Keeps one IMAP connection to a mailbox's folder open. Each round it sweeps — every unseen
 * message is fetched, taken in (stored with its event in one transaction) and only then flagged
 * \Seen — and then waits: in IDLE when the server offers it, so a new message (EXISTS) starts the
 * next sweep at once; otherwise, or at the latest, for the poll interval. A lost connection or a
 * failed sweep reconnects with exponential back-off; a message taken in but not yet flagged is
 * fetched again and de-duplicated by Message-ID and content hash.
 */
export class MailboxWatch {
  private readonly wake = new WakeSignal();
  private stopped = false;
  private client: ImapFlow | undefined;
  private readonly done: Promise<void>;
  /** Whether the current connection uses IDLE (null before the first connect); for logs and tests. */
  usesIdle: boolean | null = null;

  constructor(
    readonly mailbox: Mailbox,
    private readonly inbound: InboundMailsService,
    private readonly options: MailboxWatchOptions,
    private readonly logger: Logger,
  ) {
    this.done = this.run();
  }

  /** Ends the watch: the current wait or IDLE is broken off, the connection logged out. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.wake();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.session(() => {
          failures = 0;
        });
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: error, mailboxId: this.mailbox.id, failures }, 'imap watch failed; reconnecting');
      }
      if (!this.stopped) await this.wake.wait(Math.max(1, reconnectDelayMs(Math.max(failures, 1), this.options.reconnectBaseMs, this.options.reconnectMaxMs)));
    }
  }

  /** One connection's life: connect, then sweep and wait until it fails or the watch stops. */
  private async session(connected: () => void): Promise<void> {
    const account = this.mailbox.imap;
    if (!account) return;
    const client = new ImapFlow({
      host: account.host, port: account.port, secure: account.tls, auth: { user: account.username, pass: account.password },
      logger: false, disableAutoIdle: true, maxIdleTime: MAX_IDLE_MS,
    });
    this.client = client;
    let closed = false;
    client.on('close', () => {
      closed = true;
      this.wake.wake();
    });
    client.on('exists', () => this.wake.wake());
    // ImapFlow emits 'error' for socket failures; 'close' follows and ends the session.
    client.on('error', (error: Error) => this.logger.warn({ err: error, mailboxId: this.mailbox.id }, 'imap connection error'));
    try {
      await client.connect();
      const lock = await client.getMailboxLock(account.folder);
      try {
        this.usesIdle = client.capabilities.has('IDLE');
        connected();
        while (!this.stopped) {
          await this.sweep(client);
          if (this.stopped) break;
          if (this.usesIdle) {
            // Resolves when the next command breaks it (the next sweep or the logout).
            client.idle().catch((error: unknown) => this.logger.warn({ err: error, mailboxId: this.mailbox.id }, 'imap idle failed'));
          }
          await this.wake.wait(this.options.pollIntervalMs);
          if (closed) throw new Error(`imap connection to ${account.host}:${account.port} closed`);
        }
      } finally {
        if (!closed) lock.release();
      }
    } finally {
      this.client = undefined;
      if (!closed) await client.logout().catch(() => client.close());
    }
  }

  private async sweep(client: ImapFlow): Promise<void> {
    const uids = (await client.search({ seen: false }, { uid: true })) || [];
    for (const uid of uids) {
      if (this.stopped) return;
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) continue;
      await this.inbound.ingest({ recipients: [this.mailbox], raw: message.source, source: 'imap', envelopeFrom: null });
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    }
  }
}
