import { createHash, randomUUID } from 'node:crypto';
import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

/** A crash between the 250 (raw mail stored) and its processing loses nothing and doubles nothing. */
describe('recovery of stored but unprocessed inbound mail', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  let mailboxId: string;
  const sql = <T extends object>(text: string, values: unknown[] = []) => app.db.query<T>(text, values);

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-recovery', { MAIL_INBOUND_RECOVERY_INTERVAL: '300ms' });
    mailboxId = await app.createMailbox({ name: 'Support', address: 'support@helpdesk.test' });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
  });

  it('processes a mail stored before a crash exactly once, on the next start', async () => {
    await app.lifecycle.recovery.stop();
    const raw = Buffer.from('From: Kundin <kundin@example.com>\r\nTo: support@helpdesk.test\r\nSubject: Nach dem Absturz\r\nMessage-ID: <crash-1@example.com>\r\n\r\nIst das angekommen?\r\n');
    const mailId = randomUUID();
    // The row exactly as the listener stores it before answering 250; the process "died" before processing it.
    await sql(
      `INSERT INTO raw_messages (id, mailbox_id, message_id_header, sha256, size_bytes, raw, source, envelope_from, addresses, received_at)
       VALUES ($1, $2, 'crash-1@example.com', $3, $4, $5, 'smtp', 'kundin@example.com', ARRAY['kundin@example.com'], now() - interval '1 minute')`,
      [mailId, mailboxId, createHash('sha256').update(raw).digest('hex'), raw.length, raw],
    );
    app = await app.restart({ MAIL_INBOUND_RECOVERY_INTERVAL: '300ms' });
    const mail = await received.find((m) => m.mailId === mailId);
    expect(mail).toMatchObject({ mailboxId, subject: 'Nach dem Absturz', from: { address: 'kundin@example.com' }, threading: { result: 'new' }, classification: { autoAcknowledge: true } });
    expect(await sql(`SELECT processed_at IS NOT NULL AS done FROM raw_messages WHERE id = $1`, [mailId])).toEqual([{ done: true }]);

    // The same mail redelivered by the MTA (its 250 was lost in the crash) is a duplicate, and a restart finds nothing to do.
    const reply = await app.deliver({ envelope: { from: 'kundin@example.com', to: ['support@helpdesk.test'] }, raw });
    expect(reply).toBe(`250 2.0.0 stored as ${mailId} (duplicate)`);
    app = await app.restart({ MAIL_INBOUND_RECOVERY_INTERVAL: '300ms' });
    await app.deliver({ from: 'later@example.com', to: 'support@helpdesk.test', subject: 'later', text: 'x', messageId: '<crash-later@example.com>' });
    await received.find((m) => m.messageIdHeader === 'crash-later@example.com');
    expect(received.all.filter((m) => m.mailId === mailId)).toHaveLength(1);
  });
});
