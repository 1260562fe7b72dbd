import { createHash } from 'node:crypto';
import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { metricsRegistry } from '@helpdesk/telemetry';
import { expectEventually } from '@helpdesk/testing';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';
import { refuseAttachmentNamed } from './support/refuse-attachment';

/**
 * Mail that PostgreSQL would refuse or that cannot be processed still becomes a ticket (README,
 * Limits): NUL and unpaired surrogates are replaced in what is parsed (the raw stays byte for
 * byte) with a note, and a mail whose processing fails MAIL_PROCESSING_MAX_ATTEMPTS times is
 * published minimally, once, with a note of why.
 */
describe('mail that cannot be stored or processed as it is', () => {
  const to = 'support@helpdesk.test';
  const refused = 'immer-kaputt.pdf';
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  let mailboxId: string;
  const sql = <T extends object>(text: string, values: unknown[] = []) => app.db.query<T>(text, values);
  const sha256 = (raw: Buffer | string) => createHash('sha256').update(raw).digest('hex');
  const mailWithAttachment = (messageId: string, subject: string, disposition: string, body: string) =>
    [
      'From: Kaputt <kaputt@example.com>',
      `To: ${to}`,
      `Subject: ${subject}`,
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="grenze"',
      '',
      '--grenze',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      body,
      '--grenze',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; ${disposition}`,
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQKJcfsj6IK',
      '--grenze--',
      '',
    ].join('\r\n');

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-unprocessable', { MAIL_INBOUND_RECOVERY_INTERVAL: '300ms', MAIL_PROCESSING_MAX_ATTEMPTS: '3' });
    mailboxId = await app.createMailbox({ name: 'Support', address: to });
    await refuseAttachmentNamed(app.db.url, refused);
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
  });

  it('publishes a mail with NUL in file name, subject and body with the characters replaced and a note', async () => {
    // RFC 2231 %00 in the file name, =00 in an encoded-word subject and in the quoted-printable body.
    const raw = mailWithAttachment('nul@example.com', '=?utf-8?Q?Rech=00nung?=', "filename*=utf-8''Rech%00nung.pdf", 'Die Rechnung=00 ist im Anhang.');
    const reply = await app.deliver({ envelope: { from: 'kaputt@example.com', to: [to] }, raw });
    const event = await received.find((m) => m.messageIdHeader === 'nul@example.com');
    expect(reply).toBe(`250 2.0.0 stored as ${event.mailId}`);
    expect(event).toMatchObject({ mailboxId, subject: 'Rech\ufffdnung', from: { address: 'kaputt@example.com' }, threading: { result: 'new' }, classification: { autoAcknowledge: true } });
    expect(event.text).toContain('Die Rechnung\ufffd ist im Anhang.');
    expect(event.attachments).toEqual([expect.objectContaining({ fileName: 'Rech\ufffdnung.pdf', contentType: 'application/pdf' })]);
    expect(event.parseProblems).toEqual([expect.stringMatching(/replaced by U\+FFFD in: subject, text, attachment file name; the raw original keeps them/)]);
    // Stored and processed; the raw original byte for byte, NUL and all.
    const [row] = await sql<{ raw: Buffer; processed_at: Date | null; given_up_at: Date | null }>(`SELECT raw, processed_at, given_up_at FROM raw_messages WHERE id = $1`, [event.mailId]);
    expect(row).toMatchObject({ processed_at: expect.any(Date), given_up_at: null });
    expect(sha256(row?.raw ?? '')).toBe(sha256(raw));
    expect(await sql(`SELECT file_name FROM mail_attachments WHERE mail_id = $1`, [event.mailId])).toEqual([{ file_name: 'Rech\ufffdnung.pdf' }]);
  });

  it('gives a mail that fails MAIL_PROCESSING_MAX_ATTEMPTS times up and publishes it minimally, once', async () => {
    const raw = mailWithAttachment('failing@example.com', 'Immer kaputt', `filename="${refused}"`, 'Der Anhang scheitert.');
    const reply = await app.deliver({ envelope: { from: 'kaputt@example.com', to: [to] }, raw });
    // The first attempt fails at once; the recovery passes (every 300 ms) fail twice more, then give up.
    const event = await received.find((m) => m.messageIdHeader === 'failing@example.com');
    expect(reply).toBe(`250 2.0.0 stored as ${event.mailId}`);
    expect(event).toMatchObject({
      mailboxId, subject: 'Immer kaputt', from: { address: 'kaputt@example.com', name: 'Kaputt' }, to: [{ address: to }], text: '', html: null, attachments: [],
      threading: { result: 'new', ticketId: null }, classification: { kind: 'regular', autoAcknowledge: false }, rawSha256: sha256(raw), rawSizeBytes: Buffer.byteLength(raw),
    });
    expect(event.parseProblems[0]).toMatch(/^could not be processed: attachment immer-kaputt\.pdf refused by the test \(3 attempts\); only its headers are shown, the raw original is stored$/);
    const [row] = await sql<{ processing_failures: number; processing_error: string; processed_at: Date | null; given_up_at: Date | null; raw: Buffer }>(
      `SELECT processing_failures, processing_error, processed_at, given_up_at, raw FROM raw_messages WHERE id = $1`,
      [event.mailId],
    );
    expect(row).toMatchObject({ processing_failures: 3, processing_error: expect.stringContaining('refused by the test'), processed_at: expect.any(Date), given_up_at: expect.any(Date) });
    expect(sha256(row?.raw ?? '')).toBe(sha256(raw));
    expect(await sql(`SELECT 1 FROM mail_attachments WHERE mail_id = $1`, [event.mailId])).toEqual([]);
    expect(await sql(`SELECT 1 FROM auto_ack_grants WHERE address = 'kaputt@example.com' AND granted_at > $1`, [row?.given_up_at])).toEqual([]);

    // Once: a further recovery pass finds nothing, and a mail delivered after it is published after it.
    expect(await app.lifecycle.recovery.recover(new Date())).toBe(0);
    await app.deliver({ from: 'later@example.com', to, subject: 'danach', text: 'x', messageId: '<after-given-up@example.com>' });
    await received.find((m) => m.messageIdHeader === 'after-given-up@example.com');
    expect(received.all.filter((m) => m.mailId === event.mailId)).toHaveLength(1);
    await expectEventually(async () => {
      const metrics = await metricsRegistry.getSingleMetricAsString('helpdesk_mail_inbound_given_up_total');
      expect(metrics).toMatch(/^helpdesk_mail_inbound_given_up_total 1$/m);
    });
    expect(await metricsRegistry.getSingleMetricAsString('helpdesk_mail_inbound_processing_failures_total')).toMatch(/^helpdesk_mail_inbound_processing_failures_total 3$/m);
  });
});
