import { EVENT_REGISTRY, mailReceivedV1 } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7 } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { verifyChain } from '../history/history-chain';
import { HistoryRepository } from '../history/history.repository';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { Ticket } from '../tickets/ticket';
import { InboundTickets, type InboundTransaction } from './inbound-tickets.service';
import type { InboundSettings } from './inbound-settings';
import { MAIL_HANDLER_ACTOR, autoAcknowledgement, mailAuthor, mailMessageInput, mailTicketInput } from './mail-intake';

/**
 * `openWithMessages` (the mail consumer's fast path for a new ticket) must write exactly what
 * `open` followed by `addMessage` per message writes: the same ticket version and fields, the
 * same history (an intact chain) and the same events — only in fewer statements.
 */
describe('InboundTickets.openWithMessages (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  const now = new Date('2026-11-24T08:00:00.000Z');
  const policy = { categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };
  const settings: InboundSettings = { policy, numberPrefix: 'T-', attachmentMaxBytes: 1024 * 1024, callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 }, autoAcknowledge: true };
  const inbound = new InboundTickets(settings, MAIL_HANDLER_ACTOR);

  beforeAll(async () => {
    db = await createTestDatabase('inbound-open-with-messages');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const inTx = <T>(work: (tx: InboundTransaction) => Promise<T>) => withTransaction(dataSource, (manager: EntityManager) => work({ manager, outbox: publisher.in(manager) }));

  /** What a ticket's rows and events say, with the generated ids, numbers and hashes taken out. */
  const written = async (ticket: Ticket) => {
    const anonymise = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value)
          .replaceAll(ticket.number, '<number>')
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
          // Hashes cover the ids and the number (the acknowledgement's text names it); the texts are compared as such.
          .replace(/"(hash|prevHash|textSha256)":"[0-9a-f]+"/g, '"$1":"<hash>"'),
      ) as unknown;
    const history = await new HistoryRepository().all(dataSource.manager, ticket.id);
    const [row] = (await dataSource.query(`SELECT version, status, summary, updated_at FROM tickets WHERE id = $1`, [ticket.id])) as unknown[];
    const messages = await dataSource.query(`SELECT audience, direction, purpose, subject, body_text, mail_id, author, in_reply_to_message_id IS NOT NULL AS replies FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at, id`, [ticket.id]);
    const events = (await dataSource.query(`SELECT type, envelope->'data' AS data FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticket.id])) as unknown[];
    return { chain: verifyChain(history), ticket: anonymise(row), history: anonymise(history), messages: anonymise(messages), events: anonymise(events) };
  };

  it('writes the same ticket, messages, history and events as open followed by addMessage', async () => {
    // Two copies of one mail (the mail id is unique per message), one for each path.
    const [mail, copy] = [{ ...mailReceivedV1.example, mailId: uuidv7() }, { ...mailReceivedV1.example, mailId: uuidv7() }];
    const input = mailTicketInput(mail, null, policy);
    const author = mailAuthor(mail, null);
    const stepByStep = await inTx(async (tx) => {
      const ticket = await inbound.open(tx, input, now);
      const message = await inbound.addMessage(tx, ticket.id, mailMessageInput(mail, 'customer'), now, author);
      await inbound.addMessage(tx, ticket.id, autoAcknowledgement(mail, ticket.number, message.id), now);
      return ticket;
    });
    const combined = await inTx((tx) =>
      inbound.openWithMessages(tx, mailTicketInput(copy, null, policy), now, async (ticket, post) => {
        const message = await post(mailMessageInput(copy, 'customer'), mailAuthor(copy, null));
        await post(autoAcknowledgement(copy, ticket.number, message.id));
      }),
    );

    const expected = await written(stepByStep);
    const actual = await written(combined);
    expect(expected.chain).toEqual({ ok: true, count: 3 });
    expect(actual.chain).toEqual({ ok: true, count: 3 });
    expect(actual).toEqual(expected);
    expect(combined.version).toBe((expected.ticket as { version: number }).version);
  });
});
