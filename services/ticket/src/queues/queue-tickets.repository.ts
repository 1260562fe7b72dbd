import type { CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import type { Ticket } from '../tickets/ticket';
import { TICKET_COLUMNS, ticketFromRow, type TicketRow } from '../tickets/ticket-row';
import { OPEN_STATUSES } from '../tickets/ticket-status';
import { IN_WORK_STATUSES } from './carry-over';

/** Why a ticket is on a work list. */
export type WorkItemReason = 'assigned' | 'slot';

/** One line of a work list. */
export interface WorkItem {
  readonly ticket: Ticket;
  readonly reason: WorkItemReason;
}

/**
 * The ticket reads of queue work: work lists, an absent agent's tickets, carry-over candidates.
 * Every read takes the caller's scope; these are staff features, so a customer scope only ever
 * narrows them further.
 */
export class QueueTicketsRepository {
  /** Ids of the open tickets assigned to `agentId`, oldest first. */
  async openAssignedTo(manager: EntityManager, scope: CustomerScope, agentId: string): Promise<string[]> {
    const params: unknown[] = [agentId, [...OPEN_STATUSES]];
    const rows = (await manager.query(
      `SELECT id FROM tickets WHERE assignee_id = $1 AND status = ANY($2::text[]) ${scoped(scope, params)} ORDER BY created_at, id`,
      params,
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Ids of the tickets in work in `queueId` held by a member other than `slotAgentId`. */
  async carryOverCandidates(manager: EntityManager, scope: CustomerScope, queueId: string, slotAgentId: string, memberIds: readonly string[]): Promise<string[]> {
    const params: unknown[] = [queueId, slotAgentId, [...memberIds], [...IN_WORK_STATUSES]];
    const rows = (await manager.query(
      `SELECT id FROM tickets
        WHERE queue_id = $1 AND assignee_id <> $2 AND assignee_id = ANY($3::uuid[]) AND status = ANY($4::text[]) ${scoped(scope, params)}
        ORDER BY created_at, id`,
      params,
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /**
   * A work list: the open tickets assigned to `agentId` plus the unassigned open tickets of
   * `slotQueueIds`, most urgent first (the order of ListTickets' urgency sort), at most `limit`.
   */
  async workList(manager: EntityManager, scope: CustomerScope, agentId: string, slotQueueIds: readonly string[], limit: number): Promise<WorkItem[]> {
    const params: unknown[] = [agentId, [...slotQueueIds], [...OPEN_STATUSES], limit];
    const rows = (await manager.query(
      `SELECT ${TICKET_COLUMNS}, (assignee_id IS NOT NULL) AS assigned FROM tickets
        WHERE status = ANY($3::text[])
          AND (assignee_id = $1 OR (assignee_id IS NULL AND queue_id = ANY($2::uuid[])))
          ${scoped(scope, params)}
        ORDER BY -sla_rank, COALESCE(due_at, 'infinity'), -priority_rank, created_at, id
        LIMIT $4`,
      params,
    )) as (TicketRow & { assigned: boolean })[];
    return rows.map((row) => ({ ticket: ticketFromRow(row), reason: row.assigned ? 'assigned' : 'slot' }));
  }
}

function scoped(scope: CustomerScope, params: unknown[]): string {
  if (scope.kind === 'all') return '';
  params.push(scope.customerId);
  return `AND customer_id = $${params.length}`;
}
