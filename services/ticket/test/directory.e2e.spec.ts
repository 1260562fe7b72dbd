import { status, type ServiceError } from '@grpc/grpc-js';
import { fieldViolationsOf } from '@helpdesk/grpc';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { startTicketApp, type TicketApp } from './support/ticket-app';
import type { TestGrpcClient } from '@helpdesk/testing';

interface Record {
  id: string;
  audit: { version: number };
}

describe('directory service over gRPC and NATS', () => {
  let app: TicketApp;
  let directory: TestGrpcClient;
  let customerId: string;

  beforeAll(async () => {
    app = await startTicketApp('directory-e2e', { DIRECTORY_DEFAULT_COUNTRY: 'DE' });
    directory = app.client('helpdesk.ticket.v1.DirectoryService', 'helpdesk/ticket/v1/directory.proto');
    const upserted = await directory.call<{ customer: Record }>(
      'UpsertCustomer',
      { externalSystem: 'erp', externalId: 'C-1', customerNumber: 'K-10042', name: 'Mustermann Logistik', address: { street: 'Hafenstraße 1', postalCode: '20457', city: 'Hamburg', country: 'de' } },
      app.tokens.integration,
    );
    customerId = upserted.customer.id;
  });
  afterAll(() => app.stop());

  it('upserts by external id: the second identical call is UNCHANGED and publishes nothing', async () => {
    const request = { externalSystem: 'erp', externalId: 'C-2', customerNumber: 'K-2', name: 'Second', kind: 'CUSTOMER_KIND_SUPPLIER' };
    const first = await directory.call<{ customer: Record & { kind: string }; outcome: string }>('UpsertCustomer', request, app.tokens.integration);
    const second = await directory.call<{ customer: Record; outcome: string }>('UpsertCustomer', request, app.tokens.integration);
    expect([first.outcome, second.outcome, second.customer.audit.version, first.customer.kind]).toEqual(['UPSERT_OUTCOME_CREATED', 'UPSERT_OUTCOME_UNCHANGED', 1, 'CUSTOMER_KIND_SUPPLIER']);
    // A change after the no-op: the stream must hold versions 1 and 2 of it and nothing between.
    await directory.call('UpsertCustomer', { ...request, name: 'Second, renamed' }, app.tokens.integration);
    const events = await readEvents(app.nats.nc, {
      stream: app.nats.naming.streamName('HELPDESK_TICKET'),
      subject: app.nats.naming.subject('helpdesk.directory.customer.upserted.v1'),
      count: 3,
    });
    const versions = events.filter((e) => e.event.subject === first.customer.id).map((e) => (e.event.data as { version: number }).version);
    expect(versions).toEqual([1, 2]);
  });

  it('normalises phone numbers and finds the contact by any notation; an invalid number names field and index', async () => {
    const { contact } = await directory.call<{ contact: Record & { phones: { number: string; kind: string }[] } }>(
      'UpsertContact',
      { customerNumber: 'K-10042', firstName: 'Max', lastName: 'Mustermann', emails: [{ address: 'Max@Example.com' }], phones: [{ number: '089 1234567' }, { number: '0170 1234567' }] },
      app.tokens.agent,
    );
    expect(contact.phones).toEqual([expect.objectContaining({ number: '+49891234567', kind: 'PHONE_KIND_LANDLINE', primary: true }), expect.objectContaining({ number: '+491701234567', kind: 'PHONE_KIND_MOBILE' })]);
    for (const phoneNumber of ['+49 89 1234567', '089 1234567', '0049891234567']) {
      await expect(directory.call('FindContactByPhone', { phoneNumber }, app.tokens.integration)).resolves.toMatchObject({ contact: { id: contact.id }, normalizedNumber: '+49891234567' });
    }
    await expect(directory.call('FindContactByEmail', { email: 'MAX@example.COM' }, app.tokens.integration)).resolves.toMatchObject({ contact: { id: contact.id }, matchCount: 1 });
    const error = await directory.call('UpsertContact', { firstName: 'X', phones: [{ number: '089 1234567' }, { number: '12' }] }, app.tokens.agent).catch((e: ServiceError) => e);
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(fieldViolationsOf(error as ServiceError).map((v) => v.field)).toEqual(['phones[1].number']);
  });

  it('checks entitlement by serial number within and after the warranty', async () => {
    await directory.call('UpsertContract', { customerId, contractNumber: 'V-1', validFrom: { year: 2026, month: 1, day: 1 }, validUntil: { year: 2026, month: 12, day: 31 } }, app.tokens.integration);
    await directory.call('UpsertAsset', { serialNumber: 'SC3000-88412', productName: 'Gateway', customerNumber: 'K-10042', warrantyEnd: { year: 2026, month: 6, day: 30 } }, app.tokens.integration);
    const check = (day: number, month: number) => directory.call('CheckEntitlement', { serialNumber: 'SC3000-88412', onDate: { year: 2026, month, day } }, app.tokens.agent);
    await expect(check(30, 6)).resolves.toMatchObject({ entitled: true, freeSupport: true, basis: 'SUPPORT_BASIS_WARRANTY', contract: { contractNumber: 'V-1' } });
    await expect(check(1, 7)).resolves.toMatchObject({ entitled: true, freeSupport: false, basis: 'SUPPORT_BASIS_CONTRACT' });
    await expect(directory.call('CheckEntitlement', { serialNumber: 'nope' }, app.tokens.agent)).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('writes a life record entry when a ticket names the asset (through the outbox, NATS and the consumer)', async () => {
    const { asset } = await directory.call<{ asset: Record }>('UpsertAsset', { serialNumber: 'SN-LIFE', productName: 'Printer' }, app.tokens.admin);
    const { ticket } = await app.tickets.call<{ ticket: { id: string; number: string } }>('CreateTicket', { summary: 'Paper jam', channel: 'TICKET_CHANNEL_PHONE', assetIds: [asset.id] }, app.tokens.agent);
    const entries = await expectEventually(async () => {
      const page = await directory.call<{ entries: { kind: string; ticketNumber: string }[] }>('ListLifeRecord', { serialNumber: 'SN-LIFE' }, app.tokens.agent);
      expect(page.entries).toHaveLength(1);
      return page.entries;
    });
    expect(entries[0]).toMatchObject({ kind: 'LIFE_RECORD_ENTRY_KIND_TICKET', ticketNumber: ticket.number });
    const manual = await directory.call('AddLifeRecordEntry', { serialNumber: 'SN-LIFE', title: 'Drum replaced', attachments: [{ sha256: 'b'.repeat(64), fileName: 'photo.jpg', sizeBytes: '2048' }] }, app.tokens.agent);
    expect(manual).toMatchObject({ entry: { kind: 'LIFE_RECORD_ENTRY_KIND_MANUAL', attachments: [{ fileName: 'photo.jpg', sizeBytes: '2048', contentType: 'application/octet-stream' }] } });
  });

  it('enforces roles and the customer scope', async () => {
    await expect(directory.call('UpsertCustomer', { customerNumber: 'K-X', name: 'X' }, app.tokens.agent)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const { contact } = await directory.call<{ contact: Record }>('UpsertContact', { customerId, displayName: 'Portal User' }, app.tokens.admin);
    const { contact: colleague } = await directory.call<{ contact: Record }>('UpsertContact', { customerId, displayName: 'Colleague' }, app.tokens.admin);
    const token = await app.customerToken(customerId, contact.id);
    await expect(directory.call('GetCustomer', { id: customerId }, token)).resolves.toMatchObject({ customer: { customerNumber: 'K-10042' } });
    await expect(directory.call('GetCustomer', { customerNumber: 'K-2' }, token)).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(directory.call('GetContact', { id: contact.id }, token)).resolves.toMatchObject({ contact: { displayName: 'Portal User' } });
    await expect(directory.call('GetContact', { id: colleague.id }, token)).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(directory.call('FindContactByEmail', { email: 'max@example.com' }, token)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(directory.call('ListCustomers', {}, token)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });
});
