import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { Client } from 'pg';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

/** A mail addressed to several of the platform's mailboxes: one raw original, one ticket, the others listed. */
describe('a mail to several mailboxes', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  const ids: Record<string, string> = {};
  const raw = (messageId: string, to: string, cc: string) =>
    `From: Kunde <kunde@example.com>\r\nTo: ${to}\r\nCc: ${cc}\r\nSubject: Rechnung und Störung\r\nMessage-ID: <${messageId}>\r\nDate: Tue, 24 Nov 2026 08:00:00 +0100\r\n\r\nBitte an Support und Buchhaltung.\r\n`;
  const deliverRaw = (message: string, recipients: string[]) => app.deliver({ envelope: { from: 'kunde@example.com', to: recipients }, raw: message });
  const eventsOf = (messageId: string) => received.all.filter((m) => m.messageIdHeader === messageId);
  const storedRows = async (messageId: string) => {
    const client = new Client({ connectionString: app.db.url });
    await client.connect();
    try {
      return (await client.query<{ mailbox_id: string; other_mailbox_ids: string[] }>(`SELECT mailbox_id, other_mailbox_ids FROM raw_messages WHERE message_id_header = $1`, [messageId])).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-several');
    for (const name of ['support', 'billing', 'sales']) ids[name] = await app.createMailbox({ name, address: `${name}@helpdesk.test`, defaultCategory: name });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
  });

  it('routes to the first mailbox of To, then Cc, then the envelope (Bcc), and lists the others', async () => {
    const reply = await deliverRaw(raw('multi-1@example.com', 'Buchhaltung <billing@helpdesk.test>, someone@example.com', 'support@helpdesk.test'), [
      'support@helpdesk.test', 'sales@helpdesk.test', 'billing@helpdesk.test',
    ]);
    expect(reply).toMatch(/^250 2\.0\.0 stored as /);
    const mail = await received.find((m) => m.messageIdHeader === 'multi-1@example.com');
    expect(mail).toMatchObject({ mailboxId: ids['billing'], defaultCategory: 'billing' });
    expect(mail.alsoAddressed).toEqual([
      { mailboxId: ids['support'], address: 'support@helpdesk.test' },
      { mailboxId: ids['sales'], address: 'sales@helpdesk.test' },
    ]);
    expect(await storedRows('multi-1@example.com')).toEqual([{ mailbox_id: ids['billing'], other_mailbox_ids: [ids['support'], ids['sales']] }]);
  });

  it('makes a redelivery and every split copy (one transaction per recipient) the same one mail', async () => {
    const message = raw('multi-2@example.com', 'support@helpdesk.test', 'billing@helpdesk.test');
    const first = await deliverRaw(message, ['billing@helpdesk.test']);
    const copies = [await deliverRaw(message, ['support@helpdesk.test']), await deliverRaw(message, ['billing@helpdesk.test', 'support@helpdesk.test'])];
    const mailId = /stored as (\S+)/.exec(first)?.[1];
    for (const copy of copies) expect(copy).toBe(`250 2.0.0 stored as ${mailId} (duplicate)`);
    // A later mail's event proves the copies' would have arrived before it (the outbox publishes in commit order).
    await deliverRaw(raw('multi-3@example.com', 'sales@helpdesk.test', 'x@example.com'), ['sales@helpdesk.test']);
    await received.find((m) => m.messageIdHeader === 'multi-3@example.com');
    const events = eventsOf('multi-2@example.com');
    expect(events).toHaveLength(1);
    // Routed by the headers, not by which copy came first: the To mailbox, the Cc one listed.
    expect(events[0]).toMatchObject({ mailId, mailboxId: ids['support'], alsoAddressed: [{ mailboxId: ids['billing'], address: 'billing@helpdesk.test' }] });
    expect(await storedRows('multi-2@example.com')).toHaveLength(1);
  });

  it('lists no other mailbox for a mail to one, also when it is named twice', async () => {
    await deliverRaw(raw('single@example.com', 'sales@helpdesk.test', 'SALES@helpdesk.test'), ['sales@helpdesk.test', 'Sales@Helpdesk.test']);
    const mail = await received.find((m) => m.messageIdHeader === 'single@example.com');
    expect(mail).toMatchObject({ mailboxId: ids['sales'], alsoAddressed: [] });
  });
});
