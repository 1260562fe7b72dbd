import type { CustomerScope } from '@helpdesk/auth';
import { ticketMessageAddedV1, type Actor } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import type { ChangeContext } from '../tickets/ticket-decisions';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';
import type { AddMessageInput, MessageRequest } from './message';
import { addMessage, bodyOf, messageRequestFor, systemMessageRequest, type NewMessage } from './message-addition';
import { sha256Hex } from './message-attachments';

const T0 = new Date('2026-11-23T10:15:00.000Z');
const T1 = new Date('2026-11-23T10:42:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const staff: CustomerScope = { kind: 'all' };
const CUSTOMER_ID = '01936a00-1111-7aaa-8bbb-000000000001';
const customer: CustomerScope = { kind: 'customer', customerId: CUSTOMER_ID, contactId: '01936a00-2222-7aaa-8bbb-000000000002' };
const ctx: ChangeContext = { now: T1, actor: agent, policy };
const MESSAGE_ID = '01936b2f-0000-7abc-8def-000000000011';
const PARENT_ID = '01936b2e-9a10-7b2c-8d3e-000000000010';

const ticket: Ticket = createTicket(
  { summary: 'VPN fails', channel: 'email', category: 'technical', customerId: CUSTOMER_ID },
  { id: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e', number: 'T-100234', now: T0, actor: agent, policy },
).ticket;

const base: AddMessageInput = { from: null, to: [], cc: [], subject: null, text: 'Hello', html: null, attachments: [], inReplyToMessageId: null };
const reply: AddMessageInput = { ...base, audience: 'customer', medium: 'email', direction: 'outbound', to: ['max@example.com'], subject: 'VPN' };

function codeOf(run: () => unknown): TicketErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error.code;
    throw error;
  }
  return undefined;
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error.field;
    throw error;
  }
  return undefined;
}

function draft(request: MessageRequest): NewMessage {
  return {
    id: MESSAGE_ID,
    request,
    body: bodyOf(request),
    attachments: [{ fileName: 'log.txt', contentType: 'text/plain', sizeBytes: 3, sha256: sha256Hex('abc'), inline: false, contentId: null }],
  };
}

describe('messageRequestFor', () => {
  it('requires staff to name audience, medium and direction', () => {
    expect(fieldOf(() => messageRequestFor(staff, { ...base, medium: 'note', direction: 'outbound' }))).toBe('audience');
    expect(fieldOf(() => messageRequestFor(staff, { ...base, audience: 'internal', direction: 'outbound' }))).toBe('medium');
    expect(fieldOf(() => messageRequestFor(staff, { ...base, audience: 'internal', medium: 'note' }))).toBe('direction');
    expect(messageRequestFor(staff, reply)).toMatchObject({ audience: 'customer', medium: 'email', direction: 'outbound', purpose: 'reply', mailId: null });
  });

  it('forces a customer\'s message to an inbound, customer-visible portal message without mail fields', () => {
    const request = messageRequestFor(customer, { ...reply, audience: 'internal', cc: ['x@example.com'], inReplyToMessageId: PARENT_ID });
    expect(request).toMatchObject({ audience: 'customer', medium: 'portal', direction: 'inbound', purpose: 'reply', from: null, to: [], cc: [], subject: null });
    expect(request.inReplyToMessageId).toBe(PARENT_ID);
  });

  it('requires a recipient on an outbound customer or supplier email, the mail gateway sends those', () => {
    expect(fieldOf(() => messageRequestFor(staff, { ...reply, to: [] }))).toBe('to');
    expect(fieldOf(() => messageRequestFor(staff, { ...reply, audience: 'supplier', to: [] }))).toBe('to');
    expect(codeOf(() => messageRequestFor(staff, { ...reply, audience: 'internal', to: [] }))).toBeUndefined();
    expect(codeOf(() => messageRequestFor(staff, { ...reply, direction: 'inbound', to: [] }))).toBeUndefined();
  });

  it('refuses mail fields on other media', () => {
    const phone: AddMessageInput = { ...base, audience: 'customer', medium: 'phone', direction: 'inbound' };
    expect(fieldOf(() => messageRequestFor(staff, { ...phone, to: ['a@example.com'] }))).toBe('to');
    expect(fieldOf(() => messageRequestFor(staff, { ...phone, from: 'a@example.com' }))).toBe('from');
    expect(fieldOf(() => messageRequestFor(staff, { ...phone, subject: 'Call' }))).toBe('subject');
  });
});

