import { randomBytes } from 'node:crypto';
import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';
import { htmlOnly, latin1QuotedPrintable, malformedMime, outOfOffice, withForwardedMessage } from './support/raw-mails';
import { outlookWinmail } from './support/tnef-builder';

const TO = 'support@helpdesk.test';

describe('inbound MIME variety, limits and loop protection', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  const byMessageId = (id: string) => received.find((m) => m.messageIdHeader === id);
  const deliverRaw = (raw: string | Buffer, from = 'sender@example.com') => app.deliver({ envelope: { from, to: [TO] }, raw });

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-mime', { MAIL_MAX_MESSAGE_BYTES: String(16 * 1024 * 1024), MAIL_MAX_ATTACHMENT_BYTES: String(12 * 1024 * 1024), MAIL_AUTO_ACK_PER_HOUR: '2' });
    await app.createMailbox({ name: 'Support', address: TO });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
  });

  it('decodes an ISO-8859-1 encoded-word subject and a quoted-printable body', async () => {
    await deliverRaw(latin1QuotedPrintable('latin1@example.de'));
    const mail = await byMessageId('latin1@example.de');
    expect(mail.subject).toBe('Drücker im Büro stört');
    expect(mail.from).toEqual({ address: 'juergen@example.de', name: 'Jürgen Müller' });
    expect(mail.text).toContain('Grüße, der Drucker im Büro druckt seit gestern nur noch weiße Seiten. Bitte um Rückruf.');
  });

  it('renders an HTML-only mail as text and sanitizes its HTML', async () => {
    await deliverRaw(htmlOnly('html@example.com'));
    const mail = await byMessageId('html@example.com');
    expect(mail.text).toMatch(/Hello team,[\s\S]*portal[\s\S]*is down/i);
    expect(mail.html).toContain('<b>team</b>');
    expect(mail.html).not.toMatch(/script|onclick|tracker\.example/);
  });

  it('keeps a forwarded message/rfc822 as an attachment and splits off quoted history', async () => {
    await deliverRaw(withForwardedMessage('fwd@example.com'));
    const mail = await byMessageId('fwd@example.com');
    expect(mail.text.trim()).toBe('See the customer mail below, please handle.');
    expect(mail.quotedText).toContain('> it is broken');
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'message/rfc822', fileName: 'complaint.eml' })]);
  });

  it('unpacks winmail.dat (TNEF) into its files, served by reference, and takes its body when the MIME body is empty', async () => {
    const winmail = outlookWinmail();
    await app.deliver({
      from: 'outlook@example.com', to: TO, subject: 'Bericht', text: 'Anbei der Bericht.', messageId: '<tnef-1@example.com>',
      attachments: [{ filename: 'winmail.dat', content: winmail, contentType: 'application/ms-tnef' }],
    });
    const mail = await byMessageId('tnef-1@example.com');
    expect(mail.text.trim()).toBe('Anbei der Bericht.');
    expect(mail.attachments.map(({ fileName, contentType, inline }) => ({ fileName, contentType, inline }))).toEqual([
      { fileName: 'Quartalsbericht Müller.pdf', contentType: 'application/pdf', inline: false },
      { fileName: 'drucker-log.txt', contentType: 'text/plain', inline: false },
    ]);
    expect(mail.parseProblems).toEqual([]);
    const pdf = await app.mail.call<{ content: Buffer }>('GetAttachment', { mailId: mail.mailId, partId: mail.attachments[0]?.partId }, app.tokens.agent);
    expect(pdf.content.toString('latin1')).toBe('%PDF-1.4\n% fixture\n%%EOF\n');

    // Exchange's "TNEF only" form: the whole body is winmail.dat.
    const tnefOnly = [
      'From: outlook@example.com', `To: ${TO}`, 'Subject: Nur TNEF', 'Message-ID: <tnef-2@example.com>', 'MIME-Version: 1.0',
      'Content-Type: application/ms-tnef; name="winmail.dat"', 'Content-Disposition: attachment; filename="winmail.dat"', 'Content-Transfer-Encoding: base64', '',
      ...(winmail.toString('base64').match(/.{1,76}/g) ?? []), '',
    ].join('\r\n');
    await deliverRaw(tnefOnly);
    const only = await byMessageId('tnef-2@example.com');
    expect(only.text.trim()).toBe('Grüße aus dem Büro, der Bericht hängt an.');
    expect(only.html).toBe('<p>Grüße aus dem <b>Büro</b></p>');
    expect(only.attachments.map((a) => a.fileName)).toEqual(['Quartalsbericht Müller.pdf', 'drucker-log.txt']);
  });

  it('keeps a winmail.dat it cannot read and names the problem', async () => {
    const cut = outlookWinmail().subarray(0, 200);
    await app.deliver({ from: 'outlook@example.com', to: TO, subject: 'kaputt', text: 'x', messageId: '<tnef-3@example.com>', attachments: [{ filename: 'winmail.dat', content: cut, contentType: 'application/ms-tnef' }] });
    const mail = await byMessageId('tnef-3@example.com');
    expect(mail.attachments).toEqual([expect.objectContaining({ fileName: 'winmail.dat', contentType: 'application/ms-tnef', sizeBytes: 200 })]);
    expect(mail.parseProblems).toEqual([expect.stringMatching(/^"winmail\.dat" could not be unpacked \(TNEF ends inside .*\); it is kept as an attachment$/)]);
  });

  it('keeps an inline image as an inline part referenced from the sanitized HTML by Content-ID', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await app.deliver({
      from: 'designer@example.com',
      to: TO,
      subject: 'Screenshot',
      html: '<p>See <img src="cid:shot-1@example.com" alt="screenshot"></p>',
      attachments: [{ filename: 'shot.png', content: png, cid: 'shot-1@example.com', contentType: 'image/png' }],
      messageId: '<inline@example.com>',
    });
    const mail = await byMessageId('inline@example.com');
    expect(mail.attachments).toEqual([expect.objectContaining({ fileName: 'shot.png', contentType: 'image/png', inline: true, contentId: 'shot-1@example.com', sizeBytes: png.length })]);
    expect(mail.html).toContain('src="cid:shot-1@example.com"');
  });

  it('takes a 10 MB attachment and refuses a larger one with 552 naming the limit', async () => {
    const big = randomBytes(10 * 1024 * 1024);
    const reply = await app.deliver({ from: 'big@example.com', to: TO, subject: 'big', text: 'see attachment', attachments: [{ filename: 'dump.bin', content: big }], messageId: '<big@example.com>' });
    expect(reply).toMatch(/^250 /);
    const mail = await byMessageId('big@example.com');
    expect(mail.attachments[0]).toMatchObject({ fileName: 'dump.bin', sizeBytes: big.length });
    const tooBig = randomBytes(13 * 1024 * 1024);
    await expect(app.deliver({ from: 'big@example.com', to: TO, subject: 'bigger', text: 'x', attachments: [{ filename: 'huge.bin', content: tooBig }] })).rejects.toMatchObject({
      responseCode: 552,
      response: expect.stringMatching(/huge\.bin|maximum size/),
    });
  });

  it('stores malformed MIME and names what could not be parsed instead of refusing it', async () => {
    await expect(deliverRaw(malformedMime('broken@example.com'))).resolves.toMatch(/^250 /);
    const mail = await byMessageId('broken@example.com');
    expect(mail.parseProblems.join(' ')).toMatch(/boundary/);
    expect(mail.from.address).toBe('broken@example.com');
  });

  it('recognises auto-replies, never grants them an acknowledgement, and rate-limits acknowledgements per sender', async () => {
    await deliverRaw(outOfOffice('ooo@example.com', 'away@example.com', 'VPN'), 'away@example.com');
    expect((await byMessageId('ooo@example.com')).classification).toEqual({ kind: 'auto_reply', autoAcknowledge: false, bounce: null });
    for (const n of [1, 2, 3]) await app.deliver({ from: 'chatty@example.com', to: TO, subject: `question ${n}`, text: 'hi', messageId: `<chatty-${n}@example.com>` });
    const grants = await Promise.all([1, 2, 3].map(async (n) => (await byMessageId(`chatty-${n}@example.com`)).classification.autoAcknowledge));
    expect(grants).toEqual([true, true, false]);
  });

  it('stores a mail delivered twice (same Message-ID and content) once and publishes it once', async () => {
    const raw = latin1QuotedPrintable('twice@example.de');
    const first = await deliverRaw(raw);
    const second = await deliverRaw(raw);
    expect(second).toContain('duplicate');
    expect(second.match(/stored as (\S+)/)?.[1]).toBe(first.match(/stored as (\S+)/)?.[1]);
    // A later mail's event arriving proves the duplicate's would have arrived before it (the outbox publishes in commit order).
    await app.deliver({ from: 'sender@example.com', to: TO, subject: 'after', text: 'x', messageId: '<after-twice@example.com>' });
    await byMessageId('after-twice@example.com');
    expect(received.all.filter((m) => m.messageIdHeader === 'twice@example.de')).toHaveLength(1);
  });
});
