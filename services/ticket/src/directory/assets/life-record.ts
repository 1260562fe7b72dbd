import type { Actor, TicketCreatedV1, TicketUpdatedV1 } from '@helpdesk/contracts';

/** Who or what wrote a life record entry. */
export type LifeRecordKind = 'ticket' | 'manual' | 'integration';

/** A file attached to an entry, by its address in the ticket service's file store. */
export type LifeRecordAttachment = {
  readonly sha256: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
};

/** Where an entry came from in another system; the pair makes adding it idempotent. */
export interface LifeRecordSource {
  readonly system: string;
  readonly ref: string;
}

/** One entry of an asset's life record ("Lebensakte"); entries are never changed or removed. */
export interface LifeRecordEntry {
  readonly id: string;
  readonly assetId: string;
  readonly kind: LifeRecordKind;
  /** When the documented event happened. */
  readonly occurredAt: Date;
  /** When the entry was written. */
  readonly recordedAt: Date;
  readonly author: Actor;
  readonly title: string;
  readonly text: string;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly attachments: readonly LifeRecordAttachment[];
  readonly source: LifeRecordSource | null;
  /** The ticket event an automatic entry was written for; null for other entries. */
  readonly eventId: string | null;
}

/** A ticket event as the life record reads it. */
export interface TicketEventFacts {
  readonly eventId: string;
  readonly time: Date;
}

/** `LifeRecordEntry` title limit (also the API's). */
export const LIFE_RECORD_TITLE_MAX_LENGTH = 300;

/** An entry for each asset a new ticket names. */
export function entriesForTicketCreated(data: TicketCreatedV1, facts: TicketEventFacts, newId: () => string): LifeRecordEntry[] {
  const { ticket } = data;
  return ticket.assetIds.map((assetId) => ticketEntry(assetId, `Ticket ${ticket.number} opened: ${ticket.summary}`, data, facts, newId()));
}

/**
 * Entries for a ticket change that touched its assets: one for each asset the ticket names from
 * now on, one for each asset it no longer names, so the record shows when a ticket stopped
 * being about the device. Changes to other fields write nothing.
 */
export function entriesForTicketUpdated(data: TicketUpdatedV1, facts: TicketEventFacts, newId: () => string): LifeRecordEntry[] {
  const change = data.changes.find((c) => c.field === 'assetIds');
  if (!change) return [];
  const before = idsOf(change.before);
  const after = new Set(data.ticket.assetIds);
  const { number, summary } = data.ticket;
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  return [
    ...added.map((assetId) => ticketEntry(assetId, `Ticket ${number} names this asset: ${summary}`, data, facts, newId())),
    ...removed.map((assetId) => ticketEntry(assetId, `Ticket ${number} no longer names this asset: ${summary}`, data, facts, newId())),
  ];
}

function ticketEntry(assetId: string, title: string, data: TicketCreatedV1 | TicketUpdatedV1, facts: TicketEventFacts, id: string): LifeRecordEntry {
  return {
    id,
    assetId,
    kind: 'ticket',
    occurredAt: facts.time,
    recordedAt: facts.time,
    author: data.actor,
    title: truncate(title, LIFE_RECORD_TITLE_MAX_LENGTH),
    text: '',
    ticketId: data.ticket.ticketId,
    ticketNumber: data.ticket.number,
    attachments: [],
    source: null,
    eventId: facts.eventId,
  };
}

function idsOf(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