describe('systemMessageRequest', () => {
  const mail = { ...base, audience: 'customer', medium: 'email', direction: 'inbound', from: 'max@example.com' } as const;

  it('keeps purpose, mail id and call id, defaulting purpose to reply', () => {
    expect(systemMessageRequest({ ...mail, mailId: PARENT_ID })).toMatchObject({ purpose: 'reply', mailId: PARENT_ID, callId: null });
    const ack = systemMessageRequest({ ...mail, direction: 'outbound', to: ['max@example.com'], purpose: 'auto_acknowledgement' });
    expect(ack.purpose).toBe('auto_acknowledgement');
  });

  it('refuses a purpose other than reply inbound, a mail id off email and a call id off phone', () => {
    expect(fieldOf(() => systemMessageRequest({ ...mail, purpose: 'auto_acknowledgement' }))).toBe('purpose');
    expect(fieldOf(() => systemMessageRequest({ ...mail, callId: PARENT_ID }))).toBe('callId');
    expect(fieldOf(() => systemMessageRequest({ ...base, audience: 'internal', medium: 'phone', direction: 'inbound', mailId: PARENT_ID }))).toBe('mailId');
  });
});

describe('bodyOf', () => {
  it('refuses a message with neither text nor HTML, naming the field at fault', () => {
    expect(fieldOf(() => bodyOf({ text: ' ', html: null }))).toBe('text');
    expect(fieldOf(() => bodyOf({ text: '', html: '<script>alert(1)</script>' }))).toBe('html');
    expect(bodyOf({ text: '', html: '<p>Hi <b>there</b></p>' })).toEqual({ text: 'Hi there', html: '<p>Hi <b>there</b></p>' });
  });
});

describe('addMessage', () => {
  it('bumps the ticket version, writes a message_added entry with digests, and an event that validates against its contract', () => {
    const request = messageRequestFor(staff, { ...reply, html: '<p>Hello</p>' });
    const { decision, message } = addMessage(ticket, draft(request), null, staff, ctx);
    expect(decision.ticket).toMatchObject({ version: ticket.version + 1, updatedAt: T1, status: ticket.status });
    expect(message).toMatchObject({ id: MESSAGE_ID, ticketId: ticket.id, author: agent, text: 'Hello', html: '<p>Hello</p>', createdAt: T1 });

    expect(decision.history).toEqual([
      {
        kind: 'message_added',
        before: {},
        after: {
          messageId: MESSAGE_ID,
          audience: 'customer',
          medium: 'email',
          direction: 'outbound',
          purpose: 'reply',
          from: null,
          to: ['max@example.com'],
          cc: [],
          subject: 'VPN',
          textSha256: sha256Hex('Hello'),
          htmlSha256: sha256Hex('<p>Hello</p>'),
          attachments: [{ fileName: 'log.txt', contentType: 'text/plain', sizeBytes: 3, sha256: sha256Hex('abc') }],
          inReplyToMessageId: null,
          mailId: null,
          callId: null,
        },
      },
    ]);

    const [event] = decision.events;
    expect(decision.events).toHaveLength(1);
    expect(event?.type).toBe('helpdesk.ticket.message.added.v1');
    expect(event?.subject).toBe(ticket.id);
    expect(event?.time).toEqual(T1);
    expect(ticketMessageAddedV1.schema.parse(event?.data)).toEqual(event?.data);
    expect(event?.data).toMatchObject({ ticket: { version: ticket.version + 1 }, actor: agent, message: { messageId: MESSAGE_ID, to: ['max@example.com'], createdAt: T1.toISOString() } });
  });

  it('answers only a message of the same ticket the reader may see', () => {
    const staffReply = messageRequestFor(staff, { ...reply, inReplyToMessageId: PARENT_ID });
    expect(codeOf(() => addMessage(ticket, draft(staffReply), { id: PARENT_ID, audience: 'internal' }, staff, ctx))).toBeUndefined();
    expect(fieldOf(() => addMessage(ticket, draft(staffReply), null, staff, ctx))).toBe('inReplyToMessageId');

    const customerReply = messageRequestFor(customer, { ...base, inReplyToMessageId: PARENT_ID });
    expect(fieldOf(() => addMessage(ticket, draft(customerReply), { id: PARENT_ID, audience: 'internal' }, customer, ctx))).toBe('inReplyToMessageId');
    const ok = addMessage(ticket, draft(customerReply), { id: PARENT_ID, audience: 'customer' }, customer, ctx);
    expect(ok.message.inReplyToMessageId).toBe(PARENT_ID);
  });

  it('refuses closed tickets and a stale expected version', () => {
    const request = messageRequestFor(staff, reply);
    expect(codeOf(() => addMessage({ ...ticket, status: 'closed' }, draft(request), null, staff, ctx))).toBe('TICKET_CLOSED');
    expect(codeOf(() => addMessage(ticket, draft(request), null, staff, { ...ctx, expectedVersion: 9 }))).toBe('VERSION_CONFLICT');
  });
});
