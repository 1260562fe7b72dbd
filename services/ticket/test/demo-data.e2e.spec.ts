import { DATA_SOURCE } from '@helpdesk/runtime';
import { createLogger } from '@helpdesk/telemetry';
import { expectEventually } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { DemoDataSeeder } from '../src/demo/demo-data.seeder';
import { demoServicesOf, loadDemoData } from '../src/demo/demo-data.after-start';
import { DEMO_AGENTS } from '../src/demo/demo-staff';
import { startTicketApp, type TicketApp } from './support/ticket-app';

interface ListedTicket {
  id: string;
  number: string;
  summary: string;
  status: string;
  channel: string;
  priority: string;
  assigneeId: string;
  resolution: string;
}

const TABLES = ['customers', 'contacts', 'contracts', 'assets', 'agents', 'queues', 'queue_schedule_slots', 'tickets', 'ticket_messages', 'work_log_entries', 'ticket_tasks'];

describe('demo data (DEMO_DATA=true)', () => {
  let app: TicketApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startTicketApp('demo-data', { DEMO_DATA: 'true' });
    dataSource = app.service.app.get<DataSource>(DATA_SOURCE);
  });
  afterAll(() => app.stop());

  const listTickets = async () =>
    (await app.tickets.call<{ tickets: ListedTicket[] }>('ListTickets', { sort: 'TICKET_SORT_CREATED_DESC', page: { pageSize: 100 } }, app.tokens.agent)).tickets;

  // Rows per table, plus the ids of the tickets: what a second load would add to.
  const contents = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
      counts[table] = row?.n ?? -1;
    }
    const ids = ((await dataSource.query('SELECT id FROM tickets ORDER BY id')) as { id: string }[]).map((row) => row.id);
    return { counts, ids };
  };

  it('creates the directory, staff and tickets at start, with their events and history', async () => {
    const tickets = await listTickets();
    expect(tickets).toHaveLength(8);
    expect(new Set(tickets.map((t) => t.status))).toEqual(
      new Set(['TICKET_STATUS_NEW', 'TICKET_STATUS_OPEN', 'TICKET_STATUS_IN_PROGRESS', 'TICKET_STATUS_PENDING', 'TICKET_STATUS_RESOLVED', 'TICKET_STATUS_CANCELLED']),
    );
    const resolved = tickets.find((t) => t.status === 'TICKET_STATUS_RESOLVED');
    expect(resolved?.resolution).toContain('Passwort zurückgesetzt');

    const outage = tickets.find((t) => t.summary.startsWith('Dateiserver SRV-FS01'));
    expect(outage).toMatchObject({ status: 'TICKET_STATUS_IN_PROGRESS', priority: 'TICKET_PRIORITY_CRITICAL', channel: 'TICKET_CHANNEL_EMAIL', assigneeId: DEMO_AGENTS.fatma.id });
    const history = await app.tickets.call<{ entries: { kind: string }[] }>('GetHistory', { id: outage?.id }, app.tokens.agent);
    expect(history.entries.map((e) => e.kind)).toEqual(['created', 'message_added', 'status_changed', 'message_added', 'work_recorded', 'task_added', 'message_added']);
    const tasks = await app.tickets.call<{ tasks: { appointment?: { mode: string; location: string } }[] }>('ListTasks', { ticketId: outage?.id }, app.tokens.agent);
    expect(tasks.tasks[0]?.appointment).toMatchObject({ mode: 'APPOINTMENT_MODE_ON_SITE', location: expect.stringContaining('Garching') as string });

    const events = (await dataSource.query('SELECT type, count(*)::int AS n FROM outbox GROUP BY type')) as { type: string; n: number }[];
    const byType = Object.fromEntries(events.map((e) => [e.type, e.n]));
    expect(byType).toMatchObject({
      'helpdesk.directory.customer.upserted.v1': 4,
      'helpdesk.directory.contact.upserted.v1': 6,
      'helpdesk.directory.contract.upserted.v1': 2,
      'helpdesk.directory.asset.upserted.v1': 2,
      'helpdesk.directory.agent.upserted.v1': 3,
      'helpdesk.ticket.created.v1': 8,
      'helpdesk.ticket.resolved.v1': 1,
      'helpdesk.ticket.worklog.recorded.v1': 2,
      'helpdesk.ticket.task.created.v1': 1,
    });
  });

  it('hands the unassigned technical tickets out round robin, as queue routing does for any new ticket', async () => {
    const routed = await expectEventually(async () => {
      const tickets = (await listTickets()).filter((t) => t.summary.startsWith('VPN-Zugang') || t.summary.startsWith('Drucker im 2. OG'));
      expect(tickets.every((t) => t.assigneeId !== '')).toBe(true);
      return tickets;
    });
    expect(new Set(routed.map((t) => t.assigneeId))).toEqual(new Set([DEMO_AGENTS.anna.id, DEMO_AGENTS.jonas.id]));
  });

  it('adds nothing when it runs again with data present', async () => {
    const before = await contents();
    expect(before.counts['tickets']).toBe(8);

    await loadDemoData(app.service.app, { DEMO_DATA: true, DATABASE_URL: app.db.url }, createLogger({ name: 'demo-data-test', level: 'silent' }));
    await expect(new DemoDataSeeder(demoServicesOf(app.service.app)).seed(new Date())).resolves.toBeUndefined();

    expect(await contents()).toEqual(before);
  });
});
