import type { EntityManager } from 'typeorm';

// The consumers act for the platform on every ticket, so these reads take no customer scope:
// nothing they return reaches a caller.

// Two-key advisory lock, apart from the platform libs' one-key locks (as the links feature does).
const CONTACT_LOCK = `SELECT pg_advisory_xact_lock(hashtext('inbound_contact'), hashtext($1))`;

/** What the mail and call consumers look up besides tickets. */
export class InboundRepository {
  /** Whether a message already records this inbound mail. */
  async mailRecorded(manager: EntityManager, mailId: string): Promise<boolean> {
    return exists(manager, `SELECT 1 FROM ticket_messages WHERE mail_id = $1`, [mailId]);
  }

  /** Whether a message already records this call. */
  async callRecorded(manager: EntityManager, callId: string): Promise<boolean> {
    return exists(manager, `SELECT 1 FROM ticket_messages WHERE call_id = $1`, [callId]);
  }

  /**
   * The contact's open ticket changed most recently (not before `changedSince` when given); null
   * when it has none. The status list is written out as in the partial index
   * `tickets_contact_open` (OPEN_STATUSES), so the planner uses it.
   */
  async latestOpenTicket(manager: EntityManager, contactId: string, changedSince: Date | null = null): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT id FROM tickets WHERE contact_id = $1 AND status IN ('new', 'open', 'in_progress', 'pending')
          AND ($2::timestamptz IS NULL OR updated_at >= $2)
        ORDER BY updated_at DESC, id DESC LIMIT 1`,
      [contactId, changedSince],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /**
   * Serialises the calls of one contact until the transaction ends, so two calls arriving at
   * once find the same open ticket instead of each opening one.
   */
  async lockContact(manager: EntityManager, contactId: string): Promise<void> {
    await manager.query(CONTACT_LOCK, [contactId]);
  }
}

async function exists(manager: EntityManager, sql: string, values: unknown[]): Promise<boolean> {
  const rows = (await manager.query(`${sql} LIMIT 1`, values)) as unknown[];
  return rows.length > 0;
}
