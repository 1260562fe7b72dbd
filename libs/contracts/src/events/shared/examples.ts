import type { z } from 'zod';
import type { Actor } from './actor';
import type { SlaClock, slaTicketRefSchema } from './sla-clock';
import type { TicketSnapshot } from './ticket-snapshot';

// Shared example values keep the examples of different events telling one consistent story
// (one customer, one contact, one ticket), which makes the AsyncAPI document easier to read.

/** The agent used in the examples. */
export const exampleActor: Actor = {
  kind: 'agent',
  id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
  displayName: 'Anna Schmidt',
};

/** A ticket snapshot for the examples of ticket events, with the fields an example changes. */
export function exampleTicket(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
    number: 'T-100234',
    version: 4,
    status: 'in_progress',
    priority: 'high',
    category: 'technical',
    channel: 'email',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    contactId: '01936a00-2222-7aaa-8bbb-000000000002',
    contractId: '01936a00-3333-7aaa-8bbb-000000000003',
    assetIds: ['01936a00-4444-7aaa-8bbb-000000000004'],
    assigneeId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
    queueId: '01936a00-5555-7aaa-8bbb-000000000005',
    summary: 'VPN connection fails with error 809',
    tags: ['vpn'],
    dueAt: '2026-11-23T14:15:00.000Z',
    warningAt: '2026-11-23T13:15:00.000Z',
    slaTrafficLight: 'green',
    slaOverdue: false,
    createdAt: '2026-11-23T10:15:00.000Z',
    updatedAt: '2026-11-23T10:42:00.000Z',
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}

/** The ticket reference used in the examples of SLA events. */
export const exampleSlaTicket: z.infer<typeof slaTicketRefSchema> = {
  ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
  number: 'T-100234',
  summary: 'VPN connection fails with error 809',
  priority: 'high',
  customerId: '01936a00-1111-7aaa-8bbb-000000000001',
  contractId: '01936a00-3333-7aaa-8bbb-000000000003',
  assigneeId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
  queueId: '01936a00-5555-7aaa-8bbb-000000000005',
  ticketVersion: 8,
};

/** A first-response clock for the examples of SLA events, with the fields an example changes. */
export function exampleSlaClock(overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    clockId: '01936b40-0000-7abc-8def-000000000062',
    target: 'first_response',
    taskId: null,
    policyId: '01936a00-7777-7aaa-8bbb-000000000007',
    calendarId: '01936a00-cccc-7aaa-8bbb-00000000000c',
    state: 'running',
    trafficLight: 'yellow',
    targetSeconds: 7200,
    elapsedBusinessSeconds: 5400,
    remainingBusinessSeconds: 1800,
    startedAt: '2026-11-23T09:14:43.000Z',
    warningAt: '2026-11-23T10:44:43.000Z',
    dueAt: '2026-11-23T11:14:43.000Z',
    metAt: null,
    breachedAt: null,
    escalationLevel: 0,
    ...overrides,
  };
}
