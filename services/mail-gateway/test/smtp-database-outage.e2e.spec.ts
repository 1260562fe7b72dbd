import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

/**
 * The SMTP 250 promises that the mail is stored. With the database cut away (a TCP proxy between
 * gateway and PostgreSQL), the listener must answer 4xx — the MTA keeps the mail and retries —
 * and never 250 with nothing stored, nor a 5xx that would bounce the mail for good.
 */
describe('SMTP listener while PostgreSQL is unreachable', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  let mailboxId: string;
  const sql = <T extends object>(text: string, values: unknown[] = []) => app.db.query<T>(text, values);

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-db-outage', { MAIL_INBOUND_RECOVERY_INTERVAL: '300ms' }, { databaseProxy: true });
    mailboxId = await app.createMailbox({ name: 'Support', address: 'support@helpdesk.test' });
    await app.createMailbox({ name: 'Sales', address: 'sales@helpdesk.test' });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.databaseProxy?.restore();
    await app.stop();
  });

  it('answers 451 and stores nothing while the database is down, and takes the retried mail once afterwards', async () => {
    // The listener has looked up support@ (its mailbox is cached), sales@ not yet.
    expect(await app.deliver({ from: 'warm@example.com', to: 'support@helpdesk.test', subject: 'warm', text: 'x', messageId: '<outage-warm@example.com>' })).toMatch(/^250 /);
    await app.databaseProxy?.cut();

    const mail = { from: 'kundin@example.com', to: 'support@helpdesk.test', subject: 'Während des Ausfalls', text: 'Kommt das an?', messageId: '<outage-1@example.com>' };
    // Known recipient: the raw INSERT fails, so no 250.
    await expect(app.deliver(mail)).rejects.toMatchObject({ responseCode: 451, response: expect.stringContaining('4.3.0') });
    // Recipient whose mailbox must be looked up: temporary too (smtp-server would make it a 550).
    await expect(app.deliver({ ...mail, to: 'sales@helpdesk.test', messageId: '<outage-2@example.com>' })).rejects.toMatchObject({ responseCode: 451, response: expect.stringContaining('4.3.0') });

    await app.databaseProxy?.restore();
    expect(await sql(`SELECT id FROM raw_messages WHERE message_id_header LIKE 'outage-%' AND message_id_header <> 'outage-warm@example.com'`)).toEqual([]);

    // The MTA retries until the gateway answers 250; then the mail is stored and published once.
    const reply = await expectEventually(() => app.deliver(mail), { timeoutMs: 30_000, intervalMs: 200 });
    const event = await received.find((m) => m.messageIdHeader === 'outage-1@example.com');
    expect(reply).toBe(`250 2.0.0 stored as ${event.mailId}`);
    expect(event).toMatchObject({ mailboxId, subject: 'Während des Ausfalls', from: { address: 'kundin@example.com' } });
    expect(await sql(`SELECT processed_at IS NOT NULL AS done FROM raw_messages WHERE message_id_header = 'outage-1@example.com'`)).toEqual([{ done: true }]);
    await app.deliver({ from: 'later@example.com', to: 'support@helpdesk.test', subject: 'later', text: 'x', messageId: '<outage-later@example.com>' });
    await received.find((m) => m.messageIdHeader === 'outage-later@example.com');
    expect(received.all.filter((m) => m.messageIdHeader === 'outage-1@example.com')).toHaveLength(1);
  });
});
