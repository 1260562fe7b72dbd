import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, mailReceivedV1, ticketCreatedV1, ticketMessageAddedV1, type CloudEvent, type MailReceivedV1 } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7, type EventHandlerDefinition } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ContactsService } from '../directory/contacts/contacts.service';
import { ContractsService } from '../directory/contracts/contracts.service';
import { CustomersService } from '../directory/customers/customers.service';
import { DirectoryStore } from '../directory/directory-store';
import { LinksService } from '../links/links.service';
import { sha256Hex } from '../messages/message-attachments';
import { MessagesService } from '../messages/messages.service';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { Ticket } from '../tickets/ticket';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketError } from '../tickets/ticket.errors';
import { TicketsService } from '../tickets/tickets.service';
import type { InboundSettings } from './inbound-settings';
import { MAIL_HANDLER_ACTOR } from './mail-intake';
import { onMailReceived } from './on-mail-received.handler';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const LOG = Buffer.from('10:14:02 VPN client: error 809, the network connection between your computer and the VPN server could not be established\n');
const example = mailReceivedV1.example;

// Every case runs through `handle` and through `handleBatch` (the consumer's form under load),
// which must have the same effect; on-mail-received.batch.int.spec.ts covers batches of many.
describe.each([
  ['handle', false],
  ['handleBatch, a batch of one', true],
])('onMailReceived (real PostgreSQL, %s called in its transaction)', (_form, batched) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let messages: MessagesService;
  let links: LinksService;
  let handler: EventHandlerDefinition<typeof mailReceivedV1.schema>;
  let silentHandler: EventHandlerDefinition<typeof mailReceivedV1.schema>;
  let contact: { id: string; customerId: string };
  let store: DirectoryStore;

  beforeAll(async () => {
    db = await createTestDatabase('inbound-mail');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const policy = { categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, policy, () => now);
    tickets = new TicketsService(unit, { ...policy, numberPrefix: 'T-' });
    messages = new MessagesService(unit, { attachmentMaxBytes: 1024 * 1024 });
    links = new LinksService(unit, publisher);
    const settings: InboundSettings = { policy, numberPrefix: 'T-', attachmentMaxBytes: 1024 * 1024, callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 }, autoAcknowledge: true };
    handler = onMailReceived(settings, () => now);
    silentHandler = onMailReceived({ ...settings, autoAcknowledge: false }, () => now);
    store = new DirectoryStore(dataSource, publisher, { defaultCountry: 'DE', timeZone: 'Europe/Berlin' }, () => now);
    const customerData = { kind: 'customer', customerNumber: 'K-1', name: 'Muster GmbH', legalName: null, vatId: null, address: null, language: 'de', accountManagerId: null } as const;
    const customer = (await new CustomersService(store).upsert(agent, { key: { kind: 'new' } }, { data: customerData, active: true })).record;
    const contactInput = { firstName: 'Max', lastName: 'Mustermann', displayName: '', emails: [{ address: example.from.address, primary: true }], phones: [], language: 'de' };
    const created = await new ContactsService(store).upsert(agent, { key: { kind: 'new' }, customer: { id: customer.id, number: null }, contact: contactInput, defaultCountry: null, active: true });
    contact = { id: created.record.id, customerId: customer.id };
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tick = (minutes = 1) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const deliver = async (data: MailReceivedV1, using = handler) => {
    tick();
    const event: CloudEvent<MailReceivedV1> = { specversion: '1.0', id: uuidv7(), source: 'helpdesk/mail-gateway', type: mailReceivedV1.type, subject: data.mailId, time: now.toISOString(), datacontenttype: 'application/json', data };
    await withTransaction(dataSource, async (manager) => {
      const tx = { manager, outbox: publisher.in(manager), deliveryCount: 1, get: <T,>(type: new (m: typeof manager) => T) => new type(manager) };
      if (!batched) return using.handle(event, tx);
      if (!using.handleBatch) throw new Error('the mail handler has no batch form');
      return using.handleBatch([event], tx);
    });
  };
  const logPart = (content: Buffer) => ({ partId: '2', fileName: 'vpn-log.txt', contentType: 'text/plain', sizeBytes: content.byteLength, sha256: sha256Hex(content), inline: false, contentId: null });
  const mail = (over: Partial<MailReceivedV1> = {}): MailReceivedV1 => ({ ...example, mailId: uuidv7(), messageIdHeader: `${uuidv7()}@mail.example.com`, attachments: [logPart(LOG)], ...over });
  const reply = (ticket: Ticket, over: Partial<MailReceivedV1> = {}) => mail({ subject: `Re: [Ticket#${ticket.number}] VPN`, text: 'Still broken.', html: null, attachments: [], threading: { result: 'header', ticketId: ticket.id, relatedTicketId: null }, ...over });
  const ticketsOfMail = async (mailId: string): Promise<Ticket[]> => {
    const rows = (await dataSource.query(`SELECT DISTINCT ticket_id FROM ticket_messages WHERE mail_id = $1`, [mailId])) as { ticket_id: string }[];
    return Promise.all(rows.map((row) => tickets.get(agent, { id: row.ticket_id })));
  };
  const log = async (ticketId: string) => (await messages.list(agent, ticketId, { size: 100, token: '' })).items;
  const outbox = async (ticketId: string) =>
    (await dataSource.query(`SELECT type, envelope FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticketId])) as { type: string; envelope: { data: unknown } }[];
  const ticketCount = async () => Number(((await dataSource.query(`SELECT count(*) AS n FROM tickets`)) as { n: string }[])[0]?.n);
  const phoneTicket = () => tickets.create(agent, { summary: 'VPN', channel: 'phone', category: 'technical', contactId: contact.id, customerId: contact.customerId });
  const codeOf = async (run: Promise<unknown>) => run.then(() => undefined, (error: unknown) => (error instanceof TicketError ? error.code : error));

  it('opens a ticket for a new mail: mailbox category and queue, the sender\'s contact, the mail as first message, an auto-acknowledgement', async () => {
    const data = mail();
    await deliver(data);
    const [ticket] = await ticketsOfMail(data.mailId);
    expect(ticket).toMatchObject({ status: 'new', channel: 'email', category: 'technical', queueId: example.defaultQueueId, contactId: contact.id, customerId: contact.customerId, summary: example.subject, description: example.text });
    const [inbound, ack, ...rest] = await log(ticket?.id ?? '');
    expect(rest).toEqual([]);
    expect(inbound).toMatchObject({ audience: 'customer', medium: 'email', direction: 'inbound', from: example.from.address, subject: example.subject, mailId: data.mailId, author: { kind: 'contact', id: contact.id } });
    expect(inbound?.attachments).toEqual([{ fileName: 'vpn-log.txt', contentType: 'text/plain', sizeBytes: LOG.byteLength, sha256: sha256Hex(LOG), inline: false, contentId: null }]);
    expect(ack).toMatchObject({ direction: 'outbound', purpose: 'auto_acknowledgement', to: [example.from.address], subject: `[Ticket#${ticket?.number}] ${example.subject}`, inReplyToMessageId: inbound?.id, author: MAIL_HANDLER_ACTOR });

    const events = await outbox(ticket?.id ?? '');
    expect(events.map((e) => e.type)).toEqual([ticketCreatedV1.type, ticketMessageAddedV1.type, ticketMessageAddedV1.type]);
    expect(ticketCreatedV1.schema.parse(events[0]?.envelope.data)).toMatchObject({ mailId: data.mailId, actor: MAIL_HANDLER_ACTOR });
    expect(ticketMessageAddedV1.schema.parse(events[2]?.envelope.data).message).toMatchObject({ purpose: 'auto_acknowledgement', medium: 'email', audience: 'customer' });
    const history = (await tickets.history(agent, ticket?.id ?? '', { size: 100, token: '' })).items;
    expect(history.map((entry) => [entry.kind, entry.actor])).toEqual([['created', MAIL_HANDLER_ACTOR], ['message_added', MAIL_HANDLER_ACTOR], ['message_added', MAIL_HANDLER_ACTOR]]);
  });

  it('lists a mail attachment by reference; its download names the mail gateway until the same content is stored here', async () => {
    const content = Buffer.from('a log only this test sends');
    const data = mail({ attachments: [logPart(content)] });
    await deliver(data);
    const [ticket] = await ticketsOfMail(data.mailId);
    const id = ticket?.id ?? '';
    const refused = messages.attachment(agent, id, sha256Hex(content));
    await expect(refused).rejects.toMatchObject({ code: 'ATTACHMENT_CONTENT_NOT_STORED', message: expect.stringContaining(`mail ${data.mailId}, part 2`) });
    const fill = (bytes: Buffer) => dataSource.query(`UPDATE ticket_attachments SET content = $2 WHERE sha256 = $1`, [sha256Hex(content), bytes]);
    await expect(fill(Buffer.from('other bytes'))).rejects.toThrow(/append-only/);
    const upload = { fileName: 'vpn-log-copy.txt', contentType: 'text/plain', content, inline: false, contentId: null };
    await messages.add(agent, id, { audience: 'internal', medium: 'note', direction: 'outbound', from: null, to: [], cc: [], subject: null, text: 'The log again', html: null, attachments: [upload], inReplyToMessageId: null });
    const downloaded = await messages.attachment(agent, id, sha256Hex(content));
    expect(downloaded).toMatchObject({ ref: { fileName: 'vpn-log.txt', sizeBytes: content.byteLength } });
    expect(downloaded.content.equals(content)).toBe(true);
    await expect(fill(content)).rejects.toThrow(/append-only/);
  });

  it('records a mail once: the same mail published again under a new event id changes nothing', async () => {
    const data = mail();
    await deliver(data);
    const count = await ticketCount();
    await deliver(data);
    expect(await ticketCount()).toBe(count);
    const [ticket] = await ticketsOfMail(data.mailId);
    expect(await log(ticket?.id ?? '')).toHaveLength(2);
  });

  it('appends a reply to its ticket without acknowledging it; a pending ticket goes back to open', async () => {
    const ticket = await phoneTicket();
    await tickets.changeStatus(agent, ticket.id, { to: 'open' });
    await tickets.changeStatus(agent, ticket.id, { to: 'pending' });
    const data = reply(ticket);
    await deliver(data);
    const after = await tickets.get(agent, { id: ticket.id });
    expect(after).toMatchObject({ status: 'open', contactId: contact.id });
    const logged = await log(ticket.id);
    expect(logged.map((m) => [m.audience, m.direction, m.purpose, m.mailId])).toEqual([['customer', 'inbound', 'reply', data.mailId]]);
    expect((await outbox(ticket.id)).map((e) => e.type).slice(-2)).toEqual(['helpdesk.ticket.status.changed.v1', ticketMessageAddedV1.type]);
  });

  it('reopens a resolved ticket, and one closed within the reopen window, with the reply', async () => {
    const resolved = await phoneTicket();
    await tickets.changeStatus(agent, resolved.id, { to: 'resolved', resolution: { text: 'Client updated' } });
    await deliver(reply(resolved));
    expect(await tickets.get(agent, { id: resolved.id })).toMatchObject({ status: 'open', resolution: null });

    const closed = await phoneTicket();
    await tickets.changeStatus(agent, closed.id, { to: 'resolved', resolution: { text: 'Client updated' } });
    await tickets.changeStatus(agent, closed.id, { to: 'closed' });
    tick(13 * 24 * 60);
    await deliver(reply(closed));
    expect(await tickets.get(agent, { id: closed.id })).toMatchObject({ status: 'open' });
    expect((await outbox(closed.id)).map((e) => e.type)).toContain('helpdesk.ticket.reopened.v1');
  });

  it('opens a new ticket related to a ticket closed beyond the reopen window or cancelled', async () => {
    const closed = await phoneTicket();
    await tickets.changeStatus(agent, closed.id, { to: 'resolved', resolution: { text: 'Client updated' } });
    await tickets.changeStatus(agent, closed.id, { to: 'closed' });
    const cancelled = await phoneTicket();
    await tickets.changeStatus(agent, cancelled.id, { to: 'cancelled' });
    tick(15 * 24 * 60);
    for (const old of [closed, cancelled]) {
      const data = reply(old);
      await deliver(data);
      const [fresh] = await ticketsOfMail(data.mailId);
      expect(fresh?.id).not.toBe(old.id);
      expect((await links.list(agent, fresh?.id ?? '')).tickets).toEqual([{ kind: 'related', ticketId: old.id, number: old.number }]);
      expect((await links.list(agent, old.id)).tickets).toEqual([{ kind: 'related', ticketId: fresh?.id, number: fresh?.number }]);
      expect((await tickets.get(agent, { id: old.id })).status).toBe(old.id === closed.id ? 'closed' : 'cancelled');
      expect((await log(fresh?.id ?? '')).map((m) => m.purpose)).toEqual(['reply', 'auto_acknowledgement']);
    }
  });

  it('opens a ticket linked to the tagged one for an unknown sender, without contact', async () => {
    const tagged = await phoneTicket();
    const data = mail({ from: { address: 'stranger@elsewhere.example', name: null }, threading: { result: 'unknown_sender', ticketId: null, relatedTicketId: tagged.id } });
    await deliver(data);
    const [fresh] = await ticketsOfMail(data.mailId);
    expect(fresh).toMatchObject({ contactId: null, customerId: null });
    expect((await links.list(agent, fresh?.id ?? '')).tickets).toEqual([{ kind: 'related', ticketId: tagged.id, number: tagged.number }]);
    expect((await log(fresh?.id ?? ''))[0]?.author).toEqual({ kind: 'contact', id: null, displayName: 'stranger@elsewhere.example' });
  });

  it('records auto-replies and bounces internally on their ticket without changing its status, and drops loop mail threading nowhere', async () => {
    const ticket = await phoneTicket();
    await tickets.changeStatus(agent, ticket.id, { to: 'open' });
    await tickets.changeStatus(agent, ticket.id, { to: 'pending' });
    const outOfOffice = reply(ticket, { subject: 'Out of office', classification: { kind: 'auto_reply', autoAcknowledge: false, bounce: null } });
    await deliver(outOfOffice);
    const bounce = mail({ threading: { result: 'new', ticketId: null, relatedTicketId: null }, classification: { kind: 'bounce', autoAcknowledge: false, bounce: { outboundId: null, ticketId: ticket.id, recipient: example.from.address, smtpReply: null } } });
    await deliver(bounce);
    expect(await tickets.get(agent, { id: ticket.id })).toMatchObject({ status: 'pending' });
    expect((await log(ticket.id)).map((m) => [m.audience, m.mailId])).toEqual([['internal', outOfOffice.mailId], ['internal', bounce.mailId]]);

    const count = await ticketCount();
    for (const kind of ['auto_reply', 'bounce', 'list', 'bulk'] as const) {
      await deliver(mail({ classification: { kind, autoAcknowledge: false, bounce: null } }));
    }
    expect(await ticketCount()).toBe(count);
  });

  it('notes parse problems after the mail, and sends no acknowledgement when switched off', async () => {
    const data = mail({ parseProblems: ['unknown charset x-mac-roman in part 1'] });
    await deliver(data, silentHandler);
    const [ticket] = await ticketsOfMail(data.mailId);
    const logged = await log(ticket?.id ?? '');
    expect(logged.map((m) => [m.audience, m.medium])).toEqual([['customer', 'email'], ['internal', 'system']]);
    expect(logged[1]?.text).toContain('unknown charset x-mac-roman in part 1');
    expect(await codeOf(messages.attachment(agent, ticket?.id ?? '', '0'.repeat(64)))).toBe('ATTACHMENT_NOT_FOUND');
  });

  // Last: the contracts it creates would give every later ticket of the customer a contract.
  it('puts the ticket of a known customer under its contract of the day, one naming an SLA policy first', async () => {
    const contracts = new ContractsService(store);
    const contract = (number: string, validFrom: string, slaPolicyId: string | null, validUntil: string | null = null) =>
      contracts.upsert(agent, {
        key: { kind: 'new' },
        customer: { id: contact.customerId, number: null },
        contract: { contractNumber: number, name: number, validFrom, validUntil, slaPolicyId, billingPlanId: null, freeSupport: false, entitlements: [], quotaRef: null },
        active: true,
      });
    await contract('V-OLD', '2020-01-01', null);
    await contract('V-EXPIRED', '2020-01-01', '01936a00-7777-7aaa-8bbb-000000000051', '2025-12-31');
    const gold = (await contract('V-GOLD', '2026-01-01', '01936a00-7777-7aaa-8bbb-000000000061')).record;
    const data = mail({ threading: { result: 'new', ticketId: null, relatedTicketId: null } });
    await deliver(data);
    expect((await ticketsOfMail(data.mailId))[0]).toMatchObject({ customerId: contact.customerId, contractId: gold.id });
  });

  it('files a mailbox category this service does not know as other', async () => {
    const data = mail({ defaultCategory: 'marketing', defaultQueueId: null });
    await deliver(data);
    expect((await ticketsOfMail(data.mailId))[0]).toMatchObject({ category: 'other', queueId: null });
  });
});
