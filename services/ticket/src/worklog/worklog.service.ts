import { requireRole, scopeOf, type Caller, type Role } from '@helpdesk/auth';
import { uuidv7 } from '@helpdesk/messaging';
import { TasksRepository } from '../tasks/tasks.repository';
import type { Page, PageRequest } from '../tickets/ticket-filter';
import type { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import type { RecordedWork, WorkVoid } from './work-entry';
import { recordWork, type RecordWorkInput } from './work-recording';
import { visibleWorkLine, type VisibleWorkLine } from './work-visibility';
import { voidWork, type VoidWorkInput } from './work-voiding';
import { WorkLogRepository } from './work-log.repository';
import type { WorklogSettings } from './worklog-settings';

/** Who may record and void work; customers at most read. */
const WORK_WRITERS: readonly Role[] = ['admin', 'agent', 'integration'];

/** The append-only work log of tickets: record, void, list. */
export class WorklogService {
  readonly repository = new WorkLogRepository();
  private readonly tasks = new TasksRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly settings: WorklogSettings,
    private readonly ids: () => string = uuidv7,
  ) {}

  /** Records work on a ticket; staff only. */
  async record(caller: Caller, ticketId: string, input: RecordWorkInput): Promise<RecordedWork> {
    requireRole(caller, WORK_WRITERS, 'TicketService/RecordWork');
    const entryId = this.ids();
    return this.work.change(caller, ticketId, undefined, async (ticket, scope) => {
      const task = input.taskId ? await this.tasks.findOnTicket(scope.manager, ticket.id, input.taskId) : null;
      const decided = recordWork(ticket, input, { ...scope, entryId, rules: this.settings, task });
      await this.repository.insert(scope.manager, decided.result);
      return decided;
    });
  }

  /** Voids a work entry by appending a voiding entry; staff only. Returns the voiding entry. */
  async voidEntry(caller: Caller, ticketId: string, input: VoidWorkInput): Promise<WorkVoid> {
    requireRole(caller, WORK_WRITERS, 'TicketService/VoidWork');
    const voidId = this.ids();
    return this.work.change(caller, ticketId, undefined, async (ticket, scope) => {
      const original = await this.repository.findOnTicket(scope.manager, ticket.id, input.entryId);
      const decided = voidWork(ticket, original, input, { ...scope, voidId });
      await this.repository.insert(scope.manager, decided.result);
      return decided;
    });
  }

  /**
   * One page of a ticket's work log, oldest first, voided entries marked. Customers see only
   * their own tickets' billable entries that stand, without internal references (see
   * `visibleWorkLine`); other customers' tickets are TICKET_NOT_FOUND.
   */
  async list(caller: Caller, ticketId: string, page: PageRequest): Promise<Page<VisibleWorkLine>> {
    const scope = scopeOf(caller);
    const manager = this.work.dataSource.manager;
    const ticket = await this.work.tickets.get(manager, scope, { id: ticketId });
    const lines = await this.repository.list(manager, scope, ticket.id, page);
    return { items: lines.items.map((line) => visibleWorkLine(scope, line)), nextToken: lines.nextToken };
  }
}
