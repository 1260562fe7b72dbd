import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { Client } from 'pg';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

/**
 * The SMTP 250 promises that the mail is stored, not that it is processed: it is sent once the raw
 * message is stored, while few stored mails await processing (MAIL_INBOUND_BACKLOG, here 2). When
 * processing falls behind and that backlog is full, the 250 waits for its mail's processing again,
 * so that memory cannot grow without bound (back-pressure on the MTA).
 */
describe('SMTP 250 before processing, with a bounded backlog', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  let holder: Client;
  const to = 'support@helpdesk.test';
  const sql = <T extends object>(text: string, values: unknown[] = []) => app.db.query<T>(text, values);
  const processed = async (messageId: string) => (await sql<{ done: boolean }>(`SELECT processed_at IS NOT NULL AS done FROM raw_messages WHERE message_id_header = $1`, [messageId]))[0]?.done;

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-smtp-backlog', { MAIL_INBOUND_BACKLOG: '2', MAIL_INBOUND_RECOVERY_INTERVAL: '1h' });
    await app.createMailbox({ name: 'Support', address: to });
    received = collectEvents(app.nats, mailReceivedV1.type);
    holder = new Client({ connectionString: app.db.url });
    await holder.connect();
  });
  afterAll(async () => {
    received.stop();
    await holder.end();
    await app.stop();
  });

  it('answers stored mails before their processing, and waits for the processing once the backlog is full', async () => {
    // Another transaction holds the auto-acknowledgement lock of one sender, so the processing of
    // that sender's mails cannot finish: they stay in the backlog.
    const blocked = 'blocker@example.com';
    await holder.query(`SELECT pg_advisory_lock(hashtext('mail-auto-ack:' || $1::text))`, [blocked]);
    const blockers = [1, 2].map((i) => `backlog-blocker-${i}@example.com`);
    // Answered 250 although their processing is stuck: the raw mail is stored, that is what 250 promises.
    const blockerReplies = await Promise.all(blockers.map((id, i) => app.deliver({ from: blocked, to, subject: `Blocker ${i + 1}`, text: 'x', messageId: `<${id}>` })));
    for (const reply of blockerReplies) expect(reply).toMatch(/^250 2\.0\.0 stored as [0-9a-f-]{36}$/);
    for (const id of blockers) expect(await processed(id)).toBe(false);

    // The backlog (2) is full: the next mail is stored, but its 250 waits for its processing.
    let answered = false;
    const waiting = app.deliver({ from: 'kundin@example.com', to, subject: 'Warteschlange', text: 'x', messageId: '<backlog-third@example.com>' }).then((reply) => {
      answered = true;
      return reply;
    });
    await expectEventually(async () => expect(await processed('backlog-third@example.com')).toBe(false));
    // Its processing queues behind the two stuck batches (both processing slots), so no reply can have come.
    expect(answered).toBe(false);

    await holder.query(`SELECT pg_advisory_unlock(hashtext('mail-auto-ack:' || $1::text))`, [blocked]);
    const reply = await waiting;
    // When the 250 came, the mail was processed (its event in the outbox) — it waited for that.
    expect(await processed('backlog-third@example.com')).toBe(true);
    const event = await received.find((m) => m.messageIdHeader === 'backlog-third@example.com');
    expect(reply).toBe(`250 2.0.0 stored as ${event.mailId}`);
    for (const [i, id] of blockers.entries()) {
      const blockerEvent = await received.find((m) => m.messageIdHeader === id);
      expect(blockerReplies[i]).toBe(`250 2.0.0 stored as ${blockerEvent.mailId}`);
      expect(await processed(id)).toBe(true);
    }

    // The backlog emptied: a mail is answered at once again, and every mail was published once.
    expect(await app.deliver({ from: 'later@example.com', to, subject: 'later', text: 'x', messageId: '<backlog-later@example.com>' })).toMatch(/^250 /);
    await received.find((m) => m.messageIdHeader === 'backlog-later@example.com');
    for (const id of [...blockers, 'backlog-third@example.com', 'backlog-later@example.com']) expect(received.all.filter((m) => m.messageIdHeader === id)).toHaveLength(1);
  });
});
