// The SLA event definitions and the shape of an outbox entry, gathered so domain code can build
// typed events without importing the messaging layer.
import type { EventDefinition } from '@helpdesk/contracts';
export { slaBreachedV1, slaClockUpdatedV1, slaEscalatedV1, slaMetV1, slaWarningV1 } from '@helpdesk/contracts';
export type { SlaClock, SlaTrafficLight } from '@helpdesk/contracts';

/** An event for the outbox: its definition, the ticket as subject, its data and when it happened. */
export interface OutboxEntryData {
  readonly event: EventDefinition;
  readonly subject: string;
  readonly time: Date;
  readonly data: unknown;
}
