import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { kindSeenFrom, type LinkTargetKey, type LinkedTicket, type StoredLink, type StoredLinkKind } from './ticket-link';
import { isUuid } from '../shared/uuid';


// Parent links are added one at a time across the whole service: two links added concurrently
// on disjoint tickets (A→B and C→D while B→C and D→A exist) could otherwise close a loop that
// neither transaction sees. Parent links are rare, so one lock costs nothing. The two-key form
// keeps it apart from the one-key advisory locks of the platform libs.
const PARENT_LINKS_LOCK = `SELECT pg_advisory_xact_lock(hashtext('ticket_links'), 1)`;

interface LinkRow {
  ticket_id: string;
  linked_ticket_id: string;
  kind: StoredLinkKind;
  other_id: string;
  other_number: string;
}

/** Ticket links (`ticket_links`). Reads of linked tickets take the caller's scope. */
export class LinksRepository {
  /** The id and number of a ticket in scope, by id or number; undefined when there is none. */
  async ticketRef(manager: EntityManager, scope: CustomerScope, key: LinkTargetKey): Promise<{ id: string; number: string } | undefined> {
    const byId = 'id' in key;
    if (byId && !isUuid(key.id)) return undefined;
    const values: unknown[] = [byId ? key.id : key.number];
    let sql = `SELECT id, number FROM tickets WHERE ${byId ? 'id' : 'number'} = $1`;
    if (scope.kind === 'customer') {
      values.push(scope.customerId);
      sql += ' AND customer_id = $2';
    }
    const [row] = (await manager.query(sql, values)) as { id: string; number: string }[];
    return row;
  }

  /**
   * The tickets linked to `ticketId`, as seen from it, oldest link first. A customer scope
   * leaves out linked tickets of other customers.
   */
  async linkedTickets(manager: EntityManager, scope: CustomerScope, ticketId: string): Promise<LinkedTicket[]> {
    const values: unknown[] = [ticketId];
    let scoped = '';
    if (scope.kind === 'customer') {
      values.push(scope.customerId);
      scoped = 'AND t.customer_id = $2';
    }
    const rows = (await manager.query(
      `SELECT l.ticket_id, l.linked_ticket_id, l.kind, t.id AS other_id, t.number AS other_number
         FROM ticket_links l
         JOIN tickets t ON t.id = CASE WHEN l.ticket_id = $1 THEN l.linked_ticket_id ELSE l.ticket_id END
        WHERE (l.ticket_id = $1 OR l.linked_ticket_id = $1) ${scoped}
        ORDER BY l.created_at, t.number`,
      values,
    )) as LinkRow[];
    return rows.map((row) => ({
      kind: kindSeenFrom({ ticketId: row.ticket_id, linkedTicketId: row.linked_ticket_id, kind: row.kind }, ticketId),
      ticketId: row.other_id,
      number: row.other_number,
    }));
  }

  /**
   * Whether making `parentId` the parent of `childId` closes a loop: `childId` is `parentId`'s
   * ancestor already. Takes the service-wide parent-link lock first (held until the transaction
   * ends), so the answer stays true until the link is inserted.
   */
  async createsParentCycle(manager: EntityManager, childId: string, parentId: string): Promise<boolean> {
    await manager.query(PARENT_LINKS_LOCK);
    // UNION (not UNION ALL) stops at tickets already visited, so even a corrupt loop terminates.
    const [row] = (await manager.query(
      `WITH RECURSIVE ancestors (id) AS (
         SELECT linked_ticket_id FROM ticket_links WHERE ticket_id = $1 AND kind = 'parent'
         UNION
         SELECT l.linked_ticket_id FROM ticket_links l JOIN ancestors a ON l.ticket_id = a.id WHERE l.kind = 'parent'
       )
       SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS cycle`,
      [parentId, childId],
    )) as { cycle: boolean }[];
    return row?.cycle ?? false;
  }

  /**
   * Inserts a link; false when the pair got linked by a concurrent transaction meanwhile (the
   * unique pair index), so the caller can ask for a retry instead of failing with a raw error.
   */
  async insert(manager: EntityManager, link: StoredLink, now: Date, actor: Actor): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [link.ticketId, link.linkedTicketId, link.kind, now, JSON.stringify(actor)],
    )) as unknown[];
    return rows.length === 1;
  }
}
