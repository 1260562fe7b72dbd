import type { SlaTrafficLight, TicketChannel, TicketPriority, TicketSnapshot, TicketStatus } from '@helpdesk/contracts';

/** What solved a ticket; required to resolve it. */
export interface ResolutionDetails {
  /** What solved the problem, as the agent wrote it; never blank. */
  readonly text: string;
  /** Resolution category key such as `fixed` or `workaround`; null when not given. */
  readonly code: string | null;
}

/** A reference to a document in another system (ERP order, delivery note, invoice, alert). */
export interface ExternalReference {
  /** The external system, e.g. `erp`. */
  readonly system: string;
  /** What the reference is, e.g. `order`, `delivery_note`, `invoice`. */
  readonly kind: string;
  /** The reference as the external system writes it, e.g. `SO-2026-4711`. */
  readonly value: string;
}

/**
 * A ticket as the domain sees it. Times are `Date`s; the snapshot in events carries them as ISO
 * strings. Field meanings follow `ticketSnapshotSchema` in `@helpdesk/contracts`.
 */
export interface Ticket {
  /** UUIDv7. */
  readonly id: string;
  /** Human-readable number with the configured prefix, e.g. `T-100234`. */
  readonly number: string;
  /** 1 on creation, +1 with every change. */
  readonly version: number;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
  /** A key of the configured category list. */
  readonly category: string;
  /** Where the request came in; never changes. */
  readonly channel: TicketChannel;
  readonly customerId: string | null;
  readonly contactId: string | null;
  readonly contractId: string | null;
  readonly assetIds: readonly string[];
  readonly assigneeId: string | null;
  readonly queueId: string | null;
  readonly summary: string;
  /** Full description; may be empty. */
  readonly description: string;
  /** Free tags in the order they were added, without duplicates. */
  readonly tags: readonly string[];
  readonly dueAt: Date | null;
  /** When the due-date warning fires; null without due date or warning lead. */
  readonly warningAt: Date | null;
  /** As last reported by the SLA service; null while no SLA clock runs. */
  readonly slaTrafficLight: SlaTrafficLight | null;
  readonly slaOverdue: boolean;
  /** Set when resolved, cleared when reopened. */
  readonly resolution: ResolutionDetails | null;
  /** References given at creation. */
  readonly externalReferences: readonly ExternalReference[];
  readonly createdAt: Date;
  /** When the last change happened. */
  readonly updatedAt: Date;
  /** When last resolved; null when never resolved or reopened since. */
  readonly resolvedAt: Date | null;
  /** When closed or cancelled; null otherwise. */
  readonly closedAt: Date | null;
}

/** The ticket's state as every ticket event carries it. */
export function toSnapshot(ticket: Ticket): TicketSnapshot {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    version: ticket.version,
    status: ticket.status,
    priority: ticket.priority,
    category: ticket.category,
    channel: ticket.channel,
    customerId: ticket.customerId,
    contactId: ticket.contactId,
    contractId: ticket.contractId,
    assetIds: [...ticket.assetIds],
    assigneeId: ticket.assigneeId,
    queueId: ticket.queueId,
    summary: ticket.summary,
    tags: [...ticket.tags],
    dueAt: isoOrNull(ticket.dueAt),
    warningAt: isoOrNull(ticket.warningAt),
    slaTrafficLight: ticket.slaTrafficLight,
    slaOverdue: ticket.slaOverdue,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    resolvedAt: isoOrNull(ticket.resolvedAt),
    closedAt: isoOrNull(ticket.closedAt),
  };
}

/** The warning lead time in whole minutes (due date minus warning time); null when either is unset. */
export function warningLeadMinutes(ticket: Pick<Ticket, 'dueAt' | 'warningAt'>): number | null {
  if (!ticket.dueAt || !ticket.warningAt) return null;
  return Math.round((ticket.dueAt.getTime() - ticket.warningAt.getTime()) / 60_000);
}

/** A date as ISO 8601 UTC, or null. */
export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
