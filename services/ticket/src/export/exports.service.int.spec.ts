import type { Caller } from '@helpdesk/auth';
import type { TicketPriority } from '@helpdesk/contracts';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { readPdf } from '../../test/support/pdf-text';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { Ticket } from '../tickets/ticket';
import type { TicketFilter } from '../tickets/ticket-filter';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { ExportsService, type ExportFile, type ExportFormat } from './exports.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';
const AGENT_ID = '01890f0e-8c5a-7cc1-9a3e-0000000000a1';
const QUEUE_ID = '01890f0e-8c5a-7cc1-9a3e-0000000000f1';
const customerA: Caller = { kind: 'customer', subject: 'anna@a.example', customerId: CUSTOMER_A, contactId: '01890f0e-8c5a-7cc1-9a3e-0000000000ca' };
const TAG = 'export';
const PAGE_SIZE = 7;
const TRICKY = `=cmd|' /C calc'!A0; "quoted"`;
const EXPORTED_AT = new Date('2026-11-24T11:00:00.000Z');

/** RFC 4180 records (quoted fields, doubled quotes, CRLF) with `;` between fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const close = closingQuote(text, i + 1);
      field += text.slice(i + 1, close).replaceAll('""', '"');
      i = close + 1;
    } else if (text[i] === ';') {
      record.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 2;
    } else {
      field += text[i];
      i += 1;
    }
  }
  return records;
}

function closingQuote(text: string, from: number): number {
  let i = from;
  while (text[i] !== '"' || text[i + 1] === '"') i += text[i] === '"' ? 2 : 1;
  return i;
}

describe('ExportsService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let exports: ExportsService;
  const created: Ticket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('ticket-exports');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    tickets = new TicketsService(new TicketUnitOfWork(dataSource, publisher, settings, () => now), settings);
    exports = new ExportsService(dataSource, { csvDelimiter: ';', timeZone: 'Europe/Berlin' }, () => EXPORTED_AT, PAGE_SIZE);
    await seedDirectory(dataSource);

    const priorities: TicketPriority[] = ['low', 'normal', 'high', 'critical'];
    for (let i = 0; i < 40; i++) {
      now = new Date(now.getTime() + 60_000);
      const customerId = i < 36 ? CUSTOMER_A : CUSTOMER_B;
      const summary = i === 5 ? TRICKY : `Export item ${i}`;
      created.push(
        await tickets.create(agent, { summary, channel: 'phone', category: 'technical', priority: priorities[i % 4], customerId, tags: [TAG], assigneeId: AGENT_ID, queueId: QUEUE_ID }),
      );
    }
    await tickets.create(agent, { summary: 'Not in the selection', channel: 'phone', category: 'other', customerId: CUSTOMER_A });
    const [resolved, cancelled, red] = [created[1], created[2], created[3]] as [Ticket, Ticket, Ticket];
    await tickets.changeStatus(agent, resolved.id, { to: 'in_progress' });
    await tickets.changeStatus(agent, resolved.id, { to: 'resolved', resolution: { text: 'Replaced the cable' } });
    await tickets.changeStatus(agent, cancelled.id, { to: 'cancelled', reason: 'duplicate' });
    // The SLA service's report, as its consumer would store it.
    await dataSource.query(`UPDATE tickets SET sla_traffic_light = 'red', sla_rank = 3, sla_overdue = true WHERE id = $1`, [red.id]);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const bytesOf = async (file: ExportFile): Promise<Buffer> => {
    const pieces: Buffer[] = [];
    for await (const piece of file.content) pieces.push(piece);
    return Buffer.concat(pieces);
  };
  const run = (caller: Caller, filter: TicketFilter, format: ExportFormat) => exports.export(caller, filter, format);

  it('exports a selection larger than one page as CSV: BOM, header, escaped cells, names, every ticket once', async () => {
    const file = run(agent, { tag: TAG, sort: 'created_desc' }, 'csv');
    expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: 'tickets-20261124-1200.csv' });
    const bytes = await bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual(['number', 'summary', 'status', 'priority', 'category', 'customer', 'assignee', 'queue', 'due (Europe/Berlin)', 'traffic light', 'created (Europe/Berlin)', 'updated (Europe/Berlin)']);
    expect(rows.map((r) => r[0])).toEqual([...created].reverse().map((t) => t.number));
    const tricky = rows.find((r) => r[0] === created[5]?.number);
    expect(tricky?.slice(1, 8)).toEqual([`'${TRICKY}`, 'new', 'normal', 'technical', 'Müller Maschinenbau GmbH (K-10023)', 'Anna Schmidt', 'Hotline 1st level']);
    expect(rows.find((r) => r[0] === created[3]?.number)?.[9]).toBe('red, overdue');
    expect(rows.find((r) => r[0] === created[39]?.number)?.[5]).toBe(CUSTOMER_B);
  });

  it('exports only the customer’s own tickets to a customer', async () => {
    const [, ...rows] = parseCsv((await bytesOf(run(customerA, { tag: TAG, sort: 'created_desc' }, 'csv'))).toString('utf8').slice(1));
    expect(rows).toHaveLength(36);
    expect(rows.every((r) => r[5] === 'Müller Maschinenbau GmbH (K-10023)')).toBe(true);
  });

  it('renders the open items as a PDF that parses: open tickets only, most urgent first, coloured lights, numbered pages', async () => {
    const file = run(agent, { tag: TAG, sort: 'created_desc' }, 'pdf');
    expect(file).toMatchObject({ contentType: 'application/pdf', fileName: 'open-items-20261124-1200.pdf' });
    const pdf = await readPdf(await bytesOf(file));
    expect(pdf.title).toBe('Open items');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    const [first = [], ...rest] = pdf.pages;
    expect(first.slice(0, 3)).toEqual(['Open items', 'Generated 2026-11-24 12:00 (Europe/Berlin)', 'Selection: status: new, open, in progress, pending · tag: export · most urgent first']);
    pdf.pages.forEach((lines, index) => expect(lines).toContain(`Page ${index + 1}`));
    expect(rest.at(-1)).toContain('End of list: 38 tickets.');
    const numbers = pdf.pages.flat().filter((line) => /^T-\d+$/.test(line));
    expect(numbers).toHaveLength(38);
    expect(numbers).not.toContain(created[1]?.number);
    expect(numbers).not.toContain(created[2]?.number);
    // Red before everything without a light, then critical first.
    expect(numbers[0]).toBe(created[3]?.number);
    expect(numbers[1]).toBe(created[7]?.number);
    expect(first).toContain('red, overdue');
    expect(pdf.contents[0]).toContain('0.7764705882352941 0.1568627450980392 0.1568627450980392 scn');
    expect(pdf.pages.flat()).toContain(TRICKY);
  });

  it('scopes the PDF to the customer as well', async () => {
    const pdf = await readPdf(await bytesOf(run(customerA, { tag: TAG, sort: 'urgency' }, 'pdf')));
    const numbers = pdf.pages.flat().filter((line) => /^T-\d+$/.test(line));
    expect(numbers).toHaveLength(34);
    expect(numbers).not.toContain(created[39]?.number);
  });
});

async function seedDirectory(dataSource: DataSource): Promise<void> {
  const audit = [new Date('2026-11-01T00:00:00.000Z'), JSON.stringify({ kind: 'system', id: null, displayName: 'test' })];
  await dataSource.query(
    `INSERT INTO customers (id, kind, customer_number, name, version, active, created_at, created_by, updated_at, updated_by)
     VALUES ($1, 'customer', 'K-10023', 'Müller Maschinenbau GmbH', 1, true, $2, $3, $2, $3)`,
    [CUSTOMER_A, ...audit],
  );
  await dataSource.query(
    `INSERT INTO agents (id, display_name, email, active, version, created_at, created_by, updated_at, updated_by)
     VALUES ($1, 'Anna Schmidt', 'anna@helpdesk.example', true, 1, $2, $3, $2, $3)`,
    [AGENT_ID, ...audit],
  );
  await dataSource.query(
    `INSERT INTO queues (id, key, name, strategy, time_zone, active, version, created_at, created_by, updated_at, updated_by)
     VALUES ($1, 'hotline', 'Hotline 1st level', 'manual', 'Europe/Berlin', true, 1, $2, $3, $2, $3)`,
    [QUEUE_ID, ...audit],
  );
}
