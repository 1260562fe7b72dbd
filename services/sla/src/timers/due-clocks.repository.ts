import type { EntityManager } from 'typeorm';

/** Claims due timers: running clocks whose next moment has come. */
export class DueClocksRepository {
  /**
   * Locks up to `limit` due clocks together with their tickets, skipping rows another replica
   * (or a handler working on the ticket) holds, so each due moment is processed by exactly one
   * transaction; a crash rolls the claim back and another replica takes it.
   */
  async claim(manager: EntityManager, now: Date, limit: number): Promise<{ clockId: string; ticketId: string }[]> {
    const rows = (await manager.query(
      `SELECT c.id, c.ticket_id FROM sla_clocks c JOIN sla_tickets t ON t.ticket_id = c.ticket_id
       WHERE c.state = 'running' AND c.next_fire_at IS NOT NULL AND c.next_fire_at <= $1
       ORDER BY c.next_fire_at LIMIT $2
       FOR UPDATE OF c, t SKIP LOCKED`,
      [now, limit],
    )) as { id: string; ticket_id: string }[];
    return rows.map((r) => ({ clockId: r.id, ticketId: r.ticket_id }));
  }

  /** Running clocks due by `now` (for the metrics gauge of timers due). */
  async countDue(manager: EntityManager, now: Date): Promise<number> {
    const rows = (await manager.query(`SELECT count(*)::int AS n FROM sla_clocks WHERE state = 'running' AND next_fire_at <= $1`, [now])) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}
