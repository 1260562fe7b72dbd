import { status } from '@grpc/grpc-js';
import { readEvents } from '@helpdesk/testing';
import { startTicketApp, type TicketApp } from './support/ticket-app';

const CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c001';
const OTHER_CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c002';
const CONTACT = '01890f0e-8c5a-7cc1-9a3e-00000000d001';

interface TicketMessage {
  id: string;
  number: string;
  status: string;
  customerId: string;
  audit: { version: number };
}

describe('ticket service over gRPC and NATS', () => {
  let app: TicketApp;
  beforeAll(async () => {
    app = await startTicketApp('ticket-lifecycle-e2e');
  });
  afterAll(() => app.stop());

  const create = async (token: string, extra: object = {}) =>
    (await app.tickets.call<{ ticket: TicketMessage }>('CreateTicket', { summary: 'Mail server down', channel: 'TICKET_CHANNEL_PHONE', category: 'technical', ...extra }, token)).ticket;

  it('creates a ticket, publishes ticket.created.v1 through the outbox, and answers by number', async () => {
    const ticket = await create(app.tokens.agent, { customerId: CUSTOMER, priority: 'TICKET_PRIORITY_HIGH' });
    expect(ticket).toMatchObject({ status: 'TICKET_STATUS_NEW', number: expect.stringMatching(/^T-\d+$/), audit: { version: 1 } });
    const [event] = await readEvents(app.nats.nc, {
      stream: app.nats.naming.streamName('HELPDESK_TICKET'),
      subject: app.nats.naming.subject('helpdesk.ticket.created.v1'),
      count: 1,
    });
    expect(event?.event).toMatchObject({ type: 'helpdesk.ticket.created.v1', subject: ticket.id, source: 'helpdesk/ticket' });
    expect(event?.headers['Nats-Msg-Id']).toBe(event?.event.id);
    const byNumber = await app.tickets.call<{ ticket: TicketMessage }>('GetTicket', { number: ticket.number }, app.tokens.agent);
    expect(byNumber.ticket.id).toBe(ticket.id);
  });

  it('refuses a forbidden transition with FAILED_PRECONDITION naming both states', async () => {
    const ticket = await create(app.tokens.agent);
    await expect(app.tickets.call('ChangeStatus', { id: ticket.id, status: 'TICKET_STATUS_CLOSED' }, app.tokens.agent)).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringMatching(/new.*closed/),
    });
  });

  it('answers bad input with INVALID_ARGUMENT naming the field, and a missing token with UNAUTHENTICATED', async () => {
    await expect(app.tickets.call('CreateTicket', { summary: '', channel: 'TICKET_CHANNEL_PHONE' }, app.tokens.agent)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('summary'),
    });
    await expect(app.tickets.call('ListTickets', {})).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  });

  it('keeps a customer to its own tickets', async () => {
    const foreign = await create(app.tokens.agent, { customerId: OTHER_CUSTOMER });
    const customer = await app.customerToken(CUSTOMER, CONTACT);
    const own = await create(customer);
    expect(own.customerId).toBe(CUSTOMER);
    await expect(app.tickets.call('GetTicket', { id: foreign.id }, customer)).rejects.toMatchObject({ code: status.NOT_FOUND });
    const list = await app.tickets.call<{ tickets: TicketMessage[] }>('ListTickets', { page: { pageSize: 100 } }, customer);
    expect(list.tickets.length).toBeGreaterThan(0);
    expect(list.tickets.every((t) => t.customerId === CUSTOMER)).toBe(true);
    await expect(app.tickets.call('ChangeStatus', { id: own.id, status: 'TICKET_STATUS_OPEN' }, customer)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('verifies the history chain over gRPC', async () => {
    const ticket = await create(app.tokens.agent);
    await app.tickets.call('ChangeStatus', { id: ticket.id, status: 'TICKET_STATUS_OPEN' }, app.tokens.agent);
    const verdict = await app.tickets.call('VerifyHistory', { id: ticket.id }, app.tokens.agent);
    expect(verdict).toMatchObject({ intact: true, entryCount: '2' });
  });
});
