import { status } from '@grpc/grpc-js';
import { readEvents } from '@helpdesk/testing';
import { readPdf } from './support/pdf-text';
import { startTicketApp, type TicketApp } from './support/ticket-app';

const CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c101';
const OTHER_CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c102';
const CONTACT = '01890f0e-8c5a-7cc1-9a3e-00000000d101';
const TAG = 'bulk-export';
// 290 characters, so that the CSV of a few hundred tickets takes several 64 KiB chunks.
const LONG_SUMMARY = `Label printer in the warehouse prints blank labels; ${'driver reinstalled, cable swapped, firmware checked; '.repeat(5)}`.slice(0, 290);

interface TicketMessage {
  id: string;
  number: string;
}
interface ExportChunk {
  contentType: string;
  fileName: string;
  chunk: Buffer;
}

describe('links, merges and exports over gRPC', () => {
  let app: TicketApp;
  beforeAll(async () => {
    app = await startTicketApp('ticket-links-export-e2e');
  });
  afterAll(() => app.stop());

  const create = async (extra: object = {}) =>
    (await app.tickets.call<{ ticket: TicketMessage }>('CreateTicket', { summary: 'Switch down', channel: 'TICKET_CHANNEL_PHONE', category: 'technical', ...extra }, app.tokens.agent))
      .ticket;
  const link = (ticketId: string, fields: object, token = app.tokens.agent) =>
    app.tickets.call<{ links: { kind: string; targetTicketId: string; targetTicketNumber: string; externalValue: string }[] }>(
      'LinkTickets',
      { ticketId, link: fields },
      token,
    );

  describe('LinkTickets and ListLinks', () => {
    it('links by number, shows the inverse from the other side and publishes ticket.updated for both', async () => {
      const parent = await create({ customerId: CUSTOMER });
      const child = await create({ customerId: CUSTOMER });
      const response = await link(parent.id, { kind: 'LINK_KIND_CHILD', targetTicketNumber: child.number });
      expect(response.links).toEqual([expect.objectContaining({ kind: 'LINK_KIND_CHILD', targetTicketId: child.id, targetTicketNumber: child.number })]);
      await link(parent.id, { kind: 'LINK_KIND_EXTERNAL', externalSystem: 'erp', externalKind: 'order', externalValue: 'SO-2026-4711' });

      const customer = await app.customerToken(CUSTOMER, CONTACT);
      const seen = await app.tickets.call<{ links: { kind: string; targetTicketId: string }[] }>('ListLinks', { ticketId: child.id }, customer);
      expect(seen.links).toEqual([expect.objectContaining({ kind: 'LINK_KIND_PARENT', targetTicketId: parent.id })]);

      const events = await readEvents(app.nats.nc, {
        stream: app.nats.naming.streamName('HELPDESK_TICKET'),
        subject: app.nats.naming.subject('helpdesk.ticket.updated.v1'),
        count: 3,
      });
      // The link changes both tickets; the external reference only the parent.
      const changed = events.map((e) => [e.event.subject, (e.event.data as { changes: { field: string }[] }).changes[0]?.field]);
      expect(changed).toEqual([
        [parent.id, 'links'],
        [child.id, 'links'],
        [parent.id, 'externalReferences'],
      ]);
    });

    it('refuses customers, bad input, self links and parent cycles with clear statuses', async () => {
      const a = await create({ customerId: CUSTOMER });
      const b = await create();
      const customer = await app.customerToken(CUSTOMER, CONTACT);
      await expect(link(a.id, { kind: 'LINK_KIND_RELATED', targetTicketId: b.id }, customer)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      await expect(link(a.id, { kind: 'LINK_KIND_RELATED', targetTicketId: 'T-1' })).rejects.toMatchObject({
        code: status.INVALID_ARGUMENT,
        details: expect.stringContaining('link.targetTicketId'),
      });
      await expect(link(a.id, { kind: 'LINK_KIND_RELATED', targetTicketId: a.id })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
      await link(a.id, { kind: 'LINK_KIND_PARENT', targetTicketId: b.id });
      await expect(link(b.id, { kind: 'LINK_KIND_PARENT', targetTicketId: a.id })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
      await expect(app.tickets.call('ListLinks', { ticketId: b.id }, customer)).rejects.toMatchObject({ code: status.NOT_FOUND });
    });
  });

  describe('MergeTickets', () => {
    it('merges a ticket with its messages into another, cancelling it, and publishes ticket.merged', async () => {
      const source = await create({ customerId: CUSTOMER });
      const target = await create({ customerId: CUSTOMER });
      await app.tickets.call('AddMessage', { ticketId: source.id, audience: 'MESSAGE_AUDIENCE_INTERNAL', medium: 'MESSAGE_MEDIUM_NOTE', direction: 'MESSAGE_DIRECTION_INBOUND', text: 'First report' }, app.tokens.agent);
      const customer = await app.customerToken(CUSTOMER, CONTACT);
      const request = { sourceTicketId: source.id, targetTicketId: target.id, reason: 'Same switch' };
      await expect(app.tickets.call('MergeTickets', request, customer)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      const merged = await app.tickets.call<{ source: { status: string }; target: { id: string } }>('MergeTickets', request, app.tokens.agent);
      expect(merged).toMatchObject({ source: { status: 'TICKET_STATUS_CANCELLED' }, target: { id: target.id } });
      const moved = await app.tickets.call<{ messages: { text: string }[] }>('ListMessages', { ticketId: target.id }, app.tokens.agent);
      expect(moved.messages.map((m) => m.text)).toEqual(['First report']);
      const [event] = await readEvents(app.nats.nc, {
        stream: app.nats.naming.streamName('HELPDESK_TICKET'),
        subject: app.nats.naming.subject('helpdesk.ticket.merged.v1'),
        count: 1,
      });
      expect(event?.event).toMatchObject({ subject: target.id, data: { source: { ticketId: source.id, status: 'cancelled' }, reason: 'Same switch' } });
      await expect(app.tickets.call('MergeTickets', request, app.tokens.agent)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    });
  });

  describe('ExportTickets', () => {
    beforeAll(async () => {
      const specs = Array.from({ length: 240 }, (_, i) => ({ summary: `${i} ${LONG_SUMMARY}`, tags: [TAG], customerId: i % 4 === 0 ? OTHER_CUSTOMER : CUSTOMER }));
      for (let i = 0; i < specs.length; i += 16) await Promise.all(specs.slice(i, i + 16).map((spec) => create(spec)));
    });

    const exportOf = (selection: object, format: string, token = app.tokens.agent) =>
      app.tickets.stream<ExportChunk>('ExportTickets', { selection, format }, token);

    it('streams the CSV in chunks of at most 64 KiB with type and name on the first', async () => {
      const chunks = await exportOf({ tag: TAG }, 'EXPORT_FORMAT_CSV');
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.every((c) => c.chunk.length <= 64 * 1024)).toBe(true);
      expect(chunks[0]).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: expect.stringMatching(/^tickets-\d{8}-\d{4}\.csv$/) });
      expect(chunks.slice(1).every((c) => c.contentType === '' && c.fileName === '')).toBe(true);
      const lines = Buffer.concat(chunks.map((c) => c.chunk)).toString('utf8').split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(241);
    });

    it('exports only a customer’s own tickets to the customer', async () => {
      const customer = await app.customerToken(CUSTOMER, CONTACT);
      const chunks = await exportOf({ tag: TAG }, 'EXPORT_FORMAT_CSV', customer);
      const lines = Buffer.concat(chunks.map((c) => c.chunk)).toString('utf8').split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(1 + 180);
    });

    it('streams the open items PDF, which parses', async () => {
      const chunks = await exportOf({ tag: TAG }, 'EXPORT_FORMAT_PDF');
      expect(chunks[0]).toMatchObject({ contentType: 'application/pdf', fileName: expect.stringMatching(/^open-items-.*\.pdf$/) });
      const pdf = await readPdf(Buffer.concat(chunks.map((c) => c.chunk)));
      expect(pdf.pages.length).toBeGreaterThan(5);
      expect(pdf.pages.at(-1)).toContain('End of list: 240 tickets.');
    });

    it('refuses a missing format with INVALID_ARGUMENT', async () => {
      await expect(exportOf({}, 'EXPORT_FORMAT_UNSPECIFIED')).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('format') });
    });
  });
});
