import { AdvisoryLock } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import { ImapFlow } from 'imapflow';
import type { DataSource } from 'typeorm';
import type { InboundMailsService } from '../inbound/inbound-mails.service';
import type { Mailbox } from '../mailboxes/mailbox';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';

/** Poller settings. */
export interface ImapPollerOptions {
  readonly databaseUrl: string;
  readonly intervalMs: number;
}

/**
 * Polls the IMAP accounts of mailboxes (hosted mail such as Microsoft 365 or a provider's
 * IMAP): every unseen message is fetched, taken in (stored and its event written in one
 * transaction), and only then flagged \Seen. A crash in between leaves it unseen; the next poll
 * fetches it again and the Message-ID + content hash de-duplication stores it once. One replica
 * polls at a time (advisory lock), so two do not fetch the same mail concurrently.
 */
export class ImapPoller {
  private readonly lock: AdvisoryLock;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly options: ImapPollerOptions,
    private readonly dataSource: DataSource,
    private readonly inbound: InboundMailsService,
    private readonly logger: Logger,
  ) {
    this.lock = new AdvisoryLock(options.databaseUrl, 'mail-gateway-imap');
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.lock.release();
  }

  /** Polls every IMAP mailbox once (if this replica holds the lock); returns the mails taken in. */
  async pollOnce(): Promise<number> {
    if (!(await this.lock.tryAcquire())) return 0;
    let taken = 0;
    for (const mailbox of await new MailboxesRepository(this.dataSource.manager).withImap()) {
      if (this.stopped) break;
      try {
        taken += await this.pollMailbox(mailbox);
      } catch (error) {
        this.logger.warn({ err: error, mailboxId: mailbox.id }, 'imap poll failed');
      }
    }
    return taken;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce().then(
        () => this.schedule(this.options.intervalMs),
        (error: unknown) => {
          this.logger.error({ err: error }, 'imap poll round failed');
          this.schedule(this.options.intervalMs);
        },
      );
    }, delayMs);
  }

  private async pollMailbox(mailbox: Mailbox): Promise<number> {
    const account = mailbox.imap;
    if (!account) return 0;
    const client = new ImapFlow({ host: account.host, port: account.port, secure: account.tls, auth: { user: account.username, pass: account.password }, logger: false, disableAutoIdle: true });
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(account.folder);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          if (this.stopped) break;
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          const result = await this.inbound.ingest({ mailbox, raw: message.source, source: 'imap', envelopeFrom: null });
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          if (result.kind === 'stored') taken += 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return taken;
  }
}
