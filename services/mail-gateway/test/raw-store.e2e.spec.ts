import { createHash } from 'node:crypto';
import { uuidv7 } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { InboundMailsRepository, type NewRawMessage } from '../src/inbound/inbound-mails.repository';
import { RawStore } from '../src/inbound/raw-store';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';

/**
 * Raw mails are stored with group commit: the mails handed in while a storing statement runs
 * share the next one. De-duplication (Message-ID plus content hash) holds within one statement
 * as well as against mails stored before.
 */
describe('storing raw mails together', () => {
  let app: MailGatewayApp;
  let dataSource: DataSource;
  let mailboxId: string;
  const row = (messageId: string, body: string): NewRawMessage => {
    const raw = Buffer.from(`From: a@example.com\r\nMessage-ID: <${messageId}>\r\n\r\n${body}\r\n`);
    return {
      id: uuidv7(), mailboxId, otherMailboxIds: [], messageIdHeader: messageId, sha256: createHash('sha256').update(raw).digest('hex'), raw, source: 'smtp',
      envelopeFrom: 'a@example.com', addresses: ['a@example.com'], receivedAt: new Date(),
    };
  };
  const count = async (messageId: string) => Number((await dataSource.query(`SELECT count(*) AS n FROM raw_messages WHERE message_id_header = $1`, [messageId]))[0].n);

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-raw-store', { MAIL_SMTP_ENABLED: 'false', MAIL_IMAP_ENABLED: 'false' });
    dataSource = app.service.app.get<DataSource>(DATA_SOURCE);
    mailboxId = await app.createMailbox({ name: 'Support', address: 'support@helpdesk.test' });
  });
  afterAll(() => app.stop());

  it('stores several mails in one statement, an identical one in the same statement and one stored before once', async () => {
    const repository = new InboundMailsRepository(dataSource.manager);
    const a = row('same@example.com', 'one');
    const aAgain = { ...row('same@example.com', 'one'), id: uuidv7() };
    const b = row('other@example.com', 'two');
    const sameIdOtherContent = row('same@example.com', 'changed');
    const stored = await repository.storeRaws([a, aAgain, b, sameIdOtherContent]);
    expect(stored).toEqual([
      { mailId: a.id, isNew: true },
      { mailId: a.id, isNew: false },
      { mailId: b.id, isNew: true },
      { mailId: sameIdOtherContent.id, isNew: true },
    ]);
    expect(await repository.storeRaws([{ ...b, id: uuidv7() }, { ...a, id: uuidv7() }])).toEqual([
      { mailId: b.id, isNew: false },
      { mailId: a.id, isNew: false },
    ]);
    expect(await count('same@example.com')).toBe(2);
  });

  it('answers every caller of concurrent stores with its own mail, identical ones once', async () => {
    const store = new RawStore(dataSource);
    const rows = Array.from({ length: 20 }, (_, i) => row(`concurrent-${i % 10}@example.com`, `body ${i % 10}`));
    const stored = await Promise.all(rows.map((r) => store.store(r)));
    for (let i = 0; i < 10; i++) {
      const first = stored[i];
      const second = stored[i + 10];
      expect(first?.mailId).toBe(second?.mailId);
      expect([first?.isNew, second?.isNew].filter(Boolean)).toHaveLength(1);
      expect(await count(`concurrent-${i}@example.com`)).toBe(1);
    }
  });
});
