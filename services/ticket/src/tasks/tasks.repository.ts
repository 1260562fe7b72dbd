import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { Appointment, Task, TaskKind, TaskStatus } from './task';

interface TaskRow {
  id: string;
  ticket_id: string;
  kind: TaskKind;
  title: string;
  description: string;
  status: TaskStatus;
  assignee_kind: 'agent' | 'supplier_contact' | null;
  assignee_id: string | null;
  due_at: Date | null;
  remind_at: Date | null;
  appointment_mode: Appointment['mode'] | null;
  appointment_starts_at: Date | null;
  appointment_ends_at: Date | null;
  appointment_location: string | null;
  appointment_join_url: string | null;
  call_id: string | null;
  callback_number: string | null;
  created_by: Actor;
  created_at: Date;
  completed_at: Date | null;
  completed_by: Actor | null;
  completion_note: string;
}

const COLUMNS = [
  'id',
  'ticket_id',
  'kind',
  'title',
  'description',
  'status',
  'assignee_kind',
  'assignee_id',
  'due_at',
  'remind_at',
  'appointment_mode',
  'appointment_starts_at',
  'appointment_ends_at',
  'appointment_location',
  'appointment_join_url',
  'call_id',
  'callback_number',
  'created_by',
  'created_at',
  'completed_at',
  'completed_by',
  'completion_note',
] as const;

const SELECT = `SELECT ${COLUMNS.map((c) => `t.${c}`).join(', ')} FROM ticket_tasks t`;

/**
 * The `ticket_tasks` table. Writes happen inside a ticket's unit of work (the ticket row is
 * locked, so a task's changes queue behind each other); lists take the caller's scope.
 */
export class TasksRepository {
  async insert(manager: EntityManager, task: Task): Promise<void> {
    const values = valuesOf(task);
    await manager.query(`INSERT INTO ticket_tasks (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, values);
  }

  /** Writes the completion of a task that is still open in the database. */
  async complete(manager: EntityManager, task: Task): Promise<void> {
    const [, affected] = (await manager.query(
      `UPDATE ticket_tasks SET status = $2, completed_at = $3, completed_by = $4, completion_note = $5 WHERE id = $1 AND status = 'open'`,
      [task.id, task.status, task.completedAt, JSON.stringify(task.completedBy), task.completionNote],
    )) as [unknown, number];
    if (affected !== 1) throw new Error(`task ${task.id} was completed meanwhile although its ticket was locked`);
  }

  /** A task of a ticket the caller already holds (locked or read in scope); null when it has none with this id. */
  async findOnTicket(manager: EntityManager, ticketId: string, taskId: string): Promise<Task | null> {
    const [row] = (await manager.query(`${SELECT} WHERE t.id = $1 AND t.ticket_id = $2`, [taskId, ticketId])) as TaskRow[];
    return row ? taskFromRow(row) : null;
  }

  /** The callback task created for a missed call, if any. */
  async findCallback(manager: EntityManager, callId: string): Promise<Task | null> {
    const [row] = (await manager.query(`${SELECT} WHERE t.call_id = $1 AND t.kind = 'callback'`, [callId])) as TaskRow[];
    return row ? taskFromRow(row) : null;
  }

  /**
   * The tasks of a ticket, oldest first. A customer gets only tasks with an appointment, and only
   * on its own customer's tickets (see `customerSeesTask`).
   */
  async list(manager: EntityManager, scope: CustomerScope, ticketId: string): Promise<Task[]> {
    const values: unknown[] = [ticketId];
    let sql = `${SELECT} WHERE t.ticket_id = $1`;
    if (scope.kind === 'customer') {
      values.push(scope.customerId);
      sql += ` AND t.appointment_mode IS NOT NULL AND EXISTS (SELECT 1 FROM tickets k WHERE k.id = t.ticket_id AND k.customer_id = $2)`;
    }
    const rows = (await manager.query(`${sql} ORDER BY t.created_at, t.id`, values)) as TaskRow[];
    return rows.map(taskFromRow);
  }
}

function valuesOf(task: Task): unknown[] {
  const a = task.appointment;
  return [
    task.id,
    task.ticketId,
    task.kind,
    task.title,
    task.description,
    task.status,
    task.assignee?.kind ?? null,
    task.assignee?.id ?? null,
    task.dueAt,
    task.remindAt,
    a?.mode ?? null,
    a?.startsAt ?? null,
    a?.endsAt ?? null,
    a?.location ?? null,
    a?.joinUrl ?? null,
    task.callId,
    task.callbackNumber,
    JSON.stringify(task.createdBy),
    task.createdAt,
    task.completedAt,
    task.completedBy ? JSON.stringify(task.completedBy) : null,
    task.completionNote,
  ];
}

function taskFromRow(row: TaskRow): Task {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    status: row.status,
    assignee: row.assignee_kind && row.assignee_id ? { kind: row.assignee_kind, id: row.assignee_id } : null,
    dueAt: row.due_at,
    remindAt: row.remind_at,
    appointment:
      row.appointment_mode && row.appointment_starts_at && row.appointment_ends_at
        ? {
            mode: row.appointment_mode,
            startsAt: row.appointment_starts_at,
            endsAt: row.appointment_ends_at,
            location: row.appointment_location,
            joinUrl: row.appointment_join_url,
          }
        : null,
    callId: row.call_id,
    callbackNumber: row.callback_number,
    createdBy: row.created_by,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    completionNote: row.completion_note,
  };
}
