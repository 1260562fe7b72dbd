import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { systemMessageRequest } from '../messages/message-addition';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import {
  MAIL_HANDLER_ACTOR,
  autoAcknowledgement,
  mailAuthor,
  mailMessageInput,
  mailTicketInput,
  parseProblemsNote,
  planMail,
  threadTicketId,
  type MailPlanContext,
} from './mail-intake';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;
const policy = { categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };
const ctx: MailPlanContext = { now: NOW, policy, autoAcknowledge: true };
const TICKET_ID = '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e';
const OTHER_ID = '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9f';

const mail = (over: Partial<MailReceivedV1> = {}): MailReceivedV1 => ({ ...mailReceivedV1.example, ...over });
const threaded = (over: Partial<MailReceivedV1> = {}) => mail({ threading: { result: 'header', ticketId: TICKET_ID, relatedTicketId: null }, ...over });
const loop = (kind: MailReceivedV1['classification']['kind']): MailReceivedV1['classification'] => ({ kind, autoAcknowledge: false, bounce: null });

function ticketIn(status: Ticket['status'], closedAt: Date | null = null, id = TICKET_ID): Ticket {
  const created = createTicket({ summary: 'VPN', channel: 'email', category: 'technical' }, { id, number: 'T-100234', now: NOW, actor: MAIL_HANDLER_ACTOR, policy }).ticket;
  return { ...created, status, closedAt };
}

describe('planMail', () => {
  it('opens an acknowledged ticket for a new regular mail, unacknowledged when the gateway or the configuration says no', () => {
    expect(planMail(mail(), { thread: null, related: null }, ctx)).toEqual({ kind: 'new_ticket', related: null, acknowledge: true });
    const limited = mail({ classification: { kind: 'regular', autoAcknowledge: false, bounce: null } });
    expect(planMail(limited, { thread: null, related: null }, ctx)).toMatchObject({ kind: 'new_ticket', acknowledge: false });
    expect(planMail(mail(), { thread: null, related: null }, { ...ctx, autoAcknowledge: false })).toMatchObject({ acknowledge: false });
  });

  it('appends a reply as a customer message; pending goes back to open, resolved and recently closed reopen', () => {
    for (const status of ['new', 'open', 'in_progress'] as const) {
      expect(planMail(threaded(), { thread: ticketIn(status), related: null }, ctx)).toEqual({ kind: 'append', ticketId: TICKET_ID, audience: 'customer', statusTo: null });
    }
    expect(planMail(threaded(), { thread: ticketIn('pending'), related: null }, ctx)).toMatchObject({ kind: 'append', statusTo: 'open' });
    expect(planMail(threaded(), { thread: ticketIn('resolved'), related: null }, ctx)).toMatchObject({ kind: 'append', statusTo: 'open' });
    const closedRecently = ticketIn('closed', new Date(NOW.getTime() - 14 * DAY));
    expect(planMail(threaded(), { thread: closedRecently, related: null }, ctx)).toMatchObject({ kind: 'append', statusTo: 'open' });
  });

  it('opens a new ticket related to a cancelled ticket or one closed beyond the reopen window', () => {
    const closedLongAgo = ticketIn('closed', new Date(NOW.getTime() - 14 * DAY - 1));
    expect(planMail(threaded(), { thread: closedLongAgo, related: null }, ctx)).toEqual({ kind: 'new_ticket', related: closedLongAgo, acknowledge: true });
    const cancelled = ticketIn('cancelled', NOW);
    expect(planMail(threaded(), { thread: cancelled, related: null }, ctx)).toMatchObject({ kind: 'new_ticket', related: cancelled });
    const noReopening = { ...ctx, policy: { ...policy, reopenWindowDays: 0 } };
    expect(planMail(threaded(), { thread: ticketIn('closed', NOW), related: null }, noReopening)).toMatchObject({ kind: 'new_ticket' });
  });

  it('links an unknown sender\'s mail to the tagged ticket, and opens a new ticket when the threaded ticket is unknown here', () => {
    const related = ticketIn('open', null, OTHER_ID);
    const unknownSender = mail({ threading: { result: 'unknown_sender', ticketId: null, relatedTicketId: OTHER_ID } });
    expect(planMail(unknownSender, { thread: null, related }, ctx)).toEqual({ kind: 'new_ticket', related, acknowledge: true });
    expect(planMail(threaded(), { thread: null, related: null }, ctx)).toMatchObject({ kind: 'new_ticket', related: null });
  });

  it('records loop mail internally on a changeable ticket without touching its status, and drops it otherwise', () => {
    for (const kind of ['auto_reply', 'bounce', 'list', 'bulk'] as const) {
      const looped = threaded({ classification: loop(kind) });
      expect(planMail(looped, { thread: ticketIn('pending'), related: null }, ctx)).toEqual({ kind: 'append', ticketId: TICKET_ID, audience: 'internal', statusTo: null });
      expect(planMail(looped, { thread: null, related: null }, ctx)).toMatchObject({ kind: 'drop' });
      expect(planMail(looped, { thread: ticketIn('closed', NOW), related: null }, ctx)).toMatchObject({ kind: 'drop' });
    }
    expect(planMail(mail({ classification: loop('auto_reply') }), { thread: null, related: null }, ctx)).toEqual({ kind: 'drop', reason: 'auto reply mail threading to no ticket' });
  });
});

