import { scopeOf, type Caller } from '@helpdesk/auth';
import type { OutboxPublisher } from '@helpdesk/messaging';
import type { Ticket } from '../tickets/ticket';
import type { ChangeScope, FeatureDecision, TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { invalidField, TicketError } from '../tickets/ticket.errors';
import { linkExternal, linkTicket, recordInverseLink } from './link-decisions';
import { LinksRepository } from './links.repository';
import type { LinkRequest, LinkTargetKey, TicketLinkKind, TicketLinks } from './ticket-link';
import { inTicketsTransaction, type TicketsTransaction } from './tickets-transaction';

const ALL = { kind: 'all' } as const;

/**
 * Links between tickets and from tickets to external documents. A link between two tickets
 * changes both in one transaction — each gets its next version, a `linked` history entry and a
 * `ticket.updated` event — so each ticket's history tells the whole story; an external link
 * changes the one ticket.
 */
export class LinksService {
  private readonly links = new LinksRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly publisher: OutboxPublisher,
  ) {}

  /** Adds a link to a ticket the caller may change; returns all its links afterwards. */
  link(caller: Caller, ticketId: string, request: LinkRequest): Promise<TicketLinks> {
    if (request.kind === 'external') {
      const { reference } = request;
      return this.work.change(caller, ticketId, undefined, async (ticket, scope) => {
        const decision = linkExternal(ticket, reference, scope);
        return { decision, result: { tickets: await this.links.linkedTickets(scope.manager, ALL, ticket.id), external: decision.ticket.externalReferences } };
      });
    }
    const { kind, target } = request;
    return inTicketsTransaction(this.work, this.publisher, caller, async (tx) => {
      const other = await this.links.ticketRef(tx.manager, scopeOf(caller), target);
      if (!other) throw missingTarget(target);
      await tx.lock([ticketId, other.id]);
      const { links, added } = await tx.change(ticketId, (ticket, scope) => this.linkToTicket(ticket, kind, other, scope));
      if (added) await this.recordOtherSide(tx, other.id, ticketId);
      return links;
    });
  }

  /** The links of a ticket the caller may read; a customer sees only linked tickets of its own. */
  async list(caller: Caller, ticketId: string): Promise<TicketLinks> {
    const manager = this.work.dataSource.manager;
    const scope = scopeOf(caller);
    const ticket = await this.work.tickets.get(manager, scope, { id: ticketId });
    return { tickets: await this.links.linkedTickets(manager, scope, ticket.id), external: ticket.externalReferences };
  }

  private async linkToTicket(
    ticket: Ticket,
    kind: TicketLinkKind,
    target: { id: string; number: string },
    scope: ChangeScope,
  ): Promise<FeatureDecision<{ links: TicketLinks; added: boolean }>> {
    const { manager } = scope;
    const links = { tickets: await this.links.linkedTickets(manager, ALL, ticket.id), external: ticket.externalReferences };
    const [childId, parentId] = kind === 'parent' ? [ticket.id, target.id] : [target.id, ticket.id];
    const parentLink = (kind === 'parent' || kind === 'child') && target.id !== ticket.id;
    const createsParentCycle = parentLink && (await this.links.createsParentCycle(manager, childId, parentId));
    const { decision, insert, links: after } = linkTicket(ticket, kind, { target, links, createsParentCycle }, scope);
    // Both tickets are locked, so the pair cannot be linked meanwhile; the check keeps a raw
    // unique violation from ever reaching a client should that change.
    if (insert && !(await this.links.insert(manager, insert, scope.now, scope.actor))) {
      throw new TicketError('VERSION_CONFLICT', `tickets ${ticket.number} and ${target.number} were linked meanwhile; reload and try again`);
    }
    return { decision, result: { links: after, added: insert !== null } };
  }

  private async recordOtherSide(tx: TicketsTransaction, otherId: string, ticketId: string): Promise<void> {
    await tx.change(otherId, async (other, scope) => {
      const linksAfter = await this.links.linkedTickets(scope.manager, ALL, other.id);
      return { decision: recordInverseLink(other, linksAfter, ticketId, scope), result: undefined };
    });
  }
}

function missingTarget(key: LinkTargetKey): TicketError {
  return 'id' in key ? invalidField('link.targetTicketId', `no ticket ${key.id} to link to`) : invalidField('link.targetTicketNumber', `no ticket ${key.number} to link to`);
}
