import {
  ticketAssignedV1,
  ticketCreatedV1,
  ticketMessageAddedV1,
  ticketStatusChangedV1,
  ticketTaskCompletedV1,
  ticketTaskCreatedV1,
  ticketUpdatedV1,
  type Actor,
  type TicketMessageAddedV1,
  type TicketUpdatedV1,
} from '@helpdesk/contracts';
import { eventHandler, type EventHandlerDefinition } from '@helpdesk/messaging';
import type { TicketClocksService } from '../clocks/ticket-clocks.service';
import type { TicketChange } from '../clocks/ticket-clocks';

/** Ticket fields the SLA service itself makes the ticket service change: an update of only these needs no work. */
const SLA_REPORTED_FIELDS = new Set(['slaTrafficLight', 'slaOverdue', 'dueAt', 'warningAt']);
/** Due-date fields: changed by anyone but the SLA service, they set the ticket's own due date. */
const DUE_FIELDS = new Set(['dueAt', 'warningAt']);

/** Whether the ticket service made the change to report our own state back (its SLA consumer's actor). */
export function reportedBySla(actor: Actor): boolean {
  return actor.kind === 'system' && actor.displayName === 'sla';
}

/** What a ticket update means: a due date set by hand, or just a newer snapshot. */
export function updateChange(data: TicketUpdatedV1): TicketChange {
  return !reportedBySla(data.actor) && data.changes.some((c) => DUE_FIELDS.has(c.field)) ? { kind: 'due_date' } : { kind: 'snapshot' };
}

/** What a message means for response clocks: a customer waiting, an agent replying, or nothing. */
export function messageChange(data: TicketMessageAddedV1): TicketChange {
  const { message } = data;
  const at = new Date(message.createdAt);
  if (message.audience !== 'customer' || message.medium === 'note' || message.medium === 'system') return { kind: 'snapshot' };
  if (message.direction === 'inbound') return { kind: 'customer_message', at };
  if (message.purpose === 'reply' && message.author.kind === 'agent') return { kind: 'agent_reply', at };
  return { kind: 'snapshot' };
}

/** The ticket events the SLA service consumes, one durable consumer each. */
export function ticketEventHandlers(service: TicketClocksService): EventHandlerDefinition[] {
  return [
    eventHandler({
      event: ticketCreatedV1,
      durable: 'sla-ticket-created',
      // A due date given at creation is set by hand.
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, { kind: 'due_date' }),
    }),
    eventHandler({
      event: ticketStatusChangedV1,
      durable: 'sla-ticket-status',
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, { kind: 'status', previous: data.previousStatus }),
    }),
    eventHandler({
      event: ticketMessageAddedV1,
      durable: 'sla-ticket-message',
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, messageChange(data)),
    }),
    eventHandler({
      event: ticketUpdatedV1,
      durable: 'sla-ticket-updated',
      // The ticket service reports our own traffic light and due times back as an update; nothing to do then.
      appliesTo: ({ data }) => !reportedBySla(data.actor) || data.changes.some((c) => !SLA_REPORTED_FIELDS.has(c.field)),
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, updateChange(data)),
    }),
    eventHandler({
      event: ticketTaskCreatedV1,
      durable: 'sla-ticket-task-created',
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, { kind: 'task', task: data.task }),
    }),
    eventHandler({
      event: ticketTaskCompletedV1,
      durable: 'sla-ticket-task-completed',
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, { kind: 'task', task: data.task }),
    }),
    eventHandler({
      event: ticketAssignedV1,
      durable: 'sla-ticket-assigned',
      handle: ({ data }, tx) => service.apply(tx.manager, (e) => tx.outbox.add(e), data.ticket, { kind: 'snapshot' }),
    }),
  ] as EventHandlerDefinition[];
}
