import type { EntityManager } from 'typeorm';
import type { Ticket } from '../tickets/ticket';
import type { ExportNames } from './export-row';

/**
 * Display names for the customers, agents and queues a batch of tickets names: three indexed
 * lookups per page of an export instead of a join in the hot list query. The tickets come from
 * a scoped list, so a customer only ever gets its own customer's name.
 */
export class ExportNamesRepository {
  async namesFor(manager: EntityManager, tickets: readonly Ticket[]): Promise<ExportNames> {
    const ids = (pick: (ticket: Ticket) => string | null) => [...new Set(tickets.map(pick).filter((id): id is string => id !== null))];
    const [customers, agents, queues] = await Promise.all([
      this.lookup(manager, `SELECT id, name || ' (' || customer_number || ')' AS name FROM customers WHERE id = ANY($1::uuid[])`, ids((t) => t.customerId)),
      this.lookup(manager, `SELECT id, display_name AS name FROM agents WHERE id = ANY($1::uuid[])`, ids((t) => t.assigneeId)),
      this.lookup(manager, `SELECT id, name FROM queues WHERE id = ANY($1::uuid[])`, ids((t) => t.queueId)),
    ]);
    return { customers, agents, queues };
  }

  private async lookup(manager: EntityManager, sql: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(sql, [ids])) as { id: string; name: string }[];
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
