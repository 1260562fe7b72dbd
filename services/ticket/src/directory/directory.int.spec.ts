import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, findEventDefinition } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { AssetsService, type AssetUpsert } from './assets/assets.service';
import { ContactsService, type ContactUpsert } from './contacts/contacts.service';
import { ContractsService, type ContractUpsert } from './contracts/contracts.service';
import { EntitlementsService } from './contracts/entitlements.service';
import type { CustomerData } from './customers/customer';
import { CustomersService } from './customers/customers.service';
import { DirectoryStore } from './directory-store';

const admin: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] };
const erp: Caller = { kind: 'staff', subject: 'erp-sync', roles: ['integration'] };

describe('directory (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let customers: CustomersService;
  let contacts: ContactsService;
  let contracts: ContractsService;
  let assets: AssetsService;
  let entitlements: EntitlementsService;

  beforeAll(async () => {
    db = await createTestDatabase('directory');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const store = new DirectoryStore(dataSource, new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY }), { defaultCountry: 'DE', timeZone: 'Europe/Berlin' }, () => now);
    [customers, contacts, contracts, assets, entitlements] = [new CustomersService(store), new ContactsService(store), new ContractsService(store), new AssetsService(store), new EntitlementsService(store)];
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const events = async (subject: string) =>
    (await dataSource.query(`SELECT type, envelope FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [subject])) as { type: string; envelope: { data: unknown } }[];
  const customerData = (number: string, over: Partial<CustomerData> = {}): CustomerData => ({
    kind: 'customer',
    customerNumber: number,
    name: `Customer ${number}`,
    legalName: null,
    vatId: null,
    address: { street: 'Hafenstraße 1', postalCode: '20457', city: 'Hamburg', region: 'DE-HH', country: 'DE' },
    language: 'de',
    accountManagerId: null,
    ...over,
  });
  const newCustomer = async (number: string, over: Partial<CustomerData> = {}) =>
    (await customers.upsert(admin, { key: { kind: 'new' } }, { data: customerData(number, over), active: true })).record;
  const contactUpsert = (phones: string[], emails: string[], over: Partial<ContactUpsert> = {}): ContactUpsert => ({
    key: { kind: 'new' },
    customer: { id: null, number: null },
    contact: { firstName: 'Max', lastName: 'Mustermann', displayName: '', emails: emails.map((address) => ({ address, primary: false })), phones: phones.map((number) => ({ number, kind: undefined, primary: false })), language: null },
    defaultCountry: null,
    active: true,
    ...over,
  });

  it('upserts by external id idempotently: same payload twice → same version and one event; a change → next version', async () => {
    const key = { kind: 'external', ref: { system: 'erp', id: 'CUST-1' } } as const;
    const content = { data: customerData('K-1'), active: true };
    const first = await customers.upsert(erp, { key }, content);
    const again = await customers.upsert(erp, { key }, { data: { ...customerData('K-1') }, active: true });
    expect([first.outcome, again.outcome, again.record.version]).toEqual(['created', 'unchanged', 1]);
    const renamed = await customers.upsert(erp, { key }, { data: customerData('K-1', { name: 'Renamed' }), active: true });
    expect(renamed).toMatchObject({ outcome: 'updated', record: { id: first.record.id, version: 2, externalRef: { system: 'erp', id: 'CUST-1' } } });
    const written = await events(first.record.id);
    expect(written.map((e) => e.type)).toEqual(['helpdesk.directory.customer.upserted.v1', 'helpdesk.directory.customer.upserted.v1']);
    expect(written.map((e) => (e.envelope.data as { version: number }).version)).toEqual([1, 2]);
  });

  it('runs concurrent first syncs of one external id into one record', async () => {
    const key = { kind: 'external', ref: { system: 'erp', id: 'CUST-RACE' } } as const;
    const results = await Promise.all([1, 2, 3].map(() => customers.upsert(erp, { key }, { data: customerData('K-RACE'), active: true })));
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'unchanged', 'unchanged']);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
  });

  it('refuses a customer number another customer has (ALREADY_EXISTS) and a stale expected version', async () => {
    const taken = await newCustomer('K-TAKEN');
    await expect(newCustomer('K-TAKEN')).rejects.toMatchObject({ code: 'DIRECTORY_KEY_TAKEN', field: 'customerNumber' });
    await expect(customers.upsert(admin, { key: { kind: 'id', id: taken.id, externalRef: null }, expectedVersion: 5 }, { data: customerData('K-TAKEN'), active: true })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('writes events of every entity that validate against their contracts', async () => {
    const customer = await newCustomer('K-EVT');
    const supplier = await newCustomer('S-EVT', { kind: 'supplier' });
    const contact = await contacts.upsert(erp, contactUpsert(['089 1234500'], ['Evt@Example.com'], { customer: { id: null, number: 'K-EVT' } }));
    const contract = await contracts.upsert(erp, contractUpsert('V-EVT', 'K-EVT', { entitlements: [{ kind: 'serial_number', value: 'SN-EVT' }] }));
    const asset = await assets.upsert(erp, assetUpsert('SN-EVT', { customer: { id: customer.id, number: null }, supplier: { id: null, number: 'S-EVT' }, contract: { id: null, number: 'V-EVT' } }));
    expect(asset.record.data).toMatchObject({ customerId: customer.id, supplierId: supplier.id, contractId: contract.record.id });
    for (const id of [customer.id, supplier.id, contact.record.id, contract.record.id, asset.record.id]) {
      const [event] = await events(id);
      const definition = findEventDefinition(event?.type ?? '');
      expect(definition?.schema.safeParse(event?.envelope.data).success).toBe(true);
    }
    expect((await events(contact.record.id))[0]?.envelope.data).toMatchObject({ emails: [{ address: 'evt@example.com', primary: true }], phones: [{ number: '+49891234500', kind: 'landline' }] });
  });

  it('refuses an asset whose supplier is a customer, naming the field', async () => {
    await newCustomer('K-NOT-SUPPLIER');
    await expect(assets.upsert(admin, assetUpsert('SN-BAD', { supplier: { id: null, number: 'K-NOT-SUPPLIER' } }))).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'supplierNumber' });
  });

  describe('contact lookups', () => {
    it('finds a contact by any notation of one of its numbers', async () => {
      const { record } = await contacts.upsert(admin, contactUpsert(['0170 5550001', '+49 89 1234567'], ['anna@example.com']));
      for (const input of ['+49 89 1234567', '089 1234567', '0049891234567', '+49 (0)89 123 45 67']) {
        await expect(contacts.findByPhone(admin, input, null)).resolves.toMatchObject({ contact: { id: record.id }, normalizedNumber: '+49891234567', matchCount: 1 });
      }
      await expect(contacts.findByPhone(admin, '01705550001', null)).resolves.toMatchObject({ contact: { id: record.id } });
      await expect(contacts.findByPhone(admin, '089 7654321', null)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
      await expect(contacts.findByPhone(admin, 'not a number', null)).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'phoneNumber' });
    });

    it('refuses an invalid number at the upsert, naming field and index', async () => {
      await expect(contacts.upsert(admin, contactUpsert(['089 1234567', '12345'], []))).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'phones[1].number' });
    });

    it('finds by mail address in any case; of two contacts with one address the most recently changed wins', async () => {
      const older = await contacts.upsert(admin, contactUpsert([], ['Shared@Example.com']));
      now = new Date(now.getTime() + 60_000);
      const newer = await contacts.upsert(admin, contactUpsert([], ['shared@example.COM', 'other@example.com']));
      await expect(contacts.findByEmail(admin, 'SHARED@example.com')).resolves.toMatchObject({ contact: { id: newer.record.id }, matchCount: 2 });
      now = new Date(now.getTime() + 60_000);
      const changed = contactUpsert([], ['shared@example.com']);
      await contacts.upsert(admin, { ...changed, key: { kind: 'id', id: older.record.id, externalRef: null }, contact: { ...changed.contact, lastName: 'Changed' } });
      await expect(contacts.findByEmail(admin, 'shared@example.com')).resolves.toMatchObject({ contact: { id: older.record.id } });
    });
  });

  describe('entitlement by serial number', () => {
    beforeAll(async () => {
      await newCustomer('K-ENT');
      await contracts.upsert(erp, contractUpsert('V-ENT', 'K-ENT', { validFrom: '2026-01-01', validUntil: '2026-12-31', entitlements: [{ kind: 'serial_number', value: 'SN-ENT' }] }));
      await assets.upsert(erp, assetUpsert('SN-ENT', { customer: { id: null, number: 'K-ENT' }, asset: { serialNumber: 'SN-ENT', productName: 'Gateway', productSku: null, warrantyEndsOn: '2026-06-30' } }));
    });

    it.each([
      ['2026-03-01', { entitled: true, freeSupport: true, basis: 'warranty' }],
      ['2026-06-30', { entitled: true, freeSupport: true, basis: 'warranty' }],
      ['2026-07-01', { entitled: true, freeSupport: false, basis: 'contract' }],
      ['2027-01-01', { entitled: false, freeSupport: false, basis: 'none', contract: null, slaPolicyId: null }],
    ])('on %s', async (day, expected) => {
      const decision = await entitlements.check(admin, { serialNumber: 'SN-ENT' }, day);
      expect(decision).toMatchObject(expected);
      if (expected.entitled) expect(decision.contract?.data.contractNumber).toBe('V-ENT');
      if (expected.entitled) expect(decision.slaPolicyId).toBe(SLA);
    });

    it('decides for today in the configured time zone, and knows unknown identifiers are not found', async () => {
      now = new Date('2026-06-30T22:30:00.000Z'); // 00:30 on 1 July in Berlin: the warranty has ended
      await expect(entitlements.check(admin, { serialNumber: 'SN-ENT' }, null)).resolves.toMatchObject({ onDate: '2026-07-01', basis: 'contract' });
      await expect(entitlements.check(admin, { serialNumber: 'SN-NOPE' }, null)).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' });
      await expect(entitlements.check(admin, { customerNumber: 'K-ENT' }, '2026-05-01')).resolves.toMatchObject({ entitled: false });
      await expect(entitlements.check(admin, { contractNumber: 'V-ENT' }, '2026-05-01')).resolves.toMatchObject({ entitled: true, basis: 'contract' });
    });
  });

  it('limits a customer token to its own customer, contact, contracts and assets', async () => {
    const own = await newCustomer('K-OWN');
    const other = await newCustomer('K-OTHER');
    const me = await contacts.upsert(admin, contactUpsert([], ['me@own.example'], { customer: { id: own.id, number: null } }));
    const colleague = await contacts.upsert(admin, contactUpsert([], ['colleague@own.example'], { customer: { id: own.id, number: null } }));
    await contracts.upsert(admin, contractUpsert('V-OWN', 'K-OWN'));
    await contracts.upsert(admin, contractUpsert('V-OTHER', 'K-OTHER'));
    await assets.upsert(admin, assetUpsert('SN-OWN', { customer: { id: own.id, number: null } }));
    await assets.upsert(admin, assetUpsert('SN-OTHER', { customer: { id: other.id, number: null } }));
    const customer: Caller = { kind: 'customer', subject: 'me', customerId: own.id, contactId: me.record.id };
    await expect(customers.get(customer, { id: own.id })).resolves.toMatchObject({ id: own.id });
    await expect(customers.get(customer, { customerNumber: 'K-OTHER' })).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    await expect(contacts.get(customer, me.record.id)).resolves.toMatchObject({ id: me.record.id });
    await expect(contacts.get(customer, colleague.record.id)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
    await expect(assets.get(customer, { serialNumber: 'SN-OTHER' })).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' });
    await expect(contracts.get(customer, { contractNumber: 'V-OTHER' })).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
    expect((await contracts.list(customer, { includeArchived: false }, { size: 100, token: '' })).items.map((c) => c.data.contractNumber)).toEqual(['V-OWN']);
    const page = await assets.list(customer, { includeArchived: false }, { size: 100, token: '' });
    expect(page.items.map((a) => a.data.serialNumber)).toEqual(['SN-OWN']);
  });

  it('pages lists by name without gaps or repeats and refuses a token of another selection', async () => {
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo']) await newCustomer(`K-PAGE-${name}`, { name: `${name} Paging` });
    const seen: string[] = [];
    let token = '';
    do {
      const page = await customers.list(admin, { text: 'Paging', includeArchived: false }, { size: 2, token });
      seen.push(...page.items.map((c) => c.data.name));
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(['alpha Paging', 'bravo Paging', 'Charlie Paging', 'Delta Paging', 'Echo Paging']);
    const first = await customers.list(admin, { text: 'Paging', includeArchived: false }, { size: 2, token: '' });
    await expect(customers.list(admin, { text: 'Other', includeArchived: false }, { size: 2, token: first.nextToken })).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'page.pageToken' });
  });
});

const SLA = '01936a00-7777-7aaa-8bbb-000000000007';

function contractUpsert(number: string, customerNumber: string, over: Partial<ContractUpsert['contract']> = {}): ContractUpsert {
  return {
    key: { kind: 'new' },
    customer: { id: null, number: customerNumber },
    contract: { contractNumber: number, name: '', validFrom: '2026-01-01', validUntil: null, slaPolicyId: SLA, billingPlanId: null, freeSupport: false, entitlements: [], quotaRef: null, ...over },
    active: true,
  };
}

function assetUpsert(serial: string, over: Partial<AssetUpsert> = {}): AssetUpsert {
  return {
    key: { kind: 'new' },
    asset: { serialNumber: serial, productName: 'SecureConnect VPN Gateway 3000', productSku: 'SC-3000', warrantyEndsOn: null },
    customer: { id: null, number: null },
    supplier: { id: null, number: null },
    contract: { id: null, number: null },
    active: true,
    ...over,
  };
}
