import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { DovecotServer } from './support/dovecot-server';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

const mail = (n: number) => `From: Kunde ${n} <kunde${n}@example.com>\r\nTo: support@helpdesk.test\r\nSubject: IMAP request ${n}\r\nMessage-ID: <imap-${n}@example.com>\r\n\r\nPlease help with ${n}.\r\n`;

// The poll interval is an hour: everything here arrives through the first sweep of a connection or IDLE.
const ENV = { MAIL_SMTP_ENABLED: 'false', MAIL_IMAP_POLL_INTERVAL: '1h', MAIL_IMAP_MAILBOX_REFRESH: '200ms', MAIL_IMAP_RECONNECT_BASE: '200ms' };

describe('IMAP watching of a hosted mailbox (dovecot)', () => {
  let dovecot: DovecotServer;
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  const countOf = (n: number) => received.all.filter((m) => m.messageIdHeader === `imap-${n}@example.com`).length;

  beforeAll(async () => {
    dovecot = await DovecotServer.start();
    app = await startMailGatewayApp('mail-imap', ENV);
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
    app = await app.restart(ENV);
    await dovecot.append(mail(3));
    await received.find((m) => m.messageIdHeader === 'imap-3@example.com');
    await expectEventually(async () => expect(await dovecot.uids(false)).toEqual([]), { timeoutMs: 30_000 });
    expect([countOf(1), countOf(2), countOf(3)]).toEqual([1, 1, 1]);
  });

  it('takes in a mail appended while idling at once, not at the next poll', async () => {
    const mailboxId = received.all[0]?.mailboxId ?? '';
    await expectEventually(() => expect(app.lifecycle.imap?.watchOf(mailboxId)?.usesIdle).toBe(true));
    // Everything so far is flagged: the watch has finished its sweep and waits in IDLE.
    await expectEventually(async () => expect(await dovecot.uids(false)).toEqual([]));
    await dovecot.append(mail(4));
    await received.find((m) => m.messageIdHeader === 'imap-4@example.com');
    await expectEventually(async () => expect(await dovecot.uids(false)).toEqual([]));
  });

  it('reconnects after the server dropped the connection and goes on idling', async () => {
    const mailboxId = received.all[0]?.mailboxId ?? '';
    await dovecot.restart();
    await dovecot.append(mail(5));
    await received.find((m) => m.messageIdHeader === 'imap-5@example.com');
    await expectEventually(() => expect(app.lifecycle.imap?.watchOf(mailboxId)?.usesIdle).toBe(true));
    await dovecot.append(mail(6));
    await received.find((m) => m.messageIdHeader === 'imap-6@example.com');
    expect([4, 5, 6].map(countOf)).toEqual([1, 1, 1]);
  });
});

describe('IMAP server without IDLE', () => {
  let dovecot: DovecotServer;
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;

  beforeAll(async () => {
    dovecot = await DovecotServer.start({ idle: false });
    app = await startMailGatewayApp('mail-imap-noidle', { ...ENV, MAIL_IMAP_POLL_INTERVAL: '300ms' });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
    await dovecot.stop();
  });

  it('falls back to polling at MAIL_IMAP_POLL_INTERVAL', async () => {
    const mailboxId = await app.createMailbox({ name: 'Hosted', address: 'support@helpdesk.test', imap: dovecot.account });
    await expectEventually(() => expect(app.lifecycle.imap?.watchOf(mailboxId)?.usesIdle).toBe(false));
    await dovecot.append(mail(7));
    expect(await received.find((m) => m.messageIdHeader === 'imap-7@example.com')).toMatchObject({ mailboxId });
    await expectEventually(async () => expect(await dovecot.uids(false)).toEqual([]));
  });
});
