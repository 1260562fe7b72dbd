import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, cloudEventSchema, ticketMessageAddedV1, type Actor } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import type { AddMessageInput, AttachmentUpload, SystemMessageInput } from './message';
import { DEFAULT_ATTACHMENT_MAX_BYTES, sha256Hex } from './message-attachments';
import { MessagesService } from './messages.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';
const CONTACT_A = '01890f0e-8c5a-7cc1-9a3e-0000000000ca';
const customerA: Caller = { kind: 'customer', subject: 'anna@a.example', customerId: CUSTOMER_A, contactId: CONTACT_A };
const customerB: Caller = { kind: 'customer', subject: 'bob@b.example', customerId: CUSTOMER_B, contactId: '01890f0e-8c5a-7cc1-9a3e-0000000000cb' };
const mailGateway: Actor = { kind: 'system', id: null, displayName: 'mail-gateway' };

const file = (name: string, content: string | Buffer): AttachmentUpload => ({
  fileName: name,
  contentType: 'text/plain',
  content: typeof content === 'string' ? Buffer.from(content) : content,
  inline: false,
  contentId: null,
});
const blank: AddMessageInput = { from: null, to: [], cc: [], subject: null, text: '', html: null, attachments: [], inReplyToMessageId: null };
const customerMail = (text: string, attachments: AttachmentUpload[] = []): SystemMessageInput => ({
  ...blank,
  audience: 'customer',
  medium: 'email',
  direction: 'outbound',
  to: ['anna@a.example'],
  subject: 'Your request',
  text,
  attachments,
});
const internalNote = (text: string, attachments: AttachmentUpload[] = []): SystemMessageInput => ({
  ...blank,
  audience: 'internal',
  medium: 'note',
  direction: 'outbound',
  text,
  attachments,
});

