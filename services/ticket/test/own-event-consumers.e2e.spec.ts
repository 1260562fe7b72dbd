import { expectEventually } from '@helpdesk/testing';
import { Client } from 'pg';
import { startTicketApp, type TicketApp } from './support/ticket-app';

// The service consumes its own ticket events for queue routing and the assets' life records.
// A new ticket that no queue takes and that names no asset must cost those consumers no
// transaction (creating tickets is the hottest write path): they acknowledge it as `skipped`.
describe('own ticket-event consumers skip events that cannot concern them', () => {
  let app: TicketApp;

  beforeAll(async () => {
    app = await startTicketApp('own-event-consumers');
  });
  afterAll(() => app.stop());

  const handled = async (durableSuffix: string, outcome: string): Promise<number> => {
    const text = await (await fetch(`http://127.0.0.1:${app.service.ops.port}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('helpdesk_consumer_handled_total{') && l.includes(`${durableSuffix}"`) && l.includes(`outcome="${outcome}"`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  const inboxRows = async (): Promise<number> => {
    const client = new Client({ connectionString: app.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM inbox WHERE consumer LIKE '%ticket-queue-routing%' OR consumer LIKE '%ticket-asset-life-record%'`,
      );
      return Number(rows[0]?.n);
    } finally {
      await client.end();
    }
  };

  it('acknowledges a plain new ticket without an inbox row in the routing and life-record consumers', async () => {
    const routingBefore = await handled('ticket-queue-routing', 'skipped');
    const lifeRecordBefore = await handled('ticket-asset-life-record-created', 'skipped');
    await app.tickets.call('CreateTicket', { summary: 'VPN drops every hour', channel: 'TICKET_CHANNEL_PHONE', category: 'technical' }, app.tokens.agent);

    await expectEventually(async () => {
      expect(await handled('ticket-queue-routing', 'skipped')).toBe(routingBefore + 1);
      expect(await handled('ticket-asset-life-record-created', 'skipped')).toBe(lifeRecordBefore + 1);
    }, { timeoutMs: 20_000 });
    expect(await inboxRows()).toBe(0);
  });
});
