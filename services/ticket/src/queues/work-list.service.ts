import { scopeOf, type Caller } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import { isAvailable, type Agent } from '../agents/agent';
import { AgentsRepository } from '../agents/agents.repository';
import type { Ticket } from '../tickets/ticket';
import { assignTicket } from '../tickets/ticket-assignment';
import { unchanged } from '../tickets/ticket-decisions';
import { applyTicketChange, type TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketError } from '../tickets/ticket.errors';
import { carryOverTarget } from './carry-over';
import type { Queue } from './queue';
import { activeSlot, describeSlot, type ScheduleSlot } from './queue-schedule';
import { QueueTicketsRepository, type WorkItem } from './queue-tickets.repository';
import { QueuesRepository } from './queues.repository';
import { takeTicket } from './ticket-take';

/** A schedule slot active now, with its queue. */
export interface ActiveQueueSlot {
  readonly queue: Queue;
  readonly slot: ScheduleSlot;
}

/** An agent's work list. */
export interface WorkList {
  readonly agent: Agent;
  readonly items: readonly WorkItem[];
  /** More items exist than were asked for. */
  readonly truncated: boolean;
  /** The slots the agent serves now. */
  readonly activeSlots: readonly ActiveQueueSlot[];
}

/** Who carries tickets over to a new slot's member, as the history and `ticket.assigned` record it. */
export const QUEUE_SCHEDULE_ACTOR: Actor = { kind: 'system', id: null, displayName: 'ticket-queue-schedule' };

const DEFAULT_ITEMS = 100;
const MAX_ITEMS = 500;

/** Work lists, taking tickets, and carrying tickets in work over to a new schedule slot. */
export class WorkListService {
  private readonly agents = new AgentsRepository();
  private readonly queues = new QueuesRepository();
  private readonly tickets = new QueueTicketsRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly publisher: OutboxPublisher,
  ) {}

  /**
   * The agent's work list. Carry-over happens here, lazily: before the list is read, every
   * carry-over schedule queue the agent belongs to hands its tickets in work to the member of
   * its active slot. Any member's request settles the queue, whether they give or receive, so
   * the list never shows a ticket that has moved on with the slot.
   */
  async workList(caller: Caller, agentId: string, maxItems: number): Promise<WorkList> {
    const agent = await this.agent(agentId);
    const now = this.work.clock();
    const queues = await this.queues.scheduleQueuesOf(this.work.dataSource.manager, agent.id);
    const slots = queues.flatMap((queue) => {
      const slot = activeSlot(queue.schedule, queue.timeZone, now);
      return slot ? [{ queue, slot }] : [];
    });
    for (const active of slots) await this.carryOver(caller, active);
    const own = isAvailable(agent, now) ? slots.filter((s) => s.slot.agentId === agent.id) : [];
    const limit = maxItems > 0 ? Math.min(maxItems, MAX_ITEMS) : DEFAULT_ITEMS;
    const scope = scopeOf(caller);
    const items = await this.tickets.workList(this.work.dataSource.manager, scope, agent.id, own.map((s) => s.queue.id), limit + 1);
    return { agent, items: items.slice(0, limit), truncated: items.length > limit, activeSlots: own };
  }

  /**
   * The calling agent takes a ticket: assigned to them (mode `schedule` when they serve the
   * active slot of the ticket's schedule queue, else `manual`) and started when new or open.
   */
  async take(caller: Caller, ticketId: string, expectedVersion?: number): Promise<Ticket> {
    const agent = await this.agent(caller.subject);
    if (!agent.active) throw new TicketError('AGENT_NOT_AVAILABLE', `agent ${agent.displayName} is archived`);
    return this.work.change(caller, ticketId, expectedVersion, async (ticket, scope) => {
      const queue = ticket.queueId ? await this.queues.find(scope.manager, { id: ticket.queueId }) : undefined;
      const servesSlot = queue?.strategy === 'schedule' && activeSlot(queue.schedule, queue.timeZone, scope.now)?.agentId === agent.id;
      const decision = takeTicket(ticket, agent.id, servesSlot ? 'schedule' : 'manual', scope);
      return { decision, result: decision.ticket };
    });
  }

  private async agent(id: string): Promise<Agent> {
    const agent = await this.agents.find(this.work.dataSource.manager, id);
    if (!agent) throw new TicketError('AGENT_NOT_FOUND', `agent ${id} not found; register the agent with UpsertAgent`);
    return agent;
  }

  /** Moves the queue's tickets in work to the slot's member; each move re-checked under the ticket lock. */
  private async carryOver(caller: Caller, { queue, slot }: ActiveQueueSlot): Promise<void> {
    if (!queue.carryOverInProgress) return;
    const holder = await this.agents.find(this.work.dataSource.manager, slot.agentId);
    const available = holder !== undefined && isAvailable(holder, this.work.clock());
    if (!available) return;
    const candidates = await this.tickets.carryOverCandidates(this.work.dataSource.manager, scopeOf(caller), queue.id, slot.agentId, queue.memberIds);
    const reason = `carried over to the ${describeSlot(slot)} slot of queue ${queue.key}`;
    // The platform moves these tickets, not the agent asking for a list: a system actor.
    for (const ticketId of candidates) {
      await withTransaction(this.work.dataSource, (manager) =>
        applyTicketChange(manager, this.publisher.in(manager), {
          scope: scopeOf(caller),
          actor: QUEUE_SCHEDULE_ACTOR,
          ticketId,
          now: this.work.clock(),
          policy: this.work.policy,
          decide: (ticket, scope) => {
            const target = carryOverTarget(queue, slot, available, ticket);
            const decision = target ? assignTicket(ticket, { assigneeId: target, mode: 'schedule', reason }, scope) : unchanged(ticket);
            return { decision, result: undefined };
          },
        }),
      );
    }
  }
}
