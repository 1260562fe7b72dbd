import type { TicketSnapshot } from '@helpdesk/contracts';

/** A complete ticket snapshot with test defaults. */
export function exampleTicketSnapshot(overrides: Partial<TicketSnapshot>): TicketSnapshot {
  const now = new Date().toISOString();
  return {
    ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
    number: 'T-100234',
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
    summary: 'VPN connection fails',
    tags: [],
    dueAt: null,
    warningAt: null,
    slaTrafficLight: null,
    slaOverdue: false,
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}
