import { status } from '@grpc/grpc-js';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { mailFailedV1, mailReceivedV1, mailSentV1, type MailFailedV1, type MailReceivedV1, type MailSentV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { FakeTicketFiles } from './support/fake-ticket-files';
import { collectEvents, type EventCollector } from './support/mail-events';
import { startMailGatewayApp, type MailGatewayApp } from './support/mail-gateway-app';
import { deliveryStatusNotification, outOfOffice } from './support/raw-mails';
import { FakeTicket } from './support/ticket-events';

const TO = 'support@helpdesk.test';
const header = (value: unknown) => String(value ?? '');

describe('threading, outbound mail and loops', () => {
  let app: MailGatewayApp;
  let received: EventCollector<MailReceivedV1>;
  let sent: EventCollector<MailSentV1>;
  let failed: EventCollector<MailFailedV1>;
  let ticket: FakeTicket;
  let ticketFiles: FakeTicketFiles;
  let ackMessageId: string;
  const byMessageId = (id: string) => received.find((m) => m.messageIdHeader === id);
  const sunk = async (to: string, count = 1) => {
    await expectEventually(() => expect(app.sink.to(to).length).toBeGreaterThanOrEqual(count), { timeoutMs: 60_000 });
    return app.sink.to(to)[count - 1]!;
  };

  beforeAll(async () => {
    ticketFiles = new FakeTicketFiles();
    app = await startMailGatewayApp('mail-threading', { MAIL_TICKET_GRPC_ADDRESS: await ticketFiles.start() });
    await app.createMailbox({ name: 'Helpdesk Support', address: TO, language: 'de' });
    received = collectEvents(app.nats, mailReceivedV1.type);
    sent = collectEvents(app.nats, mailSentV1.type);
    failed = collectEvents(app.nats, mailFailedV1.type);
    ticket = new FakeTicket(app, 'T-100001');
  });
  afterAll(async () => {
    for (const c of [received, sent, failed]) c.stop();
    await app.stop();
    await ticketFiles.stop();
  });

  it('sends the auto-acknowledgement of a new ticket in the mailbox language, tagged and threaded', async () => {
    await app.deliver({ from: 'Max <max@example.com>', to: TO, subject: 'VPN fails', text: 'Error 809', messageId: '<start@example.com>' });
    const mail = await byMessageId('start@example.com');
    await ticket.created(mail.mailId);
    const inbound = await ticket.inboundMail(mail.mailId, 'max@example.com');
    ackMessageId = await ticket.outbound('max@example.com', inbound, 'auto_acknowledgement', null, `[Ticket#${ticket.number}] VPN fails`);
    const ack = await sunk('max@example.com');
    expect(ack.parsed.subject).toBe('[Ticket#T-100001] VPN fails');
    expect(ack.parsed.from?.value[0]).toMatchObject({ address: TO, name: 'Helpdesk Support' });
    expect(ack.parsed.messageId).toMatch(/^<[0-9a-f-]+@helpdesk\.test>$/);
    expect(ack.parsed.inReplyTo).toBe('<start@example.com>');
    expect(header(ack.parsed.references)).toContain('<start@example.com>');
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.parsed.text).toContain('Ticketnummer T-100001');
    const delivery = await sent.find((e) => e.ticketMessageId === ackMessageId);
    expect(delivery).toMatchObject({ purpose: 'auto_acknowledgement', ticketId: ticket.ticketId, attempts: 1, smtpReply: { code: 250 } });
    expect(`<${delivery.messageIdHeader}>`).toBe(ack.parsed.messageId);
  });

  it('threads a reply to the acknowledgement by In-Reply-To, and a tagged mail from a participant by tag', async () => {
    const ack = await sunk('max@example.com');
    await app.deliver({ from: 'max@example.com', to: TO, subject: 'Re: [Ticket#T-100001] VPN fails', text: 'Still broken', messageId: '<reply-1@example.com>', inReplyTo: ack.parsed.messageId, references: [ack.parsed.messageId ?? ''] });
    expect((await byMessageId('reply-1@example.com')).threading).toEqual({ result: 'header', ticketId: ticket.ticketId, relatedTicketId: null });
    await app.deliver({ from: 'max@example.com', to: TO, subject: 'Another thing [Ticket#T-100001]', text: 'new client mail', messageId: '<tagged@example.com>' });
    expect((await byMessageId('tagged@example.com')).threading).toEqual({ result: 'tag', ticketId: ticket.ticketId, relatedTicketId: null });
  });

  it('counts the ticket\'s contact (from the directory) as a participant once the ticket names it', async () => {
    await ticket.contactChanged('boss@example.com');
    await expectEventually(async () => {
      const messageId = `<contact-${Date.now()}@example.com>`;
      await app.deliver({ from: 'boss@example.com', to: TO, subject: '[Ticket#T-100001] status?', text: 'any news?', messageId });
      expect((await byMessageId(messageId.slice(1, -1))).threading.result).toBe('tag');
    }, { timeoutMs: 30_000, intervalMs: 500 });
  });

  it('opens a new ticket linked to the old one for a valid tag from an unknown sender', async () => {
    await app.deliver({ from: 'mallory@evil.example', to: TO, subject: '[Ticket#T-100001] please add me', text: 'hi', messageId: '<forged@evil.example>' });
    const mail = await byMessageId('forged@evil.example');
    expect(mail.threading).toEqual({ result: 'unknown_sender', ticketId: null, relatedTicketId: ticket.ticketId });
    expect(mail.classification.autoAcknowledge).toBe(true);
  });

  it('records an auto-responder answering the acknowledgement but never grants it an acknowledgement', async () => {
    const ack = await sunk('max@example.com');
    const reply = outOfOffice('ooo-max@example.com', 'max@example.com', ack.parsed.subject ?? '').replace('Auto-Submitted', `In-Reply-To: ${ack.parsed.messageId}\r\nAuto-Submitted`);
    await app.deliver({ envelope: { from: 'max@example.com', to: [TO] }, raw: reply });
    const mail = await byMessageId('ooo-max@example.com');
    expect(mail.classification).toEqual({ kind: 'auto_reply', autoAcknowledge: false, bounce: null });
    expect(mail.threading.ticketId).toBe(ticket.ticketId);
  });

  it('retries a temporary SMTP error and reports a permanent one with the reply', async () => {
    app.sink.replyTo('slow@example.com', 451, '4.3.0 try again later', 1);
    const slow = await ticket.outbound('slow@example.com', null);
    expect(await sent.find((e) => e.ticketMessageId === slow)).toMatchObject({ attempts: 2 });
    app.sink.replyTo('gone@example.com', 550, '5.1.1 user unknown');
    const gone = await ticket.outbound('gone@example.com', null);
    expect(await failed.find((e) => e.ticketMessageId === gone)).toMatchObject({ failure: 'rejected', attempts: 1, smtpReply: { code: 550, enhancedStatus: '5.1.1' } });
  });

  it('attaches a bounce to the ticket of the bounced mail and marks that delivery failed', async () => {
    const reply = await ticket.outbound('bouncing@example.com', null);
    const accepted = await sent.find((e) => e.ticketMessageId === reply);
    await app.deliver({ envelope: { from: '', to: [TO] }, raw: deliveryStatusNotification('dsn-1@mx.example.com', accepted.messageIdHeader, 'bouncing@example.com') });
    const dsn = await byMessageId('dsn-1@mx.example.com');
    expect(dsn.classification).toEqual({
      kind: 'bounce',
      autoAcknowledge: false,
      bounce: { outboundId: accepted.outboundId, ticketId: ticket.ticketId, recipient: 'bouncing@example.com', smtpReply: expect.objectContaining({ code: 550, enhancedStatus: '5.1.1' }) },
    });
    expect(await failed.find((e) => e.outboundId === accepted.outboundId)).toMatchObject({ failure: 'bounced', bounceMailId: dsn.mailId });
    const { delivery } = await app.mail.call<{ delivery: { status: string; lastReplyCode: number } }>('GetOutboundDelivery', { outboundId: accepted.outboundId }, app.tokens.agent);
    expect(delivery).toMatchObject({ status: 'DELIVERY_STATUS_FAILED', lastReplyCode: 550 });
    await expect(app.mail.call('GetOutboundDelivery', { outboundId: dsn.mailId }, app.tokens.agent)).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('mails SLA escalation recipients a notification', async () => {
    await ticket.escalated([{ role: 'queue_lead', agentId: null, displayName: 'Jonas Weber', email: 'jonas@helpdesk.test' }]);
    const note = await sunk('jonas@helpdesk.test');
    expect(note.parsed.subject).toMatch(/^\[Ticket#T-100001\] Eskalationsstufe 2: VPN fails$/);
    expect(note.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(note.parsed.text).toContain('Hallo Jonas Weber');
  });

  it('sends an agent\'s attachment fetched from the ticket service, and fails a mail whose file nobody has', async () => {
    const pdf = Buffer.from('%PDF-1.4 manual');
    const sha256 = ticketFiles.put(pdf);
    const ref = { fileName: 'manual.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, sha256, inline: false, contentId: null };
    const withFile = await ticket.message({ direction: 'outbound', medium: 'email', audience: 'customer', purpose: 'reply', to: ['files@example.com'], cc: [], subject: 'Manual', text: 'see attached', attachments: [ref] });
    await sent.find((e) => e.ticketMessageId === withFile);
    const [attachment] = (await sunk('files@example.com')).parsed.attachments;
    expect(attachment).toMatchObject({ filename: 'manual.pdf', contentType: 'application/pdf' });
    expect(attachment?.content.equals(pdf)).toBe(true);
    expect(ticketFiles.authorizations[0]).toMatch(/^Bearer /);
    const lost = { ...ref, fileName: 'lost.pdf', sha256: 'f'.repeat(64) };
    const withoutFile = await ticket.message({ direction: 'outbound', medium: 'email', audience: 'customer', purpose: 'reply', to: ['files@example.com'], cc: [], subject: 'Lost', text: 'x', attachments: [lost] });
    expect(await failed.find((e) => e.ticketMessageId === withoutFile)).toMatchObject({ failure: 'invalid', smtpReply: null });
  });

  it('keeps a queued mail across a restart and sends it once', async () => {
    app.sink.replyTo('later@example.com', 451, '4.3.0 greylisted', 1);
    const messageId = await ticket.outbound('later@example.com', null);
    const dataSource = app.service.app.get<DataSource>(DATA_SOURCE);
    await expectEventually(async () => {
      const rows: { status: string; attempts: number }[] = await dataSource.query(`SELECT status, attempts FROM outbound_mails WHERE ticket_message_id = $1`, [messageId]);
      expect(rows[0]).toEqual({ status: 'queued', attempts: 1 });
    }, { timeoutMs: 30_000 });
    app = await app.restart();
    expect(await sent.find((e) => e.ticketMessageId === messageId)).toMatchObject({ attempts: 2 });
    // A later mail going out proves the sender has moved on; the restarted mail went out once.
    const sentinel = await ticket.outbound('sentinel@example.com', null);
    await sent.find((e) => e.ticketMessageId === sentinel);
    expect(app.sink.to('later@example.com')).toHaveLength(1);
    expect(sent.all.filter((e) => e.ticketMessageId === messageId)).toHaveLength(1);
  });
});
