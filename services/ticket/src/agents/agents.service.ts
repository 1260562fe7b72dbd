import { scopeOf, type Caller } from '@helpdesk/auth';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import { QueueTicketsRepository } from '../queues/queue-tickets.repository';
import { assignTicket, type AssignInput } from '../tickets/ticket-assignment';
import type { Page, PageRequest } from '../tickets/ticket-filter';
import { isOpenStatus } from '../tickets/ticket-status';
import { unchanged } from '../tickets/ticket-decisions';
import { actorOf, type TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketError } from '../tickets/ticket.errors';
import {
  agentUpsertedEvent,
  isAbsent,
  setAvailability,
  upsertAgent,
  type Agent,
  type AgentChange,
  type AgentProfile,
  type AvailabilityInput,
} from './agent';
import { AgentsRepository, type AgentListFilter } from './agents.repository';

/** The result of SetAgentAvailability. */
export interface AvailabilityResult {
  readonly agent: Agent;
  /** Tickets this call moved to the substitute or back to their queues. */
  readonly reassignedTicketIds: readonly string[];
}

/** Agents: their profiles and availability, and the bulk reassignment when one goes absent. */
export class AgentsService {
  readonly agents = new AgentsRepository();
  private readonly tickets = new QueueTicketsRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly publisher: OutboxPublisher,
  ) {}

  /** Creates or replaces the agent `id`; a change writes a version and `agent.upserted`. */
  upsert(caller: Caller, id: string, profile: AgentProfile, expectedVersion?: number): Promise<AgentChange> {
    return withTransaction(this.work.dataSource, async (manager) => {
      const existing = await this.agents.lock(manager, id);
      const change = upsertAgent(existing, id, profile, { now: this.work.clock(), ...(expectedVersion ? { expectedVersion } : {}) });
      if (change.outcome === 'unchanged') return change;
      if (existing) await this.agents.update(manager, change.agent, existing.version, actorOf(caller));
      else await this.agents.insert(manager, change.agent, actorOf(caller));
      await this.publisher.add(manager, [agentUpsertedEvent(change.agent)]);
      return change;
    });
  }

  /** The service's clock: availability is always "as of now". */
  now(): Date {
    return this.work.clock();
  }

  async get(id: string): Promise<Agent> {
    const agent = await this.agents.find(this.work.dataSource.manager, id);
    if (!agent) throw new TicketError('AGENT_NOT_FOUND', `agent ${id} not found`);
    return agent;
  }

  list(filter: AgentListFilter, page: PageRequest): Promise<Page<Agent>> {
    return this.agents.list(this.work.dataSource.manager, filter, page);
  }

  /**
   * Marks the agent absent or back. Going absent then reassigns each of the agent's open
   * tickets, one unit-of-work change per ticket (history entry, version, `ticket.assigned`),
   * to the substitute (mode `substitution`) or back to its queue without an assignee (mode
   * `unassigned`), where routing hands it on. The changes are not one transaction: should the
   * call fail half-way, calling it again finishes the rest (the absence itself is unchanged then).
   */
  async setAvailability(caller: Caller, id: string, input: AvailabilityInput, reason: string | null): Promise<AvailabilityResult> {
    const agent = await withTransaction(this.work.dataSource, async (manager) => {
      const current = await this.agents.lock(manager, id);
      if (!current) throw new TicketError('AGENT_NOT_FOUND', `agent ${id} not found`);
      const substitute = input.substituteAgentId ? await this.agents.find(manager, input.substituteAgentId) : undefined;
      const change = setAvailability(current, input, substitute, this.work.clock());
      if (change.outcome === 'unchanged') return change.agent;
      await this.agents.update(manager, change.agent, current.version, actorOf(caller));
      await this.publisher.add(manager, [agentUpsertedEvent(change.agent)]);
      return change.agent;
    });
    if (!agent.absence || !isAbsent(agent, this.work.clock())) return { agent, reassignedTicketIds: [] };
    const target: AssignInput = agent.absence.substituteAgentId
      ? { assigneeId: agent.absence.substituteAgentId, mode: 'substitution', reason: reason ?? `substitute for ${agent.displayName} while absent` }
      : { assigneeId: null, mode: 'unassigned', reason: reason ?? `${agent.displayName} is absent` };
    const reassignedTicketIds: string[] = [];
    for (const ticketId of await this.tickets.openAssignedTo(this.work.dataSource.manager, scopeOf(caller), agent.id)) {
      if (await this.reassign(caller, ticketId, agent.id, target)) reassignedTicketIds.push(ticketId);
    }
    return { agent, reassignedTicketIds };
  }

  /** Moves one ticket away from the absent agent, unless it has moved on meanwhile. */
  private reassign(caller: Caller, ticketId: string, absentId: string, target: AssignInput): Promise<boolean> {
    return this.work.change(caller, ticketId, undefined, (ticket, scope) => {
      if (ticket.assigneeId !== absentId || !isOpenStatus(ticket.status)) return { decision: unchanged(ticket), result: false };
      return { decision: assignTicket(ticket, target, scope), result: true };
    });
  }
}
