import { AdvisoryLock } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import type { InboundMailsService } from '../inbound/inbound-mails.service';
import type { Mailbox } from '../mailboxes/mailbox';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import { MailboxWatch } from './mailbox-watch';
import { RepeatingRound } from '../shared/repeating-round';

/** Watcher settings (`MAIL_IMAP_*`). */
export interface ImapWatcherOptions {
  readonly databaseUrl: string;
  /** `MAIL_IMAP_POLL_INTERVAL`: sweep interval without IDLE, safety sweep with it. */
  readonly pollIntervalMs: number;
  /** `MAIL_IMAP_MAILBOX_REFRESH`: how often the mailbox list (new, changed, removed accounts) and the lock are re-read. */
  readonly refreshIntervalMs: number;
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
}

/**
 * Watches the IMAP accounts of all mailboxes (hosted mail such as Microsoft 365 or a provider's
 * IMAP), one {@link MailboxWatch} — one connection, IDLE where offered — per account. One replica
 * watches at a time (a session advisory lock): two replicas fetching the same folder would only
 * make duplicates for the de-duplication to drop. The mailbox list is re-read every refresh, so
 * a mailbox created or changed over gRPC (on any replica) is watched without a restart.
 */
export class ImapWatcher {
  private readonly lock: AdvisoryLock;
  private readonly watches = new Map<string, { key: string; watch: MailboxWatch }>();
  private readonly loop = new RepeatingRound<void>(
    () => this.refresh(),
    () => this.options.refreshIntervalMs,
    (error) => this.logger.error({ err: error }, 'imap mailbox refresh failed'),
  );

  constructor(
    private readonly options: ImapWatcherOptions,
    private readonly dataSource: DataSource,
    private readonly inbound: InboundMailsService,
    private readonly logger: Logger,
  ) {
    this.lock = new AdvisoryLock(options.databaseUrl, 'mail-gateway-imap');
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.stopAll();
    await this.lock.release();
  }

  /** The running watch of a mailbox (tests read whether it idles). */
  watchOf(mailboxId: string): MailboxWatch | undefined {
    return this.watches.get(mailboxId)?.watch;
  }

  /** Starts watches for new or changed accounts and stops those of removed ones (if this replica holds the lock). */
  async refresh(): Promise<void> {
    if (!(await this.lock.tryAcquire())) {
      await this.stopAll();
      return;
    }
    const mailboxes = await new MailboxesRepository(this.dataSource.manager).withImap();
    const wanted = new Map(mailboxes.map((m) => [m.id, m]));
    for (const [id, { key, watch }] of this.watches) {
      const mailbox = wanted.get(id);
      if (!mailbox || watchKey(mailbox) !== key) {
        this.watches.delete(id);
        await watch.stop();
      }
    }
    for (const mailbox of mailboxes) {
      if (this.loop.stopping || this.watches.has(mailbox.id)) continue;
      const { pollIntervalMs, reconnectBaseMs, reconnectMaxMs } = this.options;
      this.watches.set(mailbox.id, { key: watchKey(mailbox), watch: new MailboxWatch(mailbox, this.inbound, { pollIntervalMs, reconnectBaseMs, reconnectMaxMs }, this.logger) });
    }
  }

  private async stopAll(): Promise<void> {
    const all = [...this.watches.values()];
    this.watches.clear();
    await Promise.all(all.map(({ watch }) => watch.stop()));
  }

}

/** What a watch depends on: a changed account or routing restarts it. */
function watchKey(mailbox: Mailbox): string {
  return JSON.stringify([mailbox.imap, mailbox.defaultQueueId, mailbox.defaultCategory, mailbox.language, mailbox.address]);
}
