import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, type CloudEvent, type TicketCreatedV1, type TicketUpdatedV1 } from '@helpdesk/contracts';
import { OutboxPublisher, type HandlerContext } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../../migrations/ticket-migrations';
import { TicketUnitOfWork } from '../../tickets/ticket-unit-of-work';
import { TicketsService } from '../../tickets/tickets.service';
import { DirectoryStore } from '../directory-store';
import { AssetsService } from './assets.service';
import { LifeRecordService } from './life-record.service';
import { lifeRecordOnTicketCreated, lifeRecordOnTicketUpdated } from './on-ticket-asset-life-record.handler';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] };
const monitoring: Caller = { kind: 'staff', subject: 'monitoring', roles: ['integration'] };
const UNKNOWN_ASSET = '01936a00-4444-7aaa-8bbb-0000000000ff';
const SHA = 'a'.repeat(64);

describe('asset life record (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let assets: AssetsService;
  let lifeRecord: LifeRecordService;

  beforeAll(async () => {
    db = await createTestDatabase('directory-life-record');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    tickets = new TicketsService(new TicketUnitOfWork(dataSource, publisher, settings, () => now), settings);
    const store = new DirectoryStore(dataSource, publisher, { defaultCountry: 'DE', timeZone: 'Europe/Berlin' }, () => now);
    assets = new AssetsService(store);
    lifeRecord = new LifeRecordService(store);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const newAsset = async (serial: string) =>
    (
      await assets.upsert(agent, {
        key: { kind: 'new' },
        asset: { serialNumber: serial, productName: 'Gateway', productSku: null, warrantyEndsOn: null },
        customer: { id: null, number: null },
        supplier: { id: null, number: null },
        contract: { id: null, number: null },
        active: true,
      })
    ).record;
  const ticketEvent = async <T>(ticketId: string, type: string): Promise<CloudEvent<T>> => {
    const rows = (await dataSource.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->>'subject' = $2 ORDER BY position DESC LIMIT 1`, [type, ticketId])) as { envelope: CloudEvent<T> }[];
    if (!rows[0]) throw new Error(`no ${type} for ${ticketId}`);
    return rows[0].envelope;
  };
  // What the consumer runner does around a handler, minus JetStream and the inbox row.
  const handle = <T>(handler: { handle(event: CloudEvent<T>, tx: HandlerContext): Promise<void> }, event: CloudEvent<T>) =>
    withTransaction(dataSource, (manager) =>
      handler.handle(event, { manager, outbox: publisher.in(manager), deliveryCount: 1, get: (type) => new type(manager) }),
    );
  const titles = async (serial: string) => (await lifeRecord.list(agent, { serialNumber: serial }, false, { size: 100, token: '' })).items.map((e) => e.title);

  it('records a new ticket on every known asset it names, once per event', async () => {
    const asset = await newAsset('SN-LR-1');
    const ticket = await tickets.create(agent, { summary: 'Gateway reboots', channel: 'phone', category: 'technical', assetIds: [asset.id, UNKNOWN_ASSET] });
    const created = await ticketEvent<TicketCreatedV1>(ticket.id, 'helpdesk.ticket.created.v1');
    await handle(lifeRecordOnTicketCreated, created);
    await handle(lifeRecordOnTicketCreated, created);
    const page = await lifeRecord.list(agent, { id: asset.id }, false, { size: 10, token: '' });
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'ticket', ticketId: ticket.id, ticketNumber: ticket.number, title: `Ticket ${ticket.number} opened: Gateway reboots`, eventId: created.id, author: expect.objectContaining({ kind: 'agent' }) }),
    ]);
    const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM asset_life_record WHERE asset_id = $1`, [UNKNOWN_ASSET])) as { count: number }[];
    expect(count).toBe(0);
  });

  it('records when a ticket starts and stops naming an asset', async () => {
    const first = await newAsset('SN-LR-2');
    const second = await newAsset('SN-LR-3');
    const ticket = await tickets.create(agent, { summary: 'Swap device', channel: 'email', category: 'technical', assetIds: [first.id] });
    now = new Date(now.getTime() + 60_000);
    await tickets.update(agent, ticket.id, { assetIds: [second.id] });
    await handle(lifeRecordOnTicketUpdated, await ticketEvent<TicketUpdatedV1>(ticket.id, 'helpdesk.ticket.updated.v1'));
    expect(await titles('SN-LR-2')).toEqual([`Ticket ${ticket.number} no longer names this asset: Swap device`]);
    expect(await titles('SN-LR-3')).toEqual([`Ticket ${ticket.number} names this asset: Swap device`]);
  });

  it('adds manual entries with attachment references and integration entries idempotent by source', async () => {
    await newAsset('SN-LR-4');
    const ticket = await tickets.create(agent, { summary: 'On-site visit', channel: 'phone', category: 'technical' });
    const manual = await lifeRecord.add(agent, {
      asset: { serialNumber: 'SN-LR-4' },
      title: 'Firmware 3.2 installed',
      text: 'On site, see report.',
      occurredAt: new Date('2026-11-20T14:00:00.000Z'),
      attachments: [{ sha256: SHA, fileName: 'report.pdf', contentType: 'application/pdf', sizeBytes: 1234 }],
      ticketId: ticket.id,
      source: null,
    });
    expect(manual).toMatchObject({ kind: 'manual', ticketNumber: ticket.number, attachments: [{ sha256: SHA, fileName: 'report.pdf' }] });
    const input = { asset: { serialNumber: 'SN-LR-4' }, title: 'Alert: fan failure', text: '', occurredAt: null, attachments: [], ticketId: null, source: { system: 'monitoring', ref: 'alert-77' } };
    const first = await lifeRecord.add(monitoring, input);
    const again = await lifeRecord.add(monitoring, input);
    expect(first).toMatchObject({ kind: 'integration', source: { system: 'monitoring', ref: 'alert-77' } });
    expect(again.id).toBe(first.id);
    expect(await titles('SN-LR-4')).toEqual(['Firmware 3.2 installed', 'Alert: fan failure']);
    const newest = await lifeRecord.list(agent, { serialNumber: 'SN-LR-4' }, true, { size: 1, token: '' });
    expect(newest.items.map((e) => e.title)).toEqual(['Alert: fan failure']);
    const next = await lifeRecord.list(agent, { serialNumber: 'SN-LR-4' }, true, { size: 1, token: newest.nextToken });
    expect([next.items.map((e) => e.title), next.nextToken]).toEqual([['Firmware 3.2 installed'], '']);
    await expect(lifeRecord.add(agent, { ...input, source: null, ticketId: UNKNOWN_ASSET })).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'ticketId' });
  });

  it('keeps the life record append-only in the database', async () => {
    await expect(dataSource.query(`UPDATE asset_life_record SET title = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM asset_life_record`)).rejects.toThrow(/append-only/);
  });
});
