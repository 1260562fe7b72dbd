import { randomUUID } from 'node:crypto';
import {
  ticketClosedV1,
  ticketCreatedV1,
  ticketMergedV1,
  ticketMessageAddedV1,
  ticketReopenedV1,
  ticketResolvedV1,
  type Actor,
  type CloudEvent,
  type EventDefinition,
  type TicketMessage,
  type TicketSnapshot,
} from '@helpdesk/contracts';
import type { TestNats } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import type { z } from 'zod';

// Ticket events as the ticket service publishes them, for feeding the knowledge service in tests.

const AGENT: Actor = { kind: 'agent', id: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', displayName: 'Anna Schmidt' };
const CONTACT: Actor = { kind: 'contact', id: '01936a00-2222-7aaa-8bbb-000000000002', displayName: 'Max Mustermann' };

/** A ticket snapshot with a fresh id. */
export function ticketSnapshot(over: Partial<TicketSnapshot> = {}): TicketSnapshot {
  const now = new Date().toISOString();
  return {
    ticketId: randomUUID(),
    number: `T-${Math.floor(100000 + Math.random() * 900000)}`,
    version: 1,
    status: 'new',
    priority: 'normal',
    category: 'technical',
    channel: 'email',
    customerId: null,
    contactId: null,
    contractId: null,
    assetIds: [],
    assigneeId: null,
    queueId: null,
    summary: 'Printer does not print',
    tags: [],
    dueAt: null,
    warningAt: null,
    slaTrafficLight: null,
    slaOverdue: false,
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
    ...over,
  };
}

function envelope<S extends z.ZodType>(definition: EventDefinition<S>, subject: string, data: z.output<S>): CloudEvent<z.output<S>> {
  return { specversion: '1.0', id: randomUUID(), source: 'helpdesk/ticket', type: definition.type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data };
}

export const created = (ticket: TicketSnapshot, description: string) =>
  envelope(ticketCreatedV1, ticket.ticketId, ticketCreatedV1.schema.parse({ ticket, actor: CONTACT, description, mailId: null, callId: null, externalReferences: [] }));

/** A message on the ticket; `audience` internal makes it an agent's internal note. */
export function message(ticket: TicketSnapshot, text: string, over: Partial<TicketMessage> = {}) {
  const inbound = (over.direction ?? 'inbound') === 'inbound';
  const data = {
    ticket,
    actor: inbound ? CONTACT : AGENT,
    language: null,
    message: {
      messageId: randomUUID(),
      audience: 'customer',
      medium: 'email',
      direction: 'inbound',
      purpose: 'reply',
      author: inbound ? CONTACT : AGENT,
      from: null,
      to: [],
      cc: [],
      subject: null,
      text,
      html: null,
      attachments: [],
      mailId: null,
      callId: null,
      inReplyToMessageId: null,
      createdAt: new Date().toISOString(),
      ...over,
    },
  };
  return envelope(ticketMessageAddedV1, ticket.ticketId, ticketMessageAddedV1.schema.parse(data));
}

/** What a resolution carries besides the ticket. */
export interface Resolution {
  readonly resolution: string;
  readonly description?: string;
  readonly problem?: string | null;
  readonly decisive?: string | null;
  readonly products?: readonly string[];
  readonly language?: string | null;
}

export function resolved(ticket: TicketSnapshot, r: Resolution) {
  const data = {
    ticket: { ...ticket, status: 'resolved', resolvedAt: new Date().toISOString() },
    actor: AGENT,
    previousStatus: 'in_progress',
    resolution: r.resolution,
    resolutionCode: 'fixed',
    description: r.description ?? '',
    problemMessage: r.problem ? { messageId: randomUUID(), text: r.problem } : null,
    decisiveMessage: r.decisive ? { messageId: randomUUID(), text: r.decisive } : null,
    products: [...(r.products ?? [])],
    language: r.language ?? null,
  };
  return envelope(ticketResolvedV1, ticket.ticketId, ticketResolvedV1.schema.parse(data));
}

export const reopened = (ticket: TicketSnapshot, reason: string) =>
  envelope(ticketReopenedV1, ticket.ticketId, ticketReopenedV1.schema.parse({ ticket: { ...ticket, status: 'open', resolvedAt: null }, actor: CONTACT, previousStatus: 'resolved', reason }));

export const closed = (ticket: TicketSnapshot) =>
  envelope(ticketClosedV1, ticket.ticketId, ticketClosedV1.schema.parse({ ticket: { ...ticket, status: 'closed', closedAt: new Date().toISOString() }, actor: AGENT, previousStatus: 'resolved', reason: null }));

export const merged = (target: TicketSnapshot, source: TicketSnapshot, messageIds: readonly string[]) =>
  envelope(
    ticketMergedV1,
    target.ticketId,
    ticketMergedV1.schema.parse({ ticket: target, actor: AGENT, source: { ...source, status: 'cancelled', closedAt: new Date().toISOString() }, reason: 'duplicate', messageIds, workEntryIds: [], taskIds: [] }),
  );

/** Publishes an event on the test's prefixed subject, as the ticket service's relay would. */
export async function publish(nats: TestNats, event: CloudEvent): Promise<void> {
  await jetstream(nats.nc).publish(nats.naming.subject(event.type), JSON.stringify(event), { msgID: event.id });
}
