import { createHash } from 'node:crypto';
import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { uuidv7 } from '@helpdesk/messaging';
import { expectEventually } from '@helpdesk/testing';
import { Client } from 'pg';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';
import { refuseAttachmentNamed } from './support/refuse-attachment';

const BAD_FILE_NAME = 'unverarbeitbar.pdf';

/**
 * A processing batch with one mail that cannot be processed: the batch's transaction fails, the
 * processor retries mail by mail, so the good mails of that batch are processed and published
 * once, and the bad one stays stored (answered 250) for the recovery pass.
 */
describe('inbound batch with a mail that cannot be processed', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  let mailboxId: string;
  let holder: Client;
  const sql = <T extends object>(text: string, values: unknown[] = []) => app.db.query<T>(text, values);
  const to = 'support@helpdesk.test';

  beforeAll(async () => {
    // Never given up here (unprocessable-mail.e2e.spec.ts tests giving up).
    app = await startMailGatewayApp('mail-batch-fallback', { MAIL_INBOUND_RECOVERY_INTERVAL: '300ms', MAIL_PROCESSING_MAX_ATTEMPTS: '1000' });
    mailboxId = await app.createMailbox({ name: 'Support', address: to });
    await refuseAttachmentNamed(app.db.url, BAD_FILE_NAME);
    received = collectEvents(app.nats, mailReceivedV1.type);
    holder = new Client({ connectionString: app.db.url });
    await holder.connect();
  });
  afterAll(async () => {
    received.stop();
    await holder.end();
    await app.stop();
  });

  /**
   * A real mail whose attachment the database refuses: the test's trigger on `mail_attachments`
   * raises for this file name (as PostgreSQL refused NUL in a decoded file name before the parser
   * replaced it), so the combined write of any batch containing it fails.
   */
  const badMail = (messageId: string) =>
    [
      'From: Kaputt <kaputt@example.com>',
      `To: ${to}`,
      'Subject: Rechnung anbei',
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="grenze"',
      '',
      '--grenze',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Die Rechnung ist im Anhang.',
      '--grenze',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename="${BAD_FILE_NAME}"`,
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQKJcfsj6IK',
      '--grenze--',
      '',
    ].join('\r\n');

  it('processes and publishes the good mails of the failing batch once and leaves the bad one stored for recovery', async () => {
    // Another transaction holds the auto-acknowledgement lock of one sender (as a replica
    // processing that sender's mail would): the two mails from that sender occupy both processing
    // slots, so everything delivered meanwhile queues up and goes into ONE batch afterwards.
    const blocked = 'blocker@example.com';
    await holder.query(`SELECT pg_advisory_lock(hashtext('mail-auto-ack:' || $1::text))`, [blocked]);
    const blockerReplies = [1, 2].map((i) => app.deliver({ from: blocked, to, subject: `Blocker ${i}`, text: 'x', messageId: `<fallback-blocker-${i}@example.com>` }));
    await expectEventually(async () => {
      const [waiting] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`);
      expect(waiting?.n).toBe(2);
    });

    const good = [1, 2, 3, 4, 5].map((i) => ({ from: `kunde${i}@example.com`, messageId: `fallback-good-${i}@example.com` }));
    const bad = Buffer.from(badMail('fallback-bad@example.com'));
    const replies = Promise.all([
      app.deliver({ envelope: { from: 'kaputt@example.com', to: [to] }, raw: bad }),
      ...good.map((g, i) => app.deliver({ from: g.from, to, subject: `Anfrage ${i + 1}`, text: 'Bitte helfen', messageId: `<${g.messageId}>` })),
    ]);
    // All six are stored (durable, as before a 250) and waiting for a processing slot.
    await expectEventually(async () => {
      const [stored] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM raw_messages WHERE message_id_header LIKE 'fallback-%' AND processed_at IS NULL`);
      expect(stored?.n).toBe(8);
    });
    await holder.query(`SELECT pg_advisory_unlock(hashtext('mail-auto-ack:' || $1::text))`, [blocked]);

    const [badReply, ...goodReplies] = await replies;
    await Promise.all(blockerReplies);
    // The bad mail is stored, so it is answered 250 like the others (README: a processing failure is not a 4xx).
    for (const reply of [badReply, ...goodReplies]) expect(reply).toMatch(/^250 2\.0\.0 stored as [0-9a-f-]{36}$/);

    for (const [i, g] of good.entries()) {
      const event = await received.find((m) => m.messageIdHeader === g.messageId);
      expect(event).toMatchObject({ mailboxId, subject: `Anfrage ${i + 1}`, from: { address: g.from }, threading: { result: 'new' }, classification: { autoAcknowledge: true } });
      expect(goodReplies[i]).toBe(`250 2.0.0 stored as ${event.mailId}`);
    }
    const rows = await sql<{ message_id_header: string; processed_at: Date | null; raw: Buffer; id: string }>(
      `SELECT message_id_header, processed_at, raw, id FROM raw_messages WHERE message_id_header LIKE 'fallback-good-%' OR message_id_header = 'fallback-bad@example.com'`,
    );
    const goodRows = rows.filter((r) => r.message_id_header.startsWith('fallback-good-'));
    expect(goodRows).toHaveLength(5);
    // Processed one by one (the fallback), each in its own transaction: five different processing times.
    // Had they been processed as one batch, they would share one.
    expect(new Set(goodRows.map((r) => r.processed_at?.getTime())).size).toBe(5);

    // The bad mail: stored byte for byte, not processed, nothing of it written, no event, no allowance used.
    const badRow = rows.find((r) => r.message_id_header === 'fallback-bad@example.com');
    expect(badRow).toMatchObject({ processed_at: null });
    expect(badReply).toBe(`250 2.0.0 stored as ${badRow?.id}`);
    expect(createHash('sha256').update(badRow?.raw ?? Buffer.alloc(0)).digest('hex')).toBe(createHash('sha256').update(bad).digest('hex'));
    expect(await sql(`SELECT 1 FROM mail_attachments WHERE mail_id = $1`, [badRow?.id])).toEqual([]);
    expect(await sql(`SELECT 1 FROM auto_ack_grants WHERE address = 'kaputt@example.com'`)).toEqual([]);

    // The recovery pass retries it (and fails again: the mail stays stored and unprocessed) and
    // processes nothing twice.
    expect(await app.lifecycle.recovery.recover(new Date())).toBe(0);
    expect(await sql(`SELECT processed_at FROM raw_messages WHERE id = $1`, [badRow?.id])).toEqual([{ processed_at: null }]);
    await app.deliver({ from: 'later@example.com', to, subject: 'later', text: 'x', messageId: '<fallback-later@example.com>' });
    await received.find((m) => m.messageIdHeader === 'fallback-later@example.com');
    for (const g of good) expect(received.all.filter((m) => m.messageIdHeader === g.messageId)).toHaveLength(1);
    expect(received.all.filter((m) => m.messageIdHeader?.startsWith('fallback-blocker-'))).toHaveLength(2);
    expect(received.all.filter((m) => m.mailId === badRow?.id)).toEqual([]);
  });

  it('does not let a full page of mails that keep failing hide the stored mails behind them from recovery', async () => {
    // 64 stored mails that cannot be processed (one recovery page), then a good one, all left
    // unprocessed by a crash; the next start's recovery pass must reach the good one.
    const sha = (raw: Buffer) => createHash('sha256').update(raw).digest('hex');
    const insert = `INSERT INTO raw_messages (id, mailbox_id, message_id_header, sha256, size_bytes, raw, source, envelope_from, addresses, received_at)
                    VALUES ($1, $2, $3, $4, $5, $6, 'smtp', $7, ARRAY[$7], now() - $8::interval)`;
    const client = new Client({ connectionString: app.db.url });
    await client.connect();
    try {
      for (let i = 0; i < 64; i++) {
        const raw = Buffer.from(badMail(`recovery-bad-${i}@example.com`));
        await client.query(insert, [uuidv7(), mailboxId, `recovery-bad-${i}@example.com`, sha(raw), raw.length, raw, 'kaputt@example.com', '2 minutes']);
      }
      const raw = Buffer.from(`From: spaet@example.com\r\nTo: ${to}\r\nSubject: Hinter den kaputten\r\nMessage-ID: <recovery-good@example.com>\r\n\r\nHallo\r\n`);
      await client.query(insert, [uuidv7(), mailboxId, 'recovery-good@example.com', sha(raw), raw.length, raw, 'spaet@example.com', '1 minute']);
    } finally {
      await client.end();
    }
    // Only the pass at start runs in this test (the next would come after an hour).
    app = await app.restart({ MAIL_INBOUND_RECOVERY_INTERVAL: '1h' });
    const event = await received.find((m) => m.messageIdHeader === 'recovery-good@example.com', 20_000);
    expect(event).toMatchObject({ mailboxId, subject: 'Hinter den kaputten', from: { address: 'spaet@example.com' } });
    const [left] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM raw_messages WHERE processed_at IS NULL AND message_id_header LIKE 'recovery-bad-%'`);
    expect(left?.n).toBe(64);
  });
});
