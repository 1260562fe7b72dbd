import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { Task } from './task';

/** A task as one caller may see it; for customers the internal parts are blank (see {@link visibleTask}). */
export interface VisibleTask extends Omit<Task, 'createdBy' | 'completedBy'> {
  /** Null when hidden from the caller. */
  readonly createdBy: Actor | null;
  /** Null while open or when hidden from the caller. */
  readonly completedBy: Actor | null;
}

/**
 * Whether a customer sees a task of one of its own tickets: only tasks with an appointment,
 * which are the customer's appointments. Other tasks (sub-steps, callbacks, supplier work) are
 * internal. The tasks repository applies the same rule in SQL.
 */
export function customerSeesTask(task: Pick<Task, 'appointment'>): boolean {
  return task.appointment !== null;
}

/**
 * The task as a caller with `scope` sees it. Staff see everything. A customer sees the title,
 * kind, status, due time, appointment and times, but not the description, the assignee (it may
 * be a supplier), the reminder, the call data, who created or finished it, or the completion
 * note: those are working notes of the support team.
 */
export function visibleTask(scope: CustomerScope, task: Task): VisibleTask {
  if (scope.kind === 'all') return task;
  return {
    ...task,
    description: '',
    assignee: null,
    remindAt: null,
    callId: null,
    callbackNumber: null,
    createdBy: null,
    completedBy: null,
    completionNote: '',
  };
}