describe('threadTicketId', () => {
  it('takes the threaded ticket for header and tag, none for new mail, and the bounced mail\'s ticket for a bounce', () => {
    expect(threadTicketId(threaded())).toBe(TICKET_ID);
    expect(threadTicketId(mail())).toBeNull();
    expect(threadTicketId(mail({ threading: { result: 'unknown_sender', ticketId: null, relatedTicketId: OTHER_ID } }))).toBeNull();
    const bounce = { outboundId: null, ticketId: OTHER_ID, recipient: 'max@example.com', smtpReply: null };
    expect(threadTicketId(mail({ classification: { kind: 'bounce', autoAcknowledge: false, bounce } }))).toBe(OTHER_ID);
  });
});

describe('mail content', () => {
  const contact = { id: '01936a00-2222-7aaa-8bbb-000000000002', customerId: '01936a00-1111-7aaa-8bbb-000000000001', displayName: 'Max Mustermann' };

  it('opens the ticket with the mailbox\'s category and queue and the sender\'s contact, falling back to other', () => {
    expect(mailTicketInput(mail(), contact, policy)).toEqual({
      summary: 'VPN connection fails with error 809',
      description: mailReceivedV1.example.text,
      channel: 'email',
      category: 'technical',
      queueId: mailReceivedV1.example.defaultQueueId,
      customerId: contact.customerId,
      contactId: contact.id,
      mailId: mailReceivedV1.example.mailId,
    });
    expect(mailTicketInput(mail({ defaultCategory: 'marketing' }), null, policy)).toMatchObject({ category: 'other', customerId: null, contactId: null });
    expect(mailTicketInput(mail({ defaultCategory: null, subject: '  ', text: '\n  Printer jam\nsecond line' }), null, policy).summary).toBe('Printer jam');
  });

  it('makes the mail an inbound email message whose attachments are references to the mail gateway\'s parts', () => {
    const input = mailMessageInput(mail(), 'customer');
    expect(input).toMatchObject({ audience: 'customer', medium: 'email', direction: 'inbound', from: 'max.mustermann@example.com', to: ['support@helpdesk.example.com'], mailId: mailReceivedV1.example.mailId });
    expect(input.attachments).toEqual([]);
    const [attachment] = mailReceivedV1.example.attachments;
    expect(input.attachmentReferences).toEqual([
      { ref: { fileName: 'vpn-log.txt', contentType: 'text/plain', sizeBytes: 18234, sha256: attachment?.sha256, inline: false, contentId: null }, origin: { mailId: mailReceivedV1.example.mailId, partId: '2' } },
    ]);
    expect(() => systemMessageRequest(input)).not.toThrow();
    expect(mailMessageInput(mail({ text: '', html: null }), 'customer').text).toBe('(The mail has no text.)');
    expect(mailMessageInput(mail({ text: '', html: '<p>Hi</p>' }), 'customer').text).toBe('');
  });

  it('names the author by contact, or by the sender when the directory does not know it', () => {
    expect(mailAuthor(mail(), contact)).toEqual({ kind: 'contact', id: contact.id, displayName: 'Max Mustermann' });
    expect(mailAuthor(mail({ from: { address: 'x@example.com', name: null } }), null)).toEqual({ kind: 'contact', id: null, displayName: 'x@example.com' });
  });

  it('acknowledges to the Reply-To address with the ticket tag in the subject, answering the inbound message', () => {
    const inboundId = '01936b2f-0000-7abc-8def-000000000011';
    const ack = autoAcknowledgement(mail({ replyTo: { address: 'helpdesk@customer.example', name: null } }), 'T-100234', inboundId);
    expect(ack).toMatchObject({
      audience: 'customer',
      medium: 'email',
      direction: 'outbound',
      purpose: 'auto_acknowledgement',
      to: ['helpdesk@customer.example'],
      subject: '[Ticket#T-100234] VPN connection fails with error 809',
      inReplyToMessageId: inboundId,
    });
    expect(ack.text).toContain('Hello Max Mustermann,');
    expect(ack.text).toContain('ticket T-100234');
    expect(() => systemMessageRequest(ack)).not.toThrow();
    expect(autoAcknowledgement(mail(), 'T-1', inboundId).to).toEqual(['max.mustermann@example.com']);
  });

  it('notes parse problems internally, and nothing when parsing was clean', () => {
    expect(parseProblemsNote(mail())).toBeNull();
    const note = parseProblemsNote(mail({ parseProblems: ['unknown charset x-mac-roman in part 1'] }));
    expect(note).toMatchObject({ audience: 'internal', medium: 'system', direction: 'inbound' });
    expect(note?.text).toContain('- unknown charset x-mac-roman in part 1');
    expect(() => systemMessageRequest(note ?? mailMessageInput(mail(), 'internal'))).not.toThrow();
  });
});
