import { scopeOf, type Caller, type CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { CloudEvent } from '@helpdesk/contracts';
import type { DomainEvent, OutboxPublisher } from '@helpdesk/messaging';
import { combineStatements, GroupedCalls, preparedQuery, withTransaction, type SqlStatement } from '@helpdesk/persistence';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { appendEntries, type HistoryEntry } from '../history/history-chain';
import { HistoryRepository } from '../history/history.repository';
import type { Ticket } from './ticket';
import type { ChangeContext, TicketDecision, TicketPolicy } from './ticket-decisions';
import { insertHistory, insertTickets } from './ticket-json-rows';
import { TicketsRepository } from './tickets.repository';
import { isUuid } from '../shared/uuid';


/** Who is acting, as the history and the events record it. */
export function actorOf(caller: Caller): Actor {
  if (caller.kind === 'customer') return { kind: 'contact', id: caller.contactId, displayName: caller.subject };
  const id = isUuid(caller.subject) ? caller.subject : null;
  const integrationOnly = caller.roles.length > 0 && caller.roles.every((role) => role === 'integration');
  return { kind: integrationOnly ? 'integration' : 'agent', id, displayName: caller.subject };
}

/** What a feature decides about a locked ticket: the ticket decision plus its own result. */
export interface FeatureDecision<T> {
  readonly decision: TicketDecision;
  readonly result: T;
}

/** The moment and the rules of one change, handed to a feature's decide step. */
export interface ChangeScope extends ChangeContext {
  /** The transaction: a feature writes its own rows (messages, work entries…) through it. */
  readonly manager: EntityManager;
}

/** Where a change's events go: the outbox of the change's transaction. */
export interface ChangeOutbox {
  add(events: readonly DomainEvent[]): Promise<unknown>;
}

/** Everything one ticket change needs besides the transaction. */
export interface TicketChangeRequest<T> {
  /** Whose tickets the change may touch; a ticket outside it is TICKET_NOT_FOUND. */
  readonly scope: CustomerScope;
  readonly actor: Actor;
  readonly ticketId: string;
  readonly now: Date;
  readonly policy: TicketPolicy;
  readonly expectedVersion?: number;
  decide(ticket: Ticket, scope: ChangeScope): Promise<FeatureDecision<T>> | FeatureDecision<T>;
}

const ticketsRepository = new TicketsRepository();
const historyRepository = new HistoryRepository();

/**
 * Lock the ticket row → decide → write the next version, its history entries and its events, all
 * in the given transaction. Used by {@link TicketUnitOfWork} for API calls and directly by event
 * handlers, whose transaction also holds the inbox row.
 */
export async function applyTicketChange<T>(manager: EntityManager, outbox: ChangeOutbox, request: TicketChangeRequest<T>): Promise<T> {
  const ticket = await ticketsRepository.lockForChange(manager, request.scope, { id: request.ticketId });
  const { actor, now, policy, expectedVersion } = request;
  const scope: ChangeScope = { manager, now, actor, policy, ...(expectedVersion ? { expectedVersion } : {}) };
  const { decision, result } = await request.decide(ticket, scope);
  if (decision.ticket.version !== ticket.version) {
    await ticketsRepository.update(manager, decision.ticket, ticket.version, actor);
    await recordDecision(manager, outbox, await historyRepository.last(manager, ticket.id), decision, actor);
  } else if (decision.history.length > 0) {
    // Documented without changing the ticket (an SLA phase that moved no field): history only.
    await recordDecision(manager, outbox, await historyRepository.last(manager, ticket.id), { ...decision, events: [] }, actor, now);
  }
  return result;
}

/**
 * Writes a new ticket (a `createTicket` decision) with its first history entry and events, in the
 * given transaction. Used by {@link TicketUnitOfWork.insert} and directly by event handlers.
 */
export async function insertTicket(manager: EntityManager, outbox: ChangeOutbox, decision: TicketDecision, actor: Actor): Promise<void> {
  await ticketsRepository.insert(manager, decision.ticket, actor);
  await recordDecision(manager, outbox, undefined, decision, actor);
}

async function recordDecision(
  manager: EntityManager,
  outbox: ChangeOutbox,
  last: HistoryEntry | undefined,
  decision: TicketDecision,
  actor: Actor,
  at: Date = decision.ticket.updatedAt,
): Promise<void> {
  const entries = appendEntries(last, decision.history, { ticketId: decision.ticket.id, now: at, actor });
  await historyRepository.append(manager, entries);
  await outbox.add(decision.events);
}

/**
 * The one way a ticket changes, for every feature (lifecycle, messages, work, tasks, links):
 * lock the ticket row in the caller's scope → decide → write the ticket's next version, its
 * history entries and its events in the same transaction. Concurrent changes of one ticket
 * queue on the row lock, so versions and history sequence numbers never fork.
 */
export class TicketUnitOfWork {
  readonly tickets = ticketsRepository;
  readonly historyEntries = historyRepository;

  constructor(
    readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    readonly policy: TicketPolicy,
    readonly clock: () => Date,
  ) {}

  /** Changes a ticket the caller may see; returns the feature's result. */
  change<T>(
    caller: Caller,
    ticketId: string,
    expectedVersion: number | undefined,
    decide: (ticket: Ticket, scope: ChangeScope) => Promise<FeatureDecision<T>> | FeatureDecision<T>,
  ): Promise<T> {
    return withTransaction(this.dataSource, (manager) =>
      applyTicketChange(manager, this.publisher.in(manager), {
        scope: scopeOf(caller),
        actor: actorOf(caller),
        ticketId,
        now: this.clock(),
        policy: this.policy,
        ...(expectedVersion ? { expectedVersion } : {}),
        decide,
      }),
    );
  }

  /**
   * Runs a prepared change (scope, actor and all, e.g. a system message's) in its own
   * transaction — for changes the platform makes outside an event handler.
   */
  apply<T>(request: TicketChangeRequest<T>): Promise<T> {
    return withTransaction(this.dataSource, (manager) => applyTicketChange(manager, this.publisher.in(manager), request));
  }

  /** Writes a new ticket with its first history entry and events (inside the caller's transaction). */
  insert(manager: EntityManager, decision: TicketDecision, actor: Actor): Promise<void> {
    return insertTicket(manager, this.publisher.in(manager), decision, actor);
  }

  /**
   * Writes a new ticket with its first history entry and events as one statement, atomic on its
   * own: the same rows as {@link insert}, in one database round trip instead of five (creating
   * tickets is the platform's hottest write). Under load the creations that arrive while one is
   * written are written together by the next statement (see {@link groupedInsert}).
   */
  async insertAlone(decision: TicketDecision, actor: Actor): Promise<void> {
    const history = appendEntries(undefined, decision.history, { ticketId: decision.ticket.id, now: decision.ticket.updatedAt, actor });
    // Built here, in the caller's trace context: the envelopes carry the request's traceparent.
    const events = this.publisher.build(decision.events);
    await this.creations.call({ ticket: decision.ticket, actor, history, events });
  }

  /**
   * The rows of one or many creations as three INSERTs (tickets, history, outbox), each from one
   * JSON array: the same short statement for one ticket or 64, where one INSERT per table and
   * creation made a statement of ~190 parts and ~2,500 parameters for PostgreSQL to parse and plan.
   */
  private readonly creationStatements = (creations: readonly NewTicket[]): SqlStatement[] => [
    insertTickets(creations),
    insertHistory(creations.flatMap((creation) => creation.history)),
    this.publisher.insertStatement(this.dataSource.manager, creations.flatMap((creation) => creation.events)),
  ];

  /** A creation statement's text is the same for every group, so PostgreSQL keeps it prepared. */
  private readonly runCreation = async (statements: readonly SqlStatement[]): Promise<void> => {
    const { text, values } = combineStatements(statements);
    await preparedQuery(this.dataSource, text, values);
  };

  private readonly creations = new GroupedCalls<NewTicket, void>((group) => groupedInsert(this.runCreation, group, this.creationStatements), {
    maxGroup: MAX_CREATIONS_PER_STATEMENT,
    concurrency: CREATION_STATEMENTS_IN_FLIGHT,
  });
}

/** What one creation writes: the ticket, its first history entries and its events. */
interface NewTicket {
  readonly ticket: Ticket;
  readonly actor: Actor;
  readonly history: readonly HistoryEntry[];
  readonly events: readonly CloudEvent[];
}

/** Most creations one statement writes (its three JSON arrays grow with the group, its text does not). */
const MAX_CREATIONS_PER_STATEMENT = 64;
/** Grouped creation statements running at once (each on its own pool connection). */
const CREATION_STATEMENTS_IN_FLIGHT = 2;

/**
 * Writes a group of creations: all in one statement, so one round trip and one commit serve them
 * all. Should PostgreSQL refuse that statement (e.g. one ticket breaks a constraint), nothing of it
 * was written, and each creation is written again on its own, so it succeeds or fails exactly as
 * it would have alone and never because of another caller's ticket. Any other failure (the
 * connection broke: the statement may or may not have committed) fails every creation of the
 * group with that error, as it would have failed each of them alone.
 */
export async function groupedInsert<C>(
  runAsOneStatement: (statements: readonly SqlStatement[]) => Promise<void>,
  group: readonly C[],
  statementsOf: (creations: readonly C[]) => SqlStatement[],
): Promise<PromiseSettledResult<void>[]> {
  if (group.length > 1) {
    try {
      await runAsOneStatement(statementsOf(group));
      return group.map(() => ({ status: 'fulfilled', value: undefined }));
    } catch (error) {
      if (!(error instanceof QueryFailedError)) return group.map(() => ({ status: 'rejected', reason: error }));
      // Refused by the database: retried one by one below; each caller gets its own outcome.
    }
  }
  return Promise.allSettled(group.map((creation) => runAsOneStatement(statementsOf([creation]))));
}
