import type { EntityManager } from 'typeorm';
import type { ImapAccount, Mailbox } from './mailbox';

export interface MailboxRow {
  id: string;
  name: string;
  address: string;
  language: string | null;
  default_queue_id: string | null;
  default_category: string | null;
  imap: ImapAccount | null;
  created_at: Date;
}

export const MAILBOX_COLUMNS = 'id, name, address, language, default_queue_id, default_category, imap, created_at';

/** Mailboxes; the IMAP password is stored as given (use a secret store's mounted value in production). */
export class MailboxesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts; false when the address is taken. */
  async insert(mailbox: Mailbox): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO mailboxes (${MAILBOX_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (address) DO NOTHING RETURNING id`,
      [mailbox.id, mailbox.name, mailbox.address, mailbox.language, mailbox.defaultQueueId, mailbox.defaultCategory, mailbox.imap ? JSON.stringify(mailbox.imap) : null, mailbox.createdAt],
    );
    return rows.length === 1;
  }

  /** One page ordered by address, after `afterAddress` (exclusive). */
  async page(afterAddress: string | null, limit: number): Promise<Mailbox[]> {
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes WHERE address > $1 ORDER BY address LIMIT $2`, [afterAddress ?? '', limit]);
    return rows.map(toMailbox);
  }

  async byId(id: string): Promise<Mailbox | null> {
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes WHERE id = $1`, [id]);
    return rows[0] ? toMailbox(rows[0]) : null;
  }

  /** The mailboxes with these ids, by id. */
  async byIds(ids: readonly string[]): Promise<Map<string, Mailbox>> {
    if (ids.length === 0) return new Map();
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((row) => [row.id, toMailbox(row)]));
  }

  /** The mailboxes with any of `addresses` (lower-case), in no particular order. */
  async byAddresses(addresses: readonly string[]): Promise<Mailbox[]> {
    if (addresses.length === 0) return [];
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes WHERE address = ANY($1)`, [addresses]);
    return rows.map(toMailbox);
  }

  /** The mailbox of the first of `addresses` (lower-case) that has one, in the given order. */
  async firstByAddress(addresses: readonly string[]): Promise<Mailbox | null> {
    if (addresses.length === 0) return null;
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes WHERE address = ANY($1)`, [addresses]);
    const found = rows.map(toMailbox);
    for (const address of addresses) {
      const match = found.find((m) => m.address === address);
      if (match) return match;
    }
    return null;
  }

  /** The mailbox outbound mail without a ticket mailbox is sent from: the oldest one. */
  async fallback(): Promise<Mailbox | null> {
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes ORDER BY created_at, id LIMIT 1`);
    return rows[0] ? toMailbox(rows[0]) : null;
  }

  /** Mailboxes with an IMAP account. */
  async withImap(): Promise<Mailbox[]> {
    const rows: MailboxRow[] = await this.manager.query(`SELECT ${MAILBOX_COLUMNS} FROM mailboxes WHERE imap IS NOT NULL ORDER BY address`);
    return rows.map(toMailbox);
  }

  async count(): Promise<number> {
    const rows: { n: number }[] = await this.manager.query(`SELECT count(*)::int AS n FROM mailboxes`);
    return rows[0]?.n ?? 0;
  }
}

export function toMailbox(row: MailboxRow): Mailbox {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    language: row.language,
    defaultQueueId: row.default_queue_id,
    defaultCategory: row.default_category,
    imap: row.imap,
    createdAt: row.created_at,
  };
}
