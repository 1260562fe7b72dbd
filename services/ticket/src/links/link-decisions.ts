import { toSnapshot, type ExternalReference, type Ticket } from '../tickets/ticket';
import { nextVersion, unchanged, type ChangeContext, type TicketDecision } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { invalidField, TicketError } from '../tickets/ticket.errors';
import {
  externalReferenceJson,
  linkedTicketJson,
  storedLinkOf,
  type LinkedTicket,
  type StoredLink,
  type TicketLinkKind,
  type TicketLinks,
} from './ticket-link';

// Links may be added to tickets in any status, closed and cancelled included: a link documents
// a relation (an invoice number arriving after closing, a later ticket about the same fault) and
// changes neither the ticket's content nor its lifecycle.

/** What the database says about a requested ticket link, gathered under the ticket's lock. */
export interface TicketLinkFacts {
  /** The other ticket. */
  readonly target: { readonly id: string; readonly number: string };
  /** The ticket's links before the change, as seen from it. */
  readonly links: TicketLinks;
  /** Whether the parent link would close a loop (the child is already an ancestor of the parent). */
  readonly createsParentCycle: boolean;
}

/** A link decision: the ticket decision, the row to insert (none when already linked) and the links after. */
export interface LinkDecision {
  readonly decision: TicketDecision;
  readonly insert: StoredLink | null;
  readonly links: TicketLinks;
}

/**
 * Decides linking `ticket` to another ticket as `kind` (seen from `ticket`). Linking to itself is
 * INVALID_FIELD, a parent loop LINK_CYCLE, a pair already linked otherwise LINK_CONFLICT (one link
 * per pair); the same link again changes nothing. A new link bumps the version, writes a `linked`
 * history entry and emits `ticket.updated` with the `links` change; the other ticket records the
 * inverse with {@link recordInverseLink} in the same transaction.
 */
export function linkTicket(ticket: Ticket, kind: TicketLinkKind, facts: TicketLinkFacts, ctx: ChangeContext): LinkDecision {
  const { target, links } = facts;
  if (target.id === ticket.id) throw invalidField('link.targetTicketId', `ticket ${ticket.number} cannot be linked to itself`);
  const existing = links.tickets.find((link) => link.ticketId === target.id);
  if (existing?.kind === kind) return { decision: unchanged(ticket), insert: null, links };
  if (existing) {
    throw new TicketError(
      'LINK_CONFLICT',
      `ticket ${ticket.number} is already linked to ${target.number} as ${label(existing.kind)}; a pair of tickets has one link`,
    );
  }
  if (facts.createsParentCycle) {
    const [child, parent] = kind === 'parent' ? [ticket.number, target.number] : [target.number, ticket.number];
    throw new TicketError('LINK_CYCLE', `${parent} cannot become the parent of ${child}: ${child} is already an ancestor of ${parent}`);
  }
  const added: LinkedTicket = { kind, ticketId: target.id, number: target.number };
  return { decision: linksChanged(ticket, links.tickets, added, ctx), insert: storedLinkOf(ticket.id, kind, target.id), links: { ...links, tickets: [...links.tickets, added] } };
}

/**
 * The other side of a new link: `other` now shows the link to `linkedTicketId` (the inverse
 * kind), which `linksAfter` — its links after the insert — holds. It gets its own version,
 * `linked` history entry and `ticket.updated`, so its history and read models tell it too.
 */
export function recordInverseLink(other: Ticket, linksAfter: readonly LinkedTicket[], linkedTicketId: string, ctx: ChangeContext): TicketDecision {
  const added = linksAfter.find((link) => link.ticketId === linkedTicketId);
  if (!added) return unchanged(other);
  return linksChanged(other, linksAfter.filter((link) => link !== added), added, ctx);
}

function linksChanged(ticket: Ticket, before: readonly LinkedTicket[], added: LinkedTicket, ctx: ChangeContext): TicketDecision {
  const next = nextVersion(ticket, ticket.version, ctx.now);
  const updated = ticketEvent('helpdesk.ticket.updated.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    changes: [{ field: 'links', before: before.map(linkedTicketJson), after: [...before, added].map(linkedTicketJson) }],
    description: null,
  });
  return { ticket: next, events: [updated], history: [{ kind: 'linked', before: {}, after: { link: linkedTicketJson(added) } }] };
}

/**
 * Decides linking `ticket` to a document in another system: the reference joins the ticket's
 * external references (beside those given at creation). The same reference again changes nothing.
 */
export function linkExternal(ticket: Ticket, reference: ExternalReference, ctx: ChangeContext): TicketDecision {
  const known = ticket.externalReferences.some(
    (r) => r.system === reference.system && r.kind === reference.kind && r.value === reference.value,
  );
  if (known) return unchanged(ticket);
  const next = nextVersion({ ...ticket, externalReferences: [...ticket.externalReferences, reference] }, ticket.version, ctx.now);
  const updated = ticketEvent('helpdesk.ticket.updated.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    changes: [
      {
        field: 'externalReferences',
        before: ticket.externalReferences.map(externalReferenceJson),
        after: next.externalReferences.map(externalReferenceJson),
      },
    ],
    description: null,
  });
  return { ticket: next, events: [updated], history: [{ kind: 'linked', before: {}, after: { externalReference: externalReferenceJson(reference) } }] };
}

function label(kind: TicketLinkKind): string {
  return kind.replace('_', ' ');
}
