import { toSnapshot, type Ticket } from '../tickets/ticket';
import { assertChangeable, nextVersion, type ChangeContext } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { TicketError } from '../tickets/ticket.errors';
import { toContractTask, type Task } from './task';
import type { TaskDecision } from './task-creation';
import './task-events';

/** How a task ends, and the outcome note (may be empty). */
export interface CompleteTaskInput {
  readonly status: 'done' | 'cancelled';
  readonly note: string;
}

/**
 * Decides finishing an open task of a ticket that is not closed or cancelled: the task done or
 * cancelled, the ticket's next version, `ticket.task.completed` and a `task_completed` history
 * entry. A task that is already done or cancelled is TASK_ALREADY_COMPLETED (a finished task is
 * not reopened; add a new one).
 */
export function completeTask(ticket: Ticket, task: Task, input: CompleteTaskInput, ctx: ChangeContext): TaskDecision {
  if (task.ticketId !== ticket.id) throw new TicketError('TASK_NOT_FOUND', `task ${task.id} not found on ticket ${ticket.number}`);
  if (task.status !== 'open') {
    throw new TicketError('TASK_ALREADY_COMPLETED', `task ${task.id} is already ${task.status}; add a new task instead`);
  }
  assertChangeable(ticket);
  const note = input.note.trim();
  const finished: Task = { ...task, status: input.status, completedAt: ctx.now, completedBy: ctx.actor, completionNote: note };
  const next = nextVersion(ticket, ticket.version, ctx.now);
  const event = ticketEvent('helpdesk.ticket.task.completed.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    task: toContractTask(finished),
    note,
  });
  const history = {
    kind: 'task_completed' as const,
    before: { taskId: task.id, status: task.status },
    after: { taskId: task.id, status: finished.status, note },
  };
  return { decision: { ticket: next, events: [event], history: [history] }, result: finished };
}
