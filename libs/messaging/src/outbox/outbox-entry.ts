import type { EventDefinition } from '@helpdesk/contracts';
import type { z } from 'zod';

/** An event to publish, typed by its definition: `{ event: ticketCreatedV1, subject, data }`. */
export interface OutboxEntry<S extends z.ZodType = z.ZodType> {
  readonly event: EventDefinition<S>;
  /** The aggregate the event is about (CloudEvent `subject`), usually its UUID. */
  readonly subject?: string;
  readonly data: z.input<S>;
  /** When the change happened; defaults to the publisher's clock. */
  readonly time?: Date;
}

/**
 * An event as pure domain code produces it, `{ type, subject, data }`, without importing the
 * messaging layer; the publisher resolves `type` against the event definitions it was given.
 */
export interface DomainEvent {
  readonly type: string;
  readonly subject?: string;
  readonly data: unknown;
  readonly time?: Date;
}

/** Either form of an event waiting to go into the outbox. */
export type PendingEvent = OutboxEntry | DomainEvent;

/** Narrows a {@link PendingEvent} to the definition-typed form. */
export function isOutboxEntry(entry: PendingEvent): entry is OutboxEntry {
  return 'event' in entry;
}
