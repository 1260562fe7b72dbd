import { scopeOf, type Caller } from '@helpdesk/auth';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import type { Ticket } from '../tickets/ticket';
import { actorOf, applyTicketChange, type ChangeScope, type FeatureDecision, type TicketUnitOfWork } from '../tickets/ticket-unit-of-work';

/** One transaction in which several tickets change together (a link between two, a merge). */
export interface TicketsTransaction {
  readonly manager: EntityManager;
  /** The moment of every change in this transaction. */
  readonly now: Date;
  /**
   * Locks the tickets (in the caller's scope, TICKET_NOT_FOUND otherwise) in id order. Call it
   * before changing several: two transactions touching the same tickets then queue on the first
   * lock instead of each holding one and waiting for the other.
   */
  lock(ticketIds: readonly string[]): Promise<void>;
  /** One ticket's change, exactly as `TicketUnitOfWork.change` makes it, inside this transaction. */
  change<T>(
    ticketId: string,
    decide: (ticket: Ticket, scope: ChangeScope) => Promise<FeatureDecision<T>> | FeatureDecision<T>,
    expectedVersion?: number,
  ): Promise<T>;
}

/**
 * Runs `body` in one transaction whose ticket changes go through `applyTicketChange` (the unit
 * of work's own step): each changed ticket gets its next version, history entries and events,
 * and all of them commit or roll back together.
 */
export function inTicketsTransaction<T>(
  work: TicketUnitOfWork,
  publisher: OutboxPublisher,
  caller: Caller,
  body: (tx: TicketsTransaction) => Promise<T>,
): Promise<T> {
  const scope = scopeOf(caller);
  const actor = actorOf(caller);
  const now = work.clock();
  return withTransaction(work.dataSource, (manager) => {
    const outbox = publisher.in(manager);
    return body({
      manager,
      now,
      async lock(ticketIds) {
        for (const id of [...new Set(ticketIds)].sort()) await work.tickets.lockForChange(manager, scope, { id });
      },
      change(ticketId, decide, expectedVersion) {
        return applyTicketChange(manager, outbox, { scope, actor, ticketId, now, policy: work.policy, ...(expectedVersion ? { expectedVersion } : {}), decide });
      },
    });
  });
}
