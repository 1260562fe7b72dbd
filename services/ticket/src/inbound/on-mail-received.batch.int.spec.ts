import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, mailReceivedV1, type CloudEvent, type MailReceivedV1 } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7, type EventHandlerDefinition } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { ContactsService } from '../directory/contacts/contacts.service';
import { ContractsService } from '../directory/contracts/contracts.service';
import { CustomersService } from '../directory/customers/customers.service';
import { DirectoryStore } from '../directory/directory-store';
import { verifyChain } from '../history/history-chain';
import { HistoryRepository } from '../history/history.repository';
import { sha256Hex } from '../messages/message-attachments';
import { MessagesService } from '../messages/messages.service';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { Ticket } from '../tickets/ticket';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import type { InboundSettings } from './inbound-settings';
import { onMailReceived } from './on-mail-received.handler';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const LOG = Buffer.from('10:14:02 VPN client: error 809\n');
const example = mailReceivedV1.example;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The batch form of the mail consumer (`handleBatch`, one transaction for many mails) must have
 * the effect of `handle` for each mail in stream order — only in a few statements per batch.
 */
describe('onMailReceived in batches (real PostgreSQL, handleBatch in one transaction)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  let tickets: TicketsService;
  let messages: MessagesService;
  let handler: EventHandlerDefinition<typeof mailReceivedV1.schema>;
  let contact: { id: string; customerId: string };
  let goldContractId: string;
  const now = new Date('2026-11-24T08:00:00.000Z');

  beforeAll(async () => {
    db = await createTestDatabase('inbound-mail-batch');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const policy = { categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, policy, () => now);
    tickets = new TicketsService(unit, { ...policy, numberPrefix: 'T-' });
    messages = new MessagesService(unit, { attachmentMaxBytes: 1024 * 1024 });
    const settings: InboundSettings = { policy, numberPrefix: 'T-', attachmentMaxBytes: 1024 * 1024, callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 }, autoAcknowledge: true };
    handler = onMailReceived(settings, () => now);
    const store = new DirectoryStore(dataSource, publisher, { defaultCountry: 'DE', timeZone: 'Europe/Berlin' }, () => now);
    const customerData = { kind: 'customer', customerNumber: 'K-1', name: 'Muster GmbH', legalName: null, vatId: null, address: null, language: 'de', accountManagerId: null } as const;
    const customer = (await new CustomersService(store).upsert(agent, { key: { kind: 'new' } }, { data: customerData, active: true })).record;
    const contactInput = { firstName: 'Max', lastName: 'Mustermann', displayName: '', emails: [{ address: example.from.address, primary: true }], phones: [], language: 'de' };
    const created = await new ContactsService(store).upsert(agent, { key: { kind: 'new' }, customer: { id: customer.id, number: null }, contact: contactInput, defaultCountry: null, active: true });
    contact = { id: created.record.id, customerId: customer.id };
    const contracts = new ContractsService(store);
    const contract = (number: string, validFrom: string, slaPolicyId: string | null) =>
      contracts.upsert(agent, {
        key: { kind: 'new' },
        customer: { id: customer.id, number: null },
        contract: { contractNumber: number, name: number, validFrom, validUntil: null, slaPolicyId, billingPlanId: null, freeSupport: false, entitlements: [], quotaRef: null },
        active: true,
      });
    await contract('V-OLD', '2020-01-01', null);
    goldContractId = (await contract('V-GOLD', '2026-01-01', '01936a00-7777-7aaa-8bbb-000000000061')).record.id;
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const contextOf = (manager: EntityManager) => ({ manager, outbox: publisher.in(manager), deliveryCount: 1, get: <T,>(type: new (m: EntityManager) => T) => new type(manager) });
  const eventOf = (data: MailReceivedV1): CloudEvent<MailReceivedV1> => ({
    specversion: '1.0',
    id: uuidv7(),
    source: 'helpdesk/mail-gateway',
    type: mailReceivedV1.type,
    subject: data.mailId,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data,
  });
  const single = (data: MailReceivedV1) => withTransaction(dataSource, (manager) => handler.handle(eventOf(data), contextOf(manager)));
  const batch = (mails: readonly MailReceivedV1[]) =>
    withTransaction(dataSource, async (manager) => {
      if (!handler.handleBatch) throw new Error('the mail handler has no batch form');
      await handler.handleBatch(mails.map(eventOf), contextOf(manager));
    });
  /** What the consumer runner does with a batch: all in one transaction, or — when that fails — each mail in its own. */
  const deliverLikeRunner = async (mails: readonly MailReceivedV1[]): Promise<string[]> => {
    try {
      await batch(mails);
      return [];
    } catch {
      const failed: string[] = [];
      for (const data of mails) await single(data).catch(() => failed.push(data.mailId));
      return failed;
    }
  };

  const logPart = (content: Buffer) => ({ partId: '2', fileName: 'vpn-log.txt', contentType: 'text/plain', sizeBytes: content.byteLength, sha256: sha256Hex(content), inline: false, contentId: null });
  const mail = (over: Partial<MailReceivedV1> = {}): MailReceivedV1 => ({ ...example, mailId: uuidv7(), messageIdHeader: `${uuidv7()}@mail.example.com`, attachments: [logPart(LOG)], ...over });
  const stranger = (n: number) => ({ address: `stranger${n}@elsewhere.example`, name: n % 2 === 0 ? `Stranger ${n}` : null });
  const reply = (ticket: Ticket, over: Partial<MailReceivedV1> = {}) =>
    mail({ subject: `Re: [Ticket#${ticket.number}] VPN`, text: 'Still broken.', html: null, attachments: [], threading: { result: 'header', ticketId: ticket.id, relatedTicketId: null }, ...over });
  const ticketsOfMail = async (mailId: string): Promise<Ticket[]> => {
    const rows = (await dataSource.query(`SELECT DISTINCT ticket_id FROM ticket_messages WHERE mail_id = $1`, [mailId])) as { ticket_id: string }[];
    return Promise.all(rows.map((row) => tickets.get(agent, { id: row.ticket_id })));
  };
  const ticketOfMail = async (mailId: string): Promise<Ticket> => {
    const found = await ticketsOfMail(mailId);
    if (found.length !== 1 || !found[0]) throw new Error(`mail ${mailId} is on ${found.length} tickets`);
    return found[0];
  };
  const ticketCount = async () => Number(((await dataSource.query(`SELECT count(*) AS n FROM tickets`)) as { n: string }[])[0]?.n);
  const log = async (ticketId: string) => (await messages.list(agent, ticketId, { size: 100, token: '' })).items;
  const chainOf = async (ticketId: string) => verifyChain(await new HistoryRepository().all(dataSource.manager, ticketId));

  /** Everything stored for a ticket, with generated ids, the number and hashes taken out. */
  const written = async (ticket: Ticket) => {
    const anonymise = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value)
          .replaceAll(ticket.number, '<number>')
          .replace(UUID, '<id>')
          .replace(/"(hash|prevHash|textSha256|htmlSha256)":"[0-9a-f]+"/g, '"$1":"<hash>"'),
      ) as unknown;
    const [row] = (await dataSource.query(`SELECT * FROM tickets WHERE id = $1`, [ticket.id])) as Record<string, unknown>[];
    const history = await new HistoryRepository().all(dataSource.manager, ticket.id);
    const logged = await dataSource.query(
      `SELECT m.audience, m.medium, m.direction, m.purpose, m.author, m.from_address, m.to_addresses, m.cc_addresses, m.subject, m.body_text, m.body_html,
              m.mail_id IS NOT NULL AS from_mail, m.in_reply_to_message_id IS NOT NULL AS replies, m.created_at,
              (SELECT json_agg(json_build_object('position', a.position, 'sha256', a.sha256, 'file', a.file_name, 'type', a.content_type) ORDER BY a.position)
                 FROM ticket_message_attachments a WHERE a.message_id = m.id) AS files
         FROM ticket_messages m WHERE m.ticket_id = $1 ORDER BY m.seq`,
      [ticket.id],
    );
    const events = (await dataSource.query(`SELECT type, envelope->'data' AS data FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticket.id])) as unknown[];
    const { search: _search, number: _number, ...columns } = row ?? {};
    return { chain: verifyChain(history), ticket: anonymise(columns), history: anonymise(history), messages: anonymise(logged), events: anonymise(events) };
  };

  it('opens the same tickets, messages, file references, history and events as mail by mail, numbered in stream order', async () => {
    const variants: ((over: Partial<MailReceivedV1>) => MailReceivedV1)[] = [
      // A known contact: its customer and the customer's governing contract, acknowledged.
      (over) => mail(over),
      // An unknown sender with parse problems; the same log file as the first (one stored reference).
      (over) => mail({ from: stranger(1), parseProblems: ['unknown charset x-mac-roman in part 1'], ...over }),
      // A mail the gateway does not want acknowledged, HTML only, two files.
      (over) => mail({ from: stranger(2), text: '', classification: { ...example.classification, autoAcknowledge: false }, attachments: [logPart(LOG), logPart(Buffer.from('second file'))], ...over }),
      // Threading to a ticket id this service does not have: a new ticket, as alone.
      (over) => mail({ from: stranger(3), replyTo: { address: 'desk@elsewhere.example', name: null }, threading: { result: 'header', ticketId: uuidv7(), relatedTicketId: null }, ...over }),
      // An unknown category, no queue.
      (over) => mail({ from: stranger(4), defaultCategory: 'marketing', defaultQueueId: null, subject: '  ', attachments: [], ...over }),
    ];
    const alone = variants.map((variant) => variant({}));
    for (const data of alone) await single(data);
    const together = variants.map((variant) => variant({}));
    await batch(together);

    for (const [i, data] of together.entries()) {
      const expected = await written(await ticketOfMail(alone[i]!.mailId));
      const actual = await written(await ticketOfMail(data.mailId));
      expect(actual.chain.ok).toBe(true);
      expect(actual).toEqual(expected);
    }
    const opened = await Promise.all(together.map((data) => ticketOfMail(data.mailId)));
    expect(opened[0]).toMatchObject({ customerId: contact.customerId, contactId: contact.id, contractId: goldContractId });
    const numbers = opened.map((ticket) => Number(ticket.number.slice(2)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('chains replies and loop mail to an existing ticket in stream order, opens new tickets beside them, and records a mail once', async () => {
    const ticket = await tickets.create(agent, { summary: 'VPN', channel: 'phone', category: 'technical', contactId: contact.id, customerId: contact.customerId });
    await tickets.changeStatus(agent, ticket.id, { to: 'open' });
    await tickets.changeStatus(agent, ticket.id, { to: 'pending' });
    const earlier = mail({ from: stranger(5) });
    await single(earlier);
    const before = await ticketCount();

    const first = reply(ticket, { text: 'First answer.' });
    const fresh = mail({ from: stranger(6) });
    const outOfOffice = reply(ticket, { subject: 'Out of office', classification: { kind: 'auto_reply', autoAcknowledge: false, bounce: null } });
    const second = reply(ticket, { text: 'Second answer.' });
    const loopNowhere = mail({ classification: { kind: 'bulk', autoAcknowledge: false, bounce: null } });
    // The first reply again under a new event id (the gateway published it twice), and a mail recorded before this batch.
    await batch([first, fresh, outOfOffice, second, { ...first }, loopNowhere, { ...earlier }]);

    expect(await ticketCount()).toBe(before + 1);
    expect(await ticketsOfMail(earlier.mailId)).toHaveLength(1);
    expect((await log((await ticketOfMail(fresh.mailId)).id)).map((m) => m.purpose)).toEqual(['reply', 'auto_acknowledgement']);
    expect(await tickets.get(agent, { id: ticket.id })).toMatchObject({ status: 'open' });
    expect((await log(ticket.id)).map((m) => [m.audience, m.mailId])).toEqual([
      ['customer', first.mailId],
      ['internal', outOfOffice.mailId],
      ['customer', second.mailId],
    ]);
    const history = (await tickets.history(agent, ticket.id, { size: 100, token: '' })).items;
    expect(history.map((entry) => entry.kind)).toEqual(['created', 'status_changed', 'status_changed', 'status_changed', 'message_added', 'message_added', 'message_added']);
    expect(await chainOf(ticket.id)).toEqual({ ok: true, count: 7 });

    // The whole batch delivered again (a redelivery under new event ids): nothing changes.
    const count = await ticketCount();
    await batch([first, fresh, outOfOffice, second]);
    expect(await ticketCount()).toBe(count);
    expect(await log(ticket.id)).toHaveLength(3);
  });

  it('changes existing tickets as mail by mail does: status moves, reopening, messages, notes, history and events', async () => {
    const pendingTicket = async () => {
      const ticket = await tickets.create(agent, { summary: 'VPN', channel: 'phone', category: 'technical', contactId: contact.id, customerId: contact.customerId });
      await tickets.changeStatus(agent, ticket.id, { to: 'open' });
      await tickets.changeStatus(agent, ticket.id, { to: 'pending' });
      return ticket;
    };
    const closedTicket = async () => {
      const ticket = await tickets.create(agent, { summary: 'Printer', channel: 'phone', category: 'technical' });
      await tickets.changeStatus(agent, ticket.id, { to: 'resolved', resolution: { text: 'Toner replaced' } });
      await tickets.changeStatus(agent, ticket.id, { to: 'closed' });
      return ticket;
    };
    const mailsFor = (pending: Ticket, closed: Ticket) => [
      reply(pending, { text: 'First answer.', attachments: [logPart(LOG)] }),
      reply(pending, { subject: 'Automatic reply', classification: { kind: 'auto_reply', autoAcknowledge: false, bounce: null } }),
      reply(closed, { from: stranger(12), text: 'It is broken again.' }),
      reply(pending, { text: 'Second answer.', parseProblems: ['broken MIME boundary'] }),
      mail({ from: stranger(13), threading: { result: 'new', ticketId: null, relatedTicketId: null }, classification: { kind: 'bounce', autoAcknowledge: false, bounce: { outboundId: null, ticketId: closed.id, recipient: 'x@example.com', smtpReply: null } } }),
    ];
    const [alonePending, aloneClosed] = [await pendingTicket(), await closedTicket()];
    const [batchPending, batchClosed] = [await pendingTicket(), await closedTicket()];
    for (const data of mailsFor(alonePending, aloneClosed)) await single(data);
    await batch(mailsFor(batchPending, batchClosed));

    for (const [alone, together] of [[alonePending, batchPending], [aloneClosed, batchClosed]] as const) {
      const expected = await written(alone);
      const actual = await written(together);
      expect(actual.chain.ok).toBe(true);
      expect(actual).toEqual(expected);
    }
    expect(await tickets.get(agent, { id: batchPending.id })).toMatchObject({ status: 'open', version: 8 });
    expect((await tickets.get(agent, { id: batchClosed.id })).status).toBe('open');
  });

  it('keeps stream order on a ticket when a mail in the middle takes the step-by-step path (a link to it)', async () => {
    const ticket = await tickets.create(agent, { summary: 'VPN', channel: 'phone', category: 'technical', contactId: contact.id, customerId: contact.customerId });
    const cancelled = await tickets.create(agent, { summary: 'Old request', channel: 'phone', category: 'technical' });
    await tickets.changeStatus(agent, cancelled.id, { to: 'cancelled' });
    const before = reply(ticket, { text: 'Before the link.' });
    const newRequest = mail({ from: stranger(16) });
    const tagged = mail({ from: stranger(14), threading: { result: 'unknown_sender', ticketId: null, relatedTicketId: ticket.id } });
    const toCancelled = reply(cancelled, { from: stranger(15) });
    const after = reply(ticket, { text: 'After the link.' });
    await batch([before, newRequest, tagged, toCancelled, after]);

    const history = (await tickets.history(agent, ticket.id, { size: 100, token: '' })).items;
    expect(history.map((entry) => entry.kind)).toEqual(['created', 'message_added', 'linked', 'message_added']);
    expect(await chainOf(ticket.id)).toEqual({ ok: true, count: 4 });
    expect((await log(ticket.id)).map((m) => m.mailId)).toEqual([before.mailId, after.mailId]);
    const fromStranger = await ticketOfMail(tagged.mailId);
    expect(fromStranger.id).not.toBe(ticket.id);
    const fresh = await ticketOfMail(toCancelled.mailId);
    expect(fresh.id).not.toBe(cancelled.id);
    // Ticket numbers follow stream order across the step-by-step mails too.
    const numbers = await Promise.all([newRequest, tagged, toCancelled].map(async (m) => Number((await ticketOfMail(m.mailId)).number.slice(2))));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect((await tickets.history(agent, cancelled.id, { size: 100, token: '' })).items.map((entry) => entry.kind)).toEqual(['created', 'status_changed', 'linked']);
    const events = (await dataSource.query(`SELECT type FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticket.id])) as { type: string }[];
    expect(events.map((e) => e.type).slice(1)).toEqual(['helpdesk.ticket.message.added.v1', 'helpdesk.ticket.updated.v1', 'helpdesk.ticket.message.added.v1']);
  });

  it('writes nothing of a batch with a mail the database refuses; mail by mail the others go through once each', async () => {
    // A mail the database refuses, whatever path writes it (a stand-in for any failing mail).
    await dataSource.query(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN IF NEW.subject = 'poison' THEN RAISE EXCEPTION 'poison mail'; END IF; RETURN NEW; END $f$`);
    await dataSource.query(`CREATE TRIGGER refuse_poison BEFORE INSERT ON ticket_messages FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
    try {
      const good = [mail({ from: stranger(7) }), mail({ from: stranger(8) }), mail({ from: stranger(9) })];
      const poison = mail({ from: stranger(10), subject: 'poison' });
      const before = await ticketCount();
      await expect(batch([good[0]!, poison, good[1]!, good[2]!])).rejects.toThrow(/poison mail/);
      expect(await ticketCount()).toBe(before);

      expect(await deliverLikeRunner([good[0]!, poison, good[1]!, good[2]!])).toEqual([poison.mailId]);
      expect(await ticketCount()).toBe(before + 3);
      for (const data of good) expect(await ticketsOfMail(data.mailId)).toHaveLength(1);
      expect(await ticketsOfMail(poison.mailId)).toEqual([]);
      // The poison mail comes again with the next mails: that batch fails too, and again only the poison is left over.
      const next = mail({ from: stranger(11) });
      expect(await deliverLikeRunner([poison, next])).toEqual([poison.mailId]);
      expect(await ticketCount()).toBe(before + 4);
    } finally {
      await dataSource.query(`DROP TRIGGER refuse_poison ON ticket_messages`);
      await dataSource.query(`DROP FUNCTION refuse_poison()`);
    }
  });
});
