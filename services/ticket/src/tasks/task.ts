import type { Actor, TicketTask } from '@helpdesk/contracts';
import { isoOrNull } from '../tickets/ticket';

/** What a task is: a sub-step, or a callback requested by a missed call ("Rückruf"). */
export type TaskKind = 'task' | 'callback';

/** open → done | cancelled; a finished task does not change again. */
export type TaskStatus = 'open' | 'done' | 'cancelled';

/** Who works on a task: an agent or a supplier's contact (a directory contact id). */
export interface TaskAssignee {
  readonly kind: 'agent' | 'supplier_contact';
  readonly id: string;
}

/** A customer appointment attached to a task. */
export interface Appointment {
  readonly mode: 'on_site' | 'online';
  readonly startsAt: Date;
  /** Always after `startsAt`. */
  readonly endsAt: Date;
  /** Address, for on-site appointments; null when online or not yet known. */
  readonly location: string | null;
  /** Meeting link, for online appointments; null when on site or not yet known. */
  readonly joinUrl: string | null;
}

/** A task ("Aufgabe") on a ticket. */
export interface Task {
  /** UUIDv7. */
  readonly id: string;
  readonly ticketId: string;
  readonly kind: TaskKind;
  readonly title: string;
  /** What is to be done; may be empty. */
  readonly description: string;
  readonly status: TaskStatus;
  /** Null when unassigned. */
  readonly assignee: TaskAssignee | null;
  readonly dueAt: Date | null;
  /** Due time minus the reminder lead; null without a reminder (and always without a due time). */
  readonly remindAt: Date | null;
  readonly appointment: Appointment | null;
  /** Callback tasks: the missed call; null otherwise. */
  readonly callId: string | null;
  /** Callback tasks: the number to call back in E.164; null otherwise or when withheld. */
  readonly callbackNumber: string | null;
  readonly createdBy: Actor;
  readonly createdAt: Date;
  /** When done or cancelled; null while open. */
  readonly completedAt: Date | null;
  /** Who finished it; null while open. */
  readonly completedBy: Actor | null;
  /** The outcome written on completion; empty while open or when none was given. */
  readonly completionNote: string;
}

/** A task as the `helpdesk.ticket.task.*` events carry it. */
export function toContractTask(task: Task): TicketTask {
  return {
    taskId: task.id,
    kind: task.kind,
    title: task.title,
    description: task.description,
    status: task.status,
    assigneeKind: task.assignee?.kind ?? null,
    assigneeId: task.assignee?.id ?? null,
    dueAt: isoOrNull(task.dueAt),
    remindAt: isoOrNull(task.remindAt),
    appointment: task.appointment
      ? {
          mode: task.appointment.mode,
          startsAt: task.appointment.startsAt.toISOString(),
          endsAt: task.appointment.endsAt.toISOString(),
          location: task.appointment.location,
          joinUrl: task.appointment.joinUrl,
        }
      : null,
    callId: task.callId,
    callbackNumber: task.callbackNumber,
    createdBy: task.createdBy,
    createdAt: task.createdAt.toISOString(),
    completedAt: isoOrNull(task.completedAt),
  };
}
