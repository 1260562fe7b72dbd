import type { DataSource } from 'typeorm';
import type { Mailbox } from './mailbox';
import { MailboxesRepository } from './mailboxes.repository';

/**
 * Mailboxes by address for the SMTP listener's RCPT TO, so that a busy listener does not ask
 * PostgreSQL once per recipient. Only found mailboxes are kept, for `ttlMs`: a mailbox created a
 * moment ago (on any replica) is found at once, and a changed one is current after `ttlMs`.
 */
export class MailboxCache {
  private readonly entries = new Map<string, { readonly mailbox: Mailbox; readonly until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The mailbox with this lower-case address; null when there is none. */
  async byAddress(address: string): Promise<Mailbox | null> {
    const hit = this.entries.get(address);
    if (hit && hit.until > this.now()) return hit.mailbox;
    const mailbox = await new MailboxesRepository(this.dataSource.manager).firstByAddress([address]);
    if (mailbox) this.entries.set(address, { mailbox, until: this.now() + this.ttlMs });
    else this.entries.delete(address);
    return mailbox;
  }
}
