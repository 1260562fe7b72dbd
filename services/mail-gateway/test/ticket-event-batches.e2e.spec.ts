import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { DATA_SOURCE } from '@helpdesk/runtime';
import { expectEventually } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';
import { FakeTicket } from './support/ticket-events';

const TO = 'support@helpdesk.test';
const header = (value: unknown) => String(value ?? '');

/**
 * The read-model and outbound consumers write a whole batch of ticket events at once
 * (TicketMailBatch, OutboundQueue.queueTicketMessages): the events are published while the
 * gateway is stopped, so that it takes them as one batch when it starts, and the result must be
 * the one of applying them one by one — mailbox and first mail per ticket, the newest snapshot,
 * thread entries, participants, and In-Reply-To of a reply to a mail queued in the same batch.
 */
describe('ticket events taken as one batch', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  const byMessageId = (id: string) => received.find((m) => m.messageIdHeader === id);
  const sunk = async (to: string, count = 1) => {
    await expectEventually(() => expect(app.sink.to(to).length).toBeGreaterThanOrEqual(count), { timeoutMs: 60_000 });
    return app.sink.to(to).slice(0, count);
  };

  beforeAll(async () => {
    app = await startMailGatewayApp('mail-event-batches');
    await app.createMailbox({ name: 'Helpdesk Support', address: TO, language: 'en' });
    received = collectEvents(app.nats, mailReceivedV1.type);
  });
  afterAll(async () => {
    received.stop();
    await app.stop();
  });

  it('threads, tags and answers as if the events had come one by one', async () => {
    const senders = ['anna@example.com', 'ben@example.com', 'cleo@example.com'];
    const mails: MailReceivedV1[] = [];
    for (const [i, from] of senders.entries()) {
      await app.deliver({ from, to: TO, cc: `colleague${i}@example.com`, subject: `Printer ${i}`, text: 'Jammed', messageId: `<batch-${i}@example.com>` });
      mails.push(await byMessageId(`batch-${i}@example.com`));
    }
    const tickets = senders.map((_, i) => new FakeTicket(app, `T-20000${i}`, `Printer ${i}`));
    const replies: string[] = [];
    app = await app.restart({}, async () => {
      for (const [i, ticket] of tickets.entries()) {
        await ticket.created(mails[i]!.mailId);
        const inbound = await ticket.inboundMail(mails[i]!.mailId, senders[i]!);
        const ack = await ticket.outbound(senders[i]!, inbound, 'auto_acknowledgement', null, `[Ticket#${ticket.number}] Printer ${i}`);
        // Answers the acknowledgement queued in the same batch.
        replies.push(await ticket.outbound(senders[i]!, ack, 'reply', null, `Re: Printer ${i}`));
      }
    });
    for (const [i, from] of senders.entries()) {
      // The sender may send them in either order.
      const both = await sunk(from, 2);
      const ack = both.find((m) => m.parsed.subject === `[Ticket#T-20000${i}] Printer ${i}`);
      const reply = both.find((m) => m.parsed.subject === `[Ticket#T-20000${i}] Re: Printer ${i}`);
      expect(ack!.parsed.from?.value[0]).toMatchObject({ address: TO, name: 'Helpdesk Support' });
      expect(ack!.parsed.inReplyTo).toBe(`<batch-${i}@example.com>`);
      expect(header(ack!.parsed.references)).toContain(`<batch-${i}@example.com>`);
      expect(reply!.parsed.inReplyTo).toBe(ack!.parsed.messageId);
      // (The root in References comes from ticket.created, another consumer that may run later.)
      expect(header(reply!.parsed.references)).toContain(ack!.parsed.messageId);
    }
    const rows: { number: string; version: number; mail_id: string | null; mailbox_id: string | null }[] = await app.service.app.get<DataSource>(DATA_SOURCE).query(
      `SELECT number, version, mail_id, mailbox_id FROM mail_tickets WHERE ticket_id = ANY($1::uuid[]) ORDER BY number`,
      [tickets.map((t) => t.ticketId)],
    );
    // Created at version 1, then three messages: the newest snapshot is held, with its first mail.
    expect(rows.map((r) => [r.number, r.version, r.mail_id])).toEqual(tickets.map((t, i) => [t.number, 4, mails[i]!.mailId]));
    expect(rows.every((r) => r.mailbox_id !== null)).toBe(true);
    // The colleague on Cc takes part: a tagged mail of theirs threads by tag, not as an unknown sender.
    await app.deliver({ from: 'colleague1@example.com', to: TO, subject: `Still [Ticket#T-200001]`, text: 'Again', messageId: '<tagged-1@example.com>' });
    expect((await byMessageId('tagged-1@example.com')).threading).toEqual({ result: 'tag', ticketId: tickets[1]!.ticketId, relatedTicketId: null });
    // The mail's Message-ID maps to its ticket: an answer to it threads by header.
    await app.deliver({ from: 'someone@example.com', to: TO, subject: 'Re: Printer 2', text: 'Same here', messageId: '<answer-2@example.com>', inReplyTo: '<batch-2@example.com>' });
    expect((await byMessageId('answer-2@example.com')).threading).toEqual({ result: 'header', ticketId: tickets[2]!.ticketId, relatedTicketId: null });
    expect(replies).toHaveLength(3);
  });
});
