import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { DovecotServer } from './support/dovecot-server';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

const mail = (n: number) => `From: Kunde ${n} <kunde${n}@example.com>\r\nTo: support@helpdesk.test\r\nSubject: IMAP request ${n}\r\nMessage-ID: <imap-${n}@example.com>\r\n\r\nPlease help with ${n}.\r\n`;

describe('IMAP polling of a hosted mailbox (dovecot)', () => {
  let dovecot: DovecotServer;
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  const countOf = (n: number) => received.all.filter((m) => m.messageIdHeader === `imap-${n}@example.com`).length;

  beforeAll(async () => {
    dovecot = await DovecotServer.start();
    app = await startMailGatewayApp('mail-imap', { MAIL_SMTP_ENABLED: 'false' });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
    await dovecot.stop();
  });

  it('fetches unseen mail, publishes each once and flags it seen only after storing it', async () => {
    await dovecot.append(mail(1));
    await dovecot.append(mail(2));
    const mailboxId = await app.createMailbox({ name: 'Hosted', address: 'support@helpdesk.test', imap: dovecot.account });
    const first = await received.find((m) => m.messageIdHeader === 'imap-1@example.com');
    expect(first).toMatchObject({ mailboxId, subject: 'IMAP request 1', from: { address: 'kunde1@example.com', name: 'Kunde 1' }, threading: { result: 'new' } });
    await received.find((m) => m.messageIdHeader === 'imap-2@example.com');
    await expectEventually(async () => expect(await dovecot.uids(false)).toEqual([]), { timeoutMs: 30_000 });
  });

  it('makes each mail a ticket exactly once across a restart, also one stored but not yet flagged', async () => {
    const [firstUid] = await dovecot.uids(true);
    // As if the gateway had crashed between committing mail 1 and flagging it.
    await dovecot.markUnseen(firstUid ?? 1);
    app = await app.restart({ MAIL_SMTP_ENABLED: 'false' });
    await dovecot.append(mail(3));
    await received.find((m) => m.messageIdHeader === 'imap-3@example.com');
    await expectEventually(async () => expect(await dovecot.uids(false)).toEqual([]), { timeoutMs: 30_000 });
    expect([countOf(1), countOf(2), countOf(3)]).toEqual([1, 1, 1]);
  });
});
