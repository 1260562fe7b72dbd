import { GroupedCalls } from '@helpdesk/persistence';
import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { isAvailable } from '../agents/agent';
import { AgentsRepository } from '../agents/agents.repository';
import type { Ticket } from '../tickets/ticket';
import { assignTicket } from '../tickets/ticket-assignment';
import { unchanged, type TicketPolicy } from '../tickets/ticket-decisions';
import { applyTicketChange, type ChangeOutbox } from '../tickets/ticket-unit-of-work';
import type { ActiveQueuesCache } from './active-queues-cache';
import { routeByRule, type Queue } from './queue';
import { needsRouting, routingAssignment } from './queue-routing';
import { QueuesRepository } from './queues.repository';
import { nextRoundRobinMember } from './round-robin';

/** Who routes tickets, as the history and `ticket.assigned` record it. */
export const QUEUE_ROUTING_ACTOR: Actor = { kind: 'system', id: null, displayName: 'ticket-queue-routing' };

/** What routing did with a ticket. */
export type RoutingOutcome = 'assigned' | 'queued' | 'unchanged';

/**
 * Routes unassigned open tickets: a ticket without a queue goes to the queue its category and
 * priority route it to; in an active round-robin queue it is assigned to the member whose turn
 * it is. One ticket change in the caller's transaction (the routing consumer's, which also holds
 * the inbox row): ticket row locked first, then the queue row for the rotation, so routing the
 * same ticket twice, or concurrently, assigns it once and no turn is handed out twice.
 */
export class QueueRouting {
  private readonly queues = new QueuesRepository();
  private readonly agents = new AgentsRepository();

  /**
   * The unlocked candidate reads of {@link mayRoute}, per reader: the routing consumer checks
   * several events at once, and checks that overlap share one query for all their categories.
   */
  private readonly candidateReads = new WeakMap<EntityManager, GroupedCalls<string, Queue[]>>();

  /** Without a cache (tests, scripts) every check reads the queues. */
  constructor(
    private readonly policy: TicketPolicy,
    private readonly activeQueues?: ActiveQueuesCache,
  ) {}

  route(manager: EntityManager, outbox: ChangeOutbox, ticketId: string, now: Date): Promise<RoutingOutcome> {
    return applyTicketChange(manager, outbox, {
      scope: { kind: 'all' },
      actor: QUEUE_ROUTING_ACTOR,
      ticketId,
      now,
      policy: this.policy,
      decide: async (ticket, scope) => {
        const queue = needsRouting(ticket) ? await this.queueOf(manager, ticket) : undefined;
        if (!queue) return { decision: unchanged(ticket), result: 'unchanged' as const };
        const member = await this.claimTurn(manager, queue, now);
        const input = routingAssignment(ticket, queue, member);
        if (!input) return { decision: unchanged(ticket), result: 'unchanged' as const };
        return { decision: assignTicket(ticket, input, scope), result: member ? ('assigned' as const) : ('queued' as const) };
      },
    });
  }

  /**
   * Whether {@link route} could change the ticket as the snapshot shows it: false when no queue
   * takes it, or when it already sits in its queue and that queue hands out no turns. Reads
   * without locks, so it may say true for a ticket that `route` then leaves unchanged.
   */
  async mayRoute(reader: EntityManager, ticket: Pick<Ticket, 'queueId' | 'category' | 'priority'>): Promise<boolean> {
    const kept = this.activeQueues?.current(reader);
    return mayChange(ticket, kept ? keptQueueOf(await kept, ticket) : await this.readQueueOf(reader, ticket));
  }

  /** {@link mayRoute} from active queues kept and read already, without waiting; undefined when there are none. */
  mayRouteNow(ticket: Pick<Ticket, 'queueId' | 'category' | 'priority'>): boolean | undefined {
    const active = this.activeQueues?.keptNow();
    return active ? mayChange(ticket, keptQueueOf(active, ticket)) : undefined;
  }

  private async readQueueOf(reader: EntityManager, ticket: Pick<Ticket, 'queueId' | 'category' | 'priority'>): Promise<Queue | undefined> {
    return ticket.queueId ? this.queues.find(reader, { id: ticket.queueId }) : routeByRule(await this.candidatesReader(reader).call(ticket.category), ticket);
  }

  private async queueOf(manager: EntityManager, ticket: Pick<Ticket, 'queueId' | 'category' | 'priority'>): Promise<Queue | undefined> {
    if (ticket.queueId) return this.queues.find(manager, { id: ticket.queueId });
    return routeByRule(await this.queues.routingCandidates(manager, ticket.category), ticket);
  }

  /** The member whose turn it is in an active round-robin queue, moving the pointer; null otherwise. */
  private async claimTurn(manager: EntityManager, queue: Queue, now: Date): Promise<string | null> {
    if (!handsOutTurns(queue)) return null;
    const rotation = await this.queues.claimRotation(manager, queue.id);
    // Share-locked: SetAgentAvailability's reassignment then sees every ticket routed to the agent before the absence.
    const agents = await this.agents.byIds(manager, queue.memberIds, true);
    const member = nextRoundRobinMember(queue.memberIds, rotation.lastAgentId, (id) => {
      const agent = agents.get(id);
      return agent !== undefined && isAvailable(agent, now);
    });
    if (member) await this.queues.saveRotation(manager, queue.id, member);
    return member;
  }

  private candidatesReader(reader: EntityManager): GroupedCalls<string, Queue[]> {
    let reads = this.candidateReads.get(reader);
    if (!reads) {
      reads = new GroupedCalls<string, Queue[]>(
        async (categories) => {
          const queues = await this.queues.routingCandidatesOfAny(reader, [...new Set(categories)]);
          // Each caller gets what `routingCandidates` would have read for its category alone.
          return categories.map((category) => ({ status: 'fulfilled', value: queues.filter((q) => q.categories.includes(category)) }));
        },
        { maxGroup: 64 },
      );
      this.candidateReads.set(reader, reads);
    }
    return reads;
  }
}

/**
 * What {@link QueueRouting.readQueueOf} reads, from the kept active queues: the ticket's own queue
 * only when active (an inactive or unknown one makes `mayRoute` false either way), else the one
 * its category and priority route it to among the candidates of its category.
 */
function keptQueueOf(active: readonly Queue[], ticket: Pick<Ticket, 'queueId' | 'category' | 'priority'>): Queue | undefined {
  if (ticket.queueId) return active.find((queue) => queue.id === ticket.queueId);
  return routeByRule(active.filter((queue) => queue.categories.includes(ticket.category)), ticket);
}

/** Whether routing could change the ticket, given its queue (or the one its rule picks). */
function mayChange(ticket: Pick<Ticket, 'queueId'>, queue: Queue | undefined): boolean {
  if (!queue) return false;
  return ticket.queueId !== queue.id || handsOutTurns(queue);
}

/** An active round-robin queue with members assigns its tickets; other queues only hold them. */
function handsOutTurns(queue: Queue): boolean {
  return queue.active && queue.strategy === 'round_robin' && queue.memberIds.length > 0;
}
