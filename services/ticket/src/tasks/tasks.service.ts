import { requireRole, scopeOf, type Caller, type Role } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import { uuidv7 } from '@helpdesk/messaging';
import { unchanged, type TicketPolicy } from '../tickets/ticket-decisions';
import type { TicketChangeRequest, TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketError } from '../tickets/ticket.errors';
import type { Task } from './task';
import { completeTask, type CompleteTaskInput } from './task-completion';
import { addCallbackTask, addTask, type CallbackPolicy, type CallbackTaskInput, type NewTaskInput } from './task-creation';
import { visibleTask, type VisibleTask } from './task-visibility';
import { TasksRepository } from './tasks.repository';

/** Who may add and complete tasks; customers only read their appointments. */
const TASK_WRITERS: readonly Role[] = ['admin', 'agent', 'integration'];

/** The system actor the call consumer's callbacks are recorded with by default. */
export const CALL_HANDLER_ACTOR: Actor = { kind: 'system', id: null, displayName: 'ticket-call-handler' };

/** Tasks on tickets: add, complete, list (callbacks for missed calls: {@link callbackTaskChange}). */
export class TasksService {
  readonly repository = new TasksRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly ids: () => string = uuidv7,
  ) {}

  /** Adds a task (kind `task`) to a ticket; staff only. */
  async add(caller: Caller, ticketId: string, input: NewTaskInput): Promise<Task> {
    requireRole(caller, TASK_WRITERS, 'TicketService/AddTask');
    const taskId = this.ids();
    return this.work.change(caller, ticketId, undefined, async (ticket, scope) => {
      const decided = addTask(ticket, taskId, input, scope);
      await this.repository.insert(scope.manager, decided.result);
      return decided;
    });
  }

  /** Marks an open task done or cancelled; staff only. */
  async complete(caller: Caller, ticketId: string, taskId: string, input: CompleteTaskInput): Promise<Task> {
    requireRole(caller, TASK_WRITERS, 'TicketService/CompleteTask');
    return this.work.change(caller, ticketId, undefined, async (ticket, scope) => {
      const task = await this.repository.findOnTicket(scope.manager, ticket.id, taskId);
      if (!task) throw new TicketError('TASK_NOT_FOUND', `task ${taskId} not found on ticket ${ticket.number}`);
      const decided = completeTask(ticket, task, input, scope);
      await this.repository.complete(scope.manager, decided.result);
      return decided;
    });
  }

  /**
   * The tasks of a ticket the caller may read, oldest first. Customers see only the tasks with
   * an appointment (their appointments), without internal detail (see `visibleTask`).
   */
  async list(caller: Caller, ticketId: string): Promise<VisibleTask[]> {
    const scope = scopeOf(caller);
    const manager = this.work.dataSource.manager;
    const ticket = await this.work.tickets.get(manager, scope, { id: ticketId });
    const tasks = await this.repository.list(manager, scope, ticket.id);
    return tasks.map((task) => visibleTask(scope, task));
  }
}

/** A callback request from the call consumer. */
export interface CallbackRequest extends CallbackTaskInput {
  /** The ticket the missed call belongs to (the caller's open ticket or a new one). */
  readonly ticketId: string;
}

/** Who, when and under which rules a callback is created. */
export interface CallbackChangeOptions {
  readonly callbacks: CallbackPolicy;
  readonly policy: TicketPolicy;
  readonly now: Date;
  /** Default {@link CALL_HANDLER_ACTOR}. */
  readonly actor?: Actor;
  readonly ids?: () => string;
}

/**
 * The ticket change that creates the callback task for a missed call, for the call consumer to
 * run in its handler's transaction (with the inbox row) as a system actor:
 *
 * ```ts
 * await applyTicketChange(tx.manager, tx.outbox, callbackTaskChange(request, { callbacks, policy, now: clock() }));
 * ```
 *
 * Idempotent per call: a call that already has its callback task returns that task and changes
 * nothing (no version, event or history), so a redelivered or repeated call event is harmless.
 */
export function callbackTaskChange(request: CallbackRequest, options: CallbackChangeOptions): TicketChangeRequest<Task> {
  const { ticketId, ...input } = request;
  const repository = new TasksRepository();
  return {
    scope: { kind: 'all' },
    actor: options.actor ?? CALL_HANDLER_ACTOR,
    ticketId,
    now: options.now,
    policy: options.policy,
    async decide(ticket, scope) {
      const existing = await repository.findCallback(scope.manager, input.callId);
      if (existing) return { decision: unchanged(ticket), result: existing };
      const decided = addCallbackTask(ticket, (options.ids ?? uuidv7)(), input, options.callbacks, scope);
      await repository.insert(scope.manager, decided.result);
      return decided;
    },
  };
}