describe('MessagesService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let tickets: TicketsService;
  let messages: MessagesService;
  const now = new Date('2026-11-24T08:00:00.000Z');

  beforeAll(async () => {
    db = await createTestDatabase('messages-service');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    const work = new TicketUnitOfWork(dataSource, publisher, settings, () => now);
    tickets = new TicketsService(work, settings);
    messages = new MessagesService(work, { attachmentMaxBytes: DEFAULT_ATTACHMENT_MAX_BYTES });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const newTicket = (customerId: string | null = CUSTOMER_A) =>
    tickets.create(agent, { summary: 'Printer offline', channel: 'email', category: 'technical', customerId });
  const count = async (sql: string, values: unknown[]): Promise<number> =>
    Number(((await dataSource.query(sql, values)) as { n: string }[])[0]?.n);

  it('stores a file once for two messages with the same content, and serves it by its SHA-256', async () => {
    const content = `error log ${Date.now()}`;
    const sha256 = sha256Hex(content);
    const first = await newTicket();
    const second = await newTicket();
    await messages.add(agent, first.id, customerMail('See the log', [file('log.txt', content)]));
    await messages.add(agent, second.id, internalNote('Same log, other ticket', [file('copy-of-log.txt', content), file('again.txt', content)]));

    expect(await count(`SELECT count(*) AS n FROM ticket_attachments WHERE sha256 = $1`, [sha256])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM ticket_message_attachments WHERE sha256 = $1`, [sha256])).toBe(3);
    const fetched = await messages.attachment(agent, second.id, sha256);
    expect(fetched.ref).toEqual({ fileName: 'copy-of-log.txt', contentType: 'text/plain', sizeBytes: content.length, sha256, inline: false, contentId: null });
    expect(fetched.content.toString()).toBe(content);
  });

  it('refuses an over-size attachment naming it, and writes nothing', async () => {
    const ticket = await newTicket();
    const countsOf = async () => [
      await count(`SELECT count(*) AS n FROM ticket_messages`, []),
      await count(`SELECT count(*) AS n FROM ticket_attachments`, []),
      await count(`SELECT count(*) AS n FROM outbox`, []),
      await count(`SELECT count(*) AS n FROM ticket_history WHERE ticket_id = $1`, [ticket.id]),
    ];
    const before = await countsOf();
    const big = file('dump.bin', Buffer.alloc(30 * 1024 * 1024));
    await expect(messages.add(agent, ticket.id, customerMail('Two files', [file('ok.txt', 'fine'), big]))).rejects.toMatchObject({
      code: 'INVALID_FIELD',
      field: 'attachments[1]',
      message: 'attachments[1]: 31457280 bytes exceeds the limit of 26214400',
    });
    expect(await countsOf()).toEqual(before);
    await expect(tickets.get(agent, { id: ticket.id })).resolves.toMatchObject({ version: ticket.version });
  });

  it('bumps the version, appends a message_added history entry and puts a valid event in the outbox', async () => {
    const ticket = await newTicket();
    const message = await messages.add(agent, ticket.id, { ...customerMail(''), html: '<p>Please <b>restart</b> the printer.</p><script>x()</script>' });
    expect(message).toMatchObject({ text: 'Please restart the printer.', html: '<p>Please <b>restart</b> the printer.</p>', author: { kind: 'agent', id: agent.subject } });
    await expect(tickets.get(agent, { id: ticket.id })).resolves.toMatchObject({ version: ticket.version + 1 });

    const history = await tickets.history(agent, ticket.id, { size: 10, token: '' });
    const entry = history.items.at(-1);
    expect(entry).toMatchObject({ kind: 'message_added', before: {}, after: { messageId: message.id, textSha256: sha256Hex(message.text) } });
    await expect(tickets.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: true, count: 2 });

    const rows = (await dataSource.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->>'subject' = $2`, [
      ticketMessageAddedV1.type,
      ticket.id,
    ])) as { envelope: unknown }[];
    expect(rows).toHaveLength(1);
    const envelope = cloudEventSchema.parse(rows[0]?.envelope);
    const data = ticketMessageAddedV1.schema.parse(envelope.data);
    expect(data).toMatchObject({ ticket: { version: ticket.version + 1 }, message: { messageId: message.id, to: ['anna@a.example'], purpose: 'reply' } });
  });

  it('shows a customer only customer-audience messages and files, and only on its own tickets', async () => {
    const ticket = await newTicket(CUSTOMER_A);
    const visible = await messages.add(agent, ticket.id, customerMail('For you', [file('manual.pdf', 'manual')]));
    await messages.add(agent, ticket.id, internalNote('Customer is difficult', [file('notes.txt', 'secret notes')]));
    await messages.add(agent, ticket.id, { ...blank, audience: 'supplier', medium: 'email', direction: 'outbound', to: ['rma@supplier.example'], text: 'RMA please' });

    const own = await messages.list(customerA, ticket.id, { size: 50, token: '' });
    expect(own.items.map((m) => m.id)).toEqual([visible.id]);
    const all = await messages.list(agent, ticket.id, { size: 50, token: '' });
    expect(all.items.map((m) => m.audience)).toEqual(['customer', 'internal', 'supplier']);

    await expect(messages.attachment(customerA, ticket.id, sha256Hex('manual'))).resolves.toMatchObject({ ref: { fileName: 'manual.pdf' } });
    await expect(messages.attachment(customerA, ticket.id, sha256Hex('secret notes'))).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
    await expect(messages.attachment(agent, ticket.id, sha256Hex('secret notes'))).resolves.toMatchObject({ ref: { fileName: 'notes.txt' } });

    await expect(messages.list(customerB, ticket.id, { size: 50, token: '' })).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await expect(messages.attachment(customerB, ticket.id, sha256Hex('manual'))).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await expect(messages.add(customerB, ticket.id, { ...blank, text: 'Let me in' })).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
  });

  it('turns whatever a customer asks for into an inbound portal message for the customer audience', async () => {
    const ticket = await newTicket(CUSTOMER_A);
    const agentMessage = await messages.add(agent, ticket.id, customerMail('Did that help?'));
    const note = await messages.add(agent, ticket.id, internalNote('hidden'));
    const answer = await messages.add(customerA, ticket.id, { ...internalNote('Yes, thanks'), inReplyToMessageId: agentMessage.id });
    expect(answer).toMatchObject({
      audience: 'customer',
      medium: 'portal',
      direction: 'inbound',
      author: { kind: 'contact', id: CONTACT_A },
      inReplyToMessageId: agentMessage.id,
    });
    await expect(messages.add(customerA, ticket.id, { ...blank, text: 'Re: hidden', inReplyToMessageId: note.id })).rejects.toMatchObject({
      code: 'INVALID_FIELD',
      field: 'inReplyToMessageId',
    });
  });

  it('pages the log oldest first with a cursor', async () => {
    const ticket = await newTicket();
    for (const text of ['one', 'two', 'three']) await messages.add(agent, ticket.id, internalNote(text));
    const first = await messages.list(agent, ticket.id, { size: 2, token: '' });
    expect(first.items.map((m) => m.text)).toEqual(['one', 'two']);
    const second = await messages.list(agent, ticket.id, { size: 2, token: first.nextToken });
    expect(second).toMatchObject({ items: [{ text: 'three' }], nextToken: '' });
    await expect(messages.list(agent, ticket.id, { size: 2, token: 'nope' })).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'page.pageToken' });
  });

  it('lets the platform add a message as a system actor with its mail id and purpose', async () => {
    const ticket = await newTicket();
    const mailId = '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e70';
    const inbound = await messages.addFromSystem(mailGateway, ticket.id, {
      ...blank,
      audience: 'customer',
      medium: 'email',
      direction: 'inbound',
      from: 'anna@a.example',
      subject: 'Printer offline',
      text: 'It is still offline.',
      mailId,
    });
    expect(inbound).toMatchObject({ author: mailGateway, mailId, purpose: 'reply' });
    const ack = await messages.addFromSystem(mailGateway, ticket.id, {
      ...customerMail('We received your request.'),
      purpose: 'auto_acknowledgement',
      inReplyToMessageId: inbound.id,
    });
    expect(ack).toMatchObject({ purpose: 'auto_acknowledgement', inReplyToMessageId: inbound.id });
    const [row] = (await dataSource.query(`SELECT envelope FROM outbox WHERE envelope->'data'->'message'->>'messageId' = $1`, [ack.id])) as {
      envelope: { data: unknown };
    }[];
    expect(ticketMessageAddedV1.schema.parse(row?.envelope.data)).toMatchObject({ actor: mailGateway, message: { author: mailGateway, purpose: 'auto_acknowledgement' } });
  });

  it('keeps messages append-only in the database; only moving them to another ticket is allowed', async () => {
    const ticket = await newTicket();
    const target = await newTicket();
    const message = await messages.add(agent, ticket.id, internalNote('original'));
    await expect(dataSource.query(`UPDATE ticket_messages SET body_text = 'edited' WHERE id = $1`, [message.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM ticket_messages WHERE id = $1`, [message.id])).rejects.toThrow(/append-only/);
    await dataSource.query(`UPDATE ticket_messages SET ticket_id = $2 WHERE id = $1`, [message.id, target.id]);
  });
});
