import { ticketCreatedV1, ticketUpdatedV1, type TicketCreatedV1, type TicketUpdatedV1 } from '@helpdesk/contracts';
import { entriesForTicketCreated, entriesForTicketUpdated } from './life-record';

const A1 = '01936a00-4444-7aaa-8bbb-000000000001';
const A2 = '01936a00-4444-7aaa-8bbb-000000000002';
const A3 = '01936a00-4444-7aaa-8bbb-000000000003';
const facts = { eventId: '01936b2e-0000-7000-8000-000000000001', time: new Date('2026-11-23T10:00:00.000Z') };
let n = 0;
const ids = () => `entry-${++n}`;

const created = (assetIds: string[]): TicketCreatedV1 => {
  const example = ticketCreatedV1.example as TicketCreatedV1;
  return { ...example, ticket: { ...example.ticket, assetIds } };
};
const updated = (before: string[], after: string[], field = 'assetIds'): TicketUpdatedV1 => {
  const example = ticketUpdatedV1.example as TicketUpdatedV1;
  return { ...example, ticket: { ...example.ticket, assetIds: after }, changes: [{ field, before, after }] };
};

describe('life record entries from ticket events', () => {
  it('writes one ticket entry per asset a new ticket names, in the event time and by its actor', () => {
    const data = created([A1, A2]);
    const entries = entriesForTicketCreated(data, facts, ids);
    expect(entries.map((e) => e.assetId)).toEqual([A1, A2]);
    expect(entries[0]).toMatchObject({
      kind: 'ticket',
      occurredAt: facts.time,
      eventId: facts.eventId,
      ticketId: data.ticket.ticketId,
      ticketNumber: data.ticket.number,
      author: data.actor,
      title: `Ticket ${data.ticket.number} opened: ${data.ticket.summary}`,
    });
    expect(entriesForTicketCreated(created([]), facts, ids)).toEqual([]);
  });

  it('writes entries for assets added to and removed from a ticket, nothing for other changes', () => {
    const entries = entriesForTicketUpdated(updated([A1, A2], [A2, A3]), facts, ids);
    expect(entries.map((e) => [e.assetId, e.title.includes('no longer') ? 'removed' : 'added'])).toEqual([
      [A3, 'added'],
      [A1, 'removed'],
    ]);
    expect(entriesForTicketUpdated(updated([], [], 'priority'), facts, ids)).toEqual([]);
  });
});
