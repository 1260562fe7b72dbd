import { scopeOf, type Caller } from '@helpdesk/auth';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { LinksRepository } from '../links/links.repository';
import { storedLinkOf } from '../links/ticket-link';
import { inTicketsTransaction } from '../links/tickets-transaction';
import type { Ticket } from '../tickets/ticket';
import type { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { invalidField } from '../tickets/ticket.errors';
import { MergesRepository } from './merges.repository';
import { assertMergeable, mergeSource, mergeTarget } from './ticket-merge';

/** Both tickets after a merge. */
export interface MergeResult {
  readonly target: Ticket;
  readonly source: Ticket;
}

/**
 * Merges a ticket into another in one transaction: its messages, work log and tasks move to the
 * target, it is cancelled and linked as duplicate of the target, and both tickets get their next
 * version, a `merged` history entry and their events (`ticket.status.changed` for the source,
 * `ticket.merged` for the target).
 */
export class MergesService {
  private readonly merges = new MergesRepository();
  private readonly links = new LinksRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly publisher: OutboxPublisher,
  ) {}

  async merge(caller: Caller, sourceId: string, targetId: string, reason: string | null): Promise<MergeResult> {
    if (sourceId === targetId) throw invalidField('targetTicketId', 'must differ from sourceTicketId: a ticket cannot be merged into itself');
    return inTicketsTransaction(this.work, this.publisher, caller, async (tx) => {
      await tx.lock([sourceId, targetId]);
      const target = await this.work.tickets.get(tx.manager, scopeOf(caller), { id: targetId });
      const { source, moved } = await tx.change(sourceId, async (ticket, scope) => {
        assertMergeable(ticket, target);
        const items = await this.merges.moveAll(scope.manager, ticket.id, target.id);
        const decision = mergeSource(ticket, target, items, reason, scope);
        const alreadyLinked = (await this.links.linkedTickets(scope.manager, { kind: 'all' }, ticket.id)).some((link) => link.ticketId === target.id);
        if (!alreadyLinked) await this.links.insert(scope.manager, storedLinkOf(ticket.id, 'duplicate', target.id), scope.now, scope.actor);
        return { decision, result: { source: decision.ticket, moved: items } };
      });
      const merged = await tx.change(targetId, (ticket, scope) => {
        const decision = mergeTarget(ticket, source, moved, reason, scope);
        return { decision, result: decision.ticket };
      });
      return { target: merged, source };
    });
  }
}
