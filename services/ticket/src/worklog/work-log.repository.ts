import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { pageSize, type Page, type PageRequest } from '../tickets/ticket-filter';
import { invalidField } from '../tickets/ticket.errors';
import type { MaterialUsage, WorkLogEntryRecord, WorkLogLine } from './work-entry';

interface WorkLogRow {
  position: string;
  id: string;
  ticket_id: string;
  agent_id: string | null;
  activity_type: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  duration_minutes: number;
  performed_on: Date | null;
  billable: boolean;
  materials: MaterialUsage[];
  note: string;
  task_id: string | null;
  call_id: string | null;
  voids_entry_id: string | null;
  void_reason: string | null;
  recorded_by: Actor;
  recorded_at: Date;
  voided: boolean;
}

const WRITE_COLUMNS = [
  'id',
  'ticket_id',
  'agent_id',
  'activity_type',
  'started_at',
  'ended_at',
  'duration_minutes',
  'performed_on',
  'billable',
  'materials',
  'note',
  'task_id',
  'call_id',
  'voids_entry_id',
  'void_reason',
  'recorded_by',
  'recorded_at',
] as const;

// `voided` is derived: the row never changes, a voiding entry names it.
const SELECT = `
  SELECT e.position, ${WRITE_COLUMNS.map((c) => `e.${c}`).join(', ')},
         EXISTS (SELECT 1 FROM work_log_entries v WHERE v.voids_entry_id = e.id) AS voided
    FROM work_log_entries e`;

/**
 * The append-only `work_log_entries` table: inserts only (a trigger refuses updates and
 * deletes). Writes happen inside a ticket's unit of work; lists take the caller's scope.
 */
export class WorkLogRepository {
  async insert(manager: EntityManager, entry: WorkLogEntryRecord): Promise<void> {
    await manager.query(
      `INSERT INTO work_log_entries (${WRITE_COLUMNS.join(', ')}) VALUES (${WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      valuesOf(entry),
    );
  }

  /** An entry of a ticket the caller already holds, with `voided` derived; null when it has none with this id. */
  async findOnTicket(manager: EntityManager, ticketId: string, entryId: string): Promise<WorkLogLine | null> {
    const [row] = (await manager.query(`${SELECT} WHERE e.id = $1 AND e.ticket_id = $2`, [entryId, ticketId])) as WorkLogRow[];
    return row ? lineFromRow(row) : null;
  }

  /**
   * One page of a ticket's log in recording order; the page token is the last position seen.
   * A customer gets only billable entries that stand, and only on its own customer's tickets
   * (see `customerSeesWork`).
   */
  async list(manager: EntityManager, scope: CustomerScope, ticketId: string, page: PageRequest): Promise<Page<WorkLogLine>> {
    const after = positionOf(page.token);
    const size = pageSize(page.size);
    const values: unknown[] = [ticketId, after, size + 1];
    let sql = `${SELECT} WHERE e.ticket_id = $1 AND e.position > $2`;
    if (scope.kind === 'customer') {
      values.push(scope.customerId);
      sql += `
        AND e.voids_entry_id IS NULL AND e.billable
        AND NOT EXISTS (SELECT 1 FROM work_log_entries v WHERE v.voids_entry_id = e.id)
        AND EXISTS (SELECT 1 FROM tickets k WHERE k.id = e.ticket_id AND k.customer_id = $4)`;
    }
    const rows = (await manager.query(`${sql} ORDER BY e.position LIMIT $3`, values)) as WorkLogRow[];
    const items = rows.slice(0, size);
    const last = items.at(-1);
    return { items: items.map(lineFromRow), nextToken: rows.length > size && last ? String(last.position) : '' };
  }
}

function positionOf(token: string): string {
  if (token === '') return '0';
  if (!/^\d{1,18}$/.test(token)) throw invalidField('page.pageToken', 'is not a token this service issued');
  return token;
}

function valuesOf(entry: WorkLogEntryRecord): unknown[] {
  if (entry.kind === 'void') {
    const { id, ticketId, voidsEntryId, reason, recordedBy, recordedAt } = entry;
    return [id, ticketId, null, null, null, null, 0, null, false, '[]', '', null, null, voidsEntryId, reason, JSON.stringify(recordedBy), recordedAt];
  }
  return [
    entry.id,
    entry.ticketId,
    entry.agentId,
    entry.activityType,
    entry.startedAt,
    entry.endedAt,
    entry.durationMinutes,
    entry.performedOn,
    entry.billable,
    JSON.stringify(entry.materials),
    entry.note,
    entry.taskId,
    entry.callId,
    null,
    null,
    JSON.stringify(entry.recordedBy),
    entry.recordedAt,
  ];
}

function lineFromRow(row: WorkLogRow): WorkLogLine {
  const common = { id: row.id, ticketId: row.ticket_id, recordedBy: row.recorded_by, recordedAt: row.recorded_at };
  if (row.voids_entry_id !== null) {
    return { ...common, kind: 'void', voidsEntryId: row.voids_entry_id, reason: row.void_reason ?? '' };
  }
  return {
    ...common,
    kind: 'work',
    agentId: row.agent_id ?? '',
    activityType: row.activity_type ?? '',
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMinutes: row.duration_minutes,
    performedOn: row.performed_on ?? row.recorded_at,
    billable: row.billable,
    materials: row.materials,
    note: row.note,
    taskId: row.task_id,
    callId: row.call_id,
    voided: row.voided,
  };
}
