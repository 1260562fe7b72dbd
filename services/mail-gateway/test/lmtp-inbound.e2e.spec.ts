import { createTransport } from 'nodemailer';
import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

describe('inbound mail over LMTP (MAIL_SMTP_LMTP=true, as Postfix lmtp: delivers)', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  beforeAll(async () => {
    app = await startMailGatewayApp('mail-lmtp', { MAIL_SMTP_LMTP: 'true', MAIL_IMAP_ENABLED: 'false', MAIL_OUTBOUND_ENABLED: 'false' });
    await app.createMailbox({ name: 'Support', address: 'support@helpdesk.test' });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
  });

  it('answers LHLO and stores the mail before its per-recipient 250', async () => {
    const lmtp = createTransport({ host: '127.0.0.1', port: app.smtpPort, lmtp: true, secure: false, ignoreTLS: true });
    const info = await lmtp.sendMail({ from: 'max@example.com', to: 'support@helpdesk.test', subject: 'via LMTP', text: 'hello', messageId: '<lmtp-1@example.com>' });
    lmtp.close();
    expect(info.accepted).toEqual(['support@helpdesk.test']);
    const mail = await received.find((m) => m.messageIdHeader === 'lmtp-1@example.com');
    expect(mail).toMatchObject({ subject: 'via LMTP', from: { address: 'max@example.com' } });
  });
});
