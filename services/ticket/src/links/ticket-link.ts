import type { JsonObject } from '../history/canonical-json';
import type { ExternalReference } from '../tickets/ticket';

/**
 * How another ticket relates to a ticket, as seen from that ticket: `parent` — the other ticket
 * is its parent; `child` — the other ticket is its child; `related`; `duplicate` — this ticket
 * duplicates the other; `duplicated_by` — the other ticket duplicates this one.
 */
export type TicketLinkKind = 'parent' | 'child' | 'related' | 'duplicate' | 'duplicated_by';

/** Another ticket linked to a ticket, as seen from that ticket. */
export interface LinkedTicket {
  readonly kind: TicketLinkKind;
  readonly ticketId: string;
  /** The other ticket's human-readable number. */
  readonly number: string;
}

/** Every link of a ticket: linked tickets (oldest link first) and external documents. */
export interface TicketLinks {
  readonly tickets: readonly LinkedTicket[];
  readonly external: readonly ExternalReference[];
}

/** What a ticket link request names: the other ticket by id or by number. */
export type LinkTargetKey = { readonly id: string } | { readonly number: string };

/** A link to add to a ticket: to another ticket, or to a document in another system. */
export type LinkRequest =
  | { readonly kind: TicketLinkKind; readonly target: LinkTargetKey }
  | { readonly kind: 'external'; readonly reference: ExternalReference };

/** The kinds a link is stored as; the inverse kinds are how the other side reads it. */
export type StoredLinkKind = 'parent' | 'related' | 'duplicate';

/**
 * A link as stored, once per pair: "`ticketId` <kind> `linkedTicketId`" — for `parent` the
 * linked ticket is the parent, for `duplicate` `ticketId` duplicates the linked ticket, and
 * `related` has the smaller id first.
 */
export interface StoredLink {
  readonly ticketId: string;
  readonly linkedTicketId: string;
  readonly kind: StoredLinkKind;
}

/** The stored form of "`ticketId` has `otherId` as its `kind`". */
export function storedLinkOf(ticketId: string, kind: TicketLinkKind, otherId: string): StoredLink {
  switch (kind) {
    case 'parent':
      return { ticketId, linkedTicketId: otherId, kind: 'parent' };
    case 'child':
      return { ticketId: otherId, linkedTicketId: ticketId, kind: 'parent' };
    case 'duplicate':
      return { ticketId, linkedTicketId: otherId, kind: 'duplicate' };
    case 'duplicated_by':
      return { ticketId: otherId, linkedTicketId: ticketId, kind: 'duplicate' };
    case 'related':
      return ticketId < otherId
        ? { ticketId, linkedTicketId: otherId, kind: 'related' }
        : { ticketId: otherId, linkedTicketId: ticketId, kind: 'related' };
    default:
      return assertNever(kind);
  }
}

/** How the stored link reads from `viewerId`, one of its two tickets. */
export function kindSeenFrom(link: StoredLink, viewerId: string): TicketLinkKind {
  const forward = link.ticketId === viewerId;
  switch (link.kind) {
    case 'parent':
      return forward ? 'parent' : 'child';
    case 'duplicate':
      return forward ? 'duplicate' : 'duplicated_by';
    case 'related':
      return 'related';
    default:
      return assertNever(link.kind);
  }
}

/** A linked ticket as JSON, for history entries and `ticket.updated` changes. */
export function linkedTicketJson(link: LinkedTicket): JsonObject {
  return { kind: link.kind, ticketId: link.ticketId, number: link.number };
}

/** An external reference as JSON, for history entries and `ticket.updated` changes. */
export function externalReferenceJson(reference: ExternalReference): JsonObject {
  return { system: reference.system, kind: reference.kind, value: reference.value };
}

function assertNever(value: never): never {
  throw new Error(`unknown link kind ${String(value)}`);
}
