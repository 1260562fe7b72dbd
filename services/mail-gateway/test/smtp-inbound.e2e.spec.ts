import { createHash } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { receivedMails } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

describe('inbound mail over SMTP', () => {
  let app: MailGatewayApp;
  let mailboxId: string;
  beforeAll(async () => {
    app = await startMailGatewayApp('mail-smtp-in');
    mailboxId = await app.createMailbox({ name: 'Support', address: 'support@helpdesk.test', language: 'de', defaultCategory: 'technical' });
  });
  afterAll(() => app.stop());

  it('stores the mail before answering 250 and publishes it parsed, with attachments served by reference', async () => {
    const reply = await app.deliver({
      from: '"Max Mustermann" <max@example.com>',
      to: 'support@helpdesk.test',
      subject: 'VPN fails',
      text: 'Error 809 since this morning.',
      attachments: [{ filename: 'log.txt', content: 'line 1\nline 2\n' }],
      messageId: '<first@example.com>',
    });
    expect(reply).toMatch(/^250 /);
    const [mail] = await receivedMails(app.nats, 1);
    expect(mail).toMatchObject({
      mailboxId,
      defaultCategory: 'technical',
      mailboxLanguage: 'de',
      messageIdHeader: 'first@example.com',
      from: { address: 'max@example.com', name: 'Max Mustermann' },
      subject: 'VPN fails',
      threading: { result: 'new', ticketId: null },
      classification: { kind: 'regular', autoAcknowledge: true, bounce: null },
      parseProblems: [],
    });
    expect(mail?.text.trim()).toBe('Error 809 since this morning.');
    const [part] = mail?.attachments ?? [];
    expect(part).toMatchObject({ fileName: 'log.txt', sizeBytes: 14, sha256: createHash('sha256').update('line 1\nline 2\n').digest('hex') });
    const file = await app.mail.call<{ content: Buffer; fileName: string }>('GetAttachment', { mailId: mail?.mailId, partId: part?.partId }, app.tokens.agent);
    expect(file.content.toString()).toBe('line 1\nline 2\n');
    const raw = await app.mail.call<{ raw: Buffer; sha256: string }>('GetRawMessage', { mailId: mail?.mailId }, app.tokens.agent);
    expect(createHash('sha256').update(raw.raw).digest('hex')).toBe(mail?.rawSha256);
  });

  it('refuses unknown recipients with 550 and bad requests with INVALID_ARGUMENT naming the field', async () => {
    await expect(app.deliver({ from: 'max@example.com', to: 'nobody@helpdesk.test', subject: 'x', text: 'y' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(app.mail.call('GetRawMessage', { mailId: 'nope' }, app.tokens.agent)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('mailId') });
    await expect(app.mail.call('CreateMailbox', { name: 'x', address: 'support@helpdesk.test' }, app.tokens.admin)).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
    await expect(app.mail.call('CreateMailbox', { name: 'x', address: 'other@helpdesk.test' }, app.tokens.agent)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });
});
