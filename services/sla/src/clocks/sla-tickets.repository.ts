import type { TicketPriority, TicketStatus } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { SlaTicket } from './sla-ticket';

interface TicketRow {
  ticket_id: string;
  number: string;
  summary: string;
  priority: string;
  status: string;
  customer_id: string | null;
  contract_id: string | null;
  assignee_id: string | null;
  queue_id: string | null;
  ticket_version: number;
  policy_id: string | null;
  sla_version: number;
  created_at: Date;
}

export const TICKET_COLUMNS = 'ticket_id, number, summary, priority, status, customer_id, contract_id, assignee_id, queue_id, ticket_version, policy_id, sla_version, created_at';

/** Maps a row to the read model. */
export function slaTicketOf(row: TicketRow): SlaTicket {
  return {
    ticketId: row.ticket_id,
    number: row.number,
    summary: row.summary,
    priority: row.priority as TicketPriority,
    status: row.status as TicketStatus,
    customerId: row.customer_id,
    contractId: row.contract_id,
    assigneeId: row.assignee_id,
    queueId: row.queue_id,
    ticketVersion: row.ticket_version,
    policyId: row.policy_id,
    slaVersion: row.sla_version,
    createdAt: row.created_at,
  };
}

/** The ticket read model; every writer of a ticket's clocks locks its row first. */
export class SlaTicketsRepository {
  /** The ticket, locked for this transaction; undefined when unknown. */
  async lock(manager: EntityManager, ticketId: string): Promise<SlaTicket | undefined> {
    const rows = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM sla_tickets WHERE ticket_id = $1 FOR UPDATE`, [ticketId])) as TicketRow[];
    return rows[0] ? slaTicketOf(rows[0]) : undefined;
  }

  async find(manager: EntityManager, ticketId: string): Promise<SlaTicket | undefined> {
    const rows = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM sla_tickets WHERE ticket_id = $1`, [ticketId])) as TicketRow[];
    return rows[0] ? slaTicketOf(rows[0]) : undefined;
  }

  /** Inserts the ticket unless a concurrent transaction did; false when it exists already. */
  async insert(manager: EntityManager, t: SlaTicket): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO sla_tickets (${TICKET_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [t.ticketId, t.number, t.summary, t.priority, t.status, t.customerId, t.contractId, t.assigneeId, t.queueId, t.ticketVersion, t.policyId, t.slaVersion, t.createdAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async update(manager: EntityManager, t: SlaTicket): Promise<void> {
    await manager.query(
      `UPDATE sla_tickets SET number = $2, summary = $3, priority = $4, status = $5, customer_id = $6, contract_id = $7, assignee_id = $8,
         queue_id = $9, ticket_version = $10, policy_id = $11, sla_version = $12 WHERE ticket_id = $1`,
      [t.ticketId, t.number, t.summary, t.priority, t.status, t.customerId, t.contractId, t.assigneeId, t.queueId, t.ticketVersion, t.policyId, t.slaVersion],
    );
  }

  /** Advances the SLA versions of many locked tickets at once; returns the new versions. */
  async bumpVersions(manager: EntityManager, ticketIds: readonly string[]): Promise<Map<string, number>> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows] = (await manager.query(
      `UPDATE sla_tickets SET sla_version = sla_version + 1 WHERE ticket_id = ANY($1::uuid[]) RETURNING ticket_id, sla_version`,
      [ticketIds],
    )) as [{ ticket_id: string; sla_version: number }[], number];
    return new Map(rows.map((r) => [r.ticket_id, r.sla_version]));
  }
}
