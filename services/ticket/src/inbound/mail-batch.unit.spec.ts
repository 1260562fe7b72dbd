import { mailReceivedV1, type MailReceivedV1 } from '@helpdesk/contracts';
import { verifyChain } from '../history/history-chain';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import { decideMailAppend } from './mail-append';
import { bodyLimitedParts, freshMails, mailBatchStep, pointedTicketIds } from './mail-batch';
import { MAIL_HANDLER_ACTOR, type MailPlanContext } from './mail-intake';
import { decideMailOpening } from './mail-opening';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const policy = { categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };
const ctx: MailPlanContext = { now: NOW, policy, autoAcknowledge: true };
const TICKET_ID = '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e';
const OTHER_ID = '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9f';
let ids = 0;
const newId = () => `01936b2e-0000-7000-8000-${String((ids += 1)).padStart(12, '0')}`;

const mail = (mailId: string, over: Partial<MailReceivedV1> = {}): MailReceivedV1 => ({ ...mailReceivedV1.example, mailId, ...over });
const threaded = (mailId: string, over: Partial<MailReceivedV1> = {}) => mail(mailId, { threading: { result: 'header', ticketId: TICKET_ID, relatedTicketId: null }, ...over });

function ticketIn(status: Ticket['status'], id = TICKET_ID): Ticket {
  const created = createTicket({ summary: 'VPN', channel: 'email', category: 'technical' }, { id, number: 'T-100234', now: NOW, actor: MAIL_HANDLER_ACTOR, policy }).ticket;
  return { ...created, status };
}

describe('mail batches', () => {
  it('keeps each mail id once, in stream order, and none recorded before', () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const fresh = freshMails([mail(a), mail(b), mail(a, { subject: 'again' }), mail(c), mail(b)], new Set([c]));
    expect(fresh.map((m) => [m.mailId, m.subject])).toEqual([
      [a, mailReceivedV1.example.subject],
      [b, mailReceivedV1.example.subject],
    ]);
  });

  it('names every ticket a batch points at once: threads, bounced mails\' tickets and tagged tickets', () => {
    const bounce = mail(newId(), { classification: { kind: 'bounce', autoAcknowledge: false, bounce: { outboundId: null, ticketId: OTHER_ID, recipient: 'a@example.com', smtpReply: null } } });
    const tagged = mail(newId(), { threading: { result: 'unknown_sender', ticketId: null, relatedTicketId: TICKET_ID } });
    expect(pointedTicketIds([threaded(newId()), bounce, tagged, mail(newId())])).toEqual([TICKET_ID, OTHER_ID]);
  });

  it('opens, appends, takes the step-by-step path or skips as planMail decides', () => {
    const held = (ticket: Ticket | null) => (id: string) => (ticket && ticket.id === id ? ticket : null);
    expect(mailBatchStep(mail(newId()), held(null), ctx)).toEqual({ kind: 'open', acknowledge: true });
    expect(mailBatchStep(threaded(newId()), held(ticketIn('pending')), ctx)).toEqual({ kind: 'append', ticketId: TICKET_ID, plan: { audience: 'customer', statusTo: 'open' } });
    expect(mailBatchStep(threaded(newId()), held(ticketIn('cancelled')), ctx)).toEqual({ kind: 'one_by_one' });
    const tagged = mail(newId(), { threading: { result: 'unknown_sender', ticketId: null, relatedTicketId: TICKET_ID } });
    expect(mailBatchStep(tagged, held(ticketIn('open')), ctx)).toEqual({ kind: 'one_by_one' });
    const bulk = mail(newId(), { classification: { kind: 'bulk', autoAcknowledge: false, bounce: null } });
    expect(mailBatchStep(bulk, held(null), ctx)).toMatchObject({ kind: 'skip' });
  });

  it('decides a mail-opened ticket with its messages and an intact chain without reads; the acknowledgement answers the mail', () => {
    const data = mail(newId(), { parseProblems: ['unknown charset'] });
    const opening = decideMailOpening(data, { ticketId: TICKET_ID, number: 'T-100300', contact: null, contractId: null, acknowledge: true, now: NOW, actor: MAIL_HANDLER_ACTOR, policy, newId });
    expect(opening.ticket).toMatchObject({ id: TICKET_ID, number: 'T-100300', version: 4, status: 'new', contactId: null });
    const [inbound, note, ack] = opening.messages.map(({ message }) => message);
    expect([inbound?.audience, note?.medium, ack?.purpose]).toEqual(['customer', 'system', 'auto_acknowledgement']);
    expect(ack?.inReplyToMessageId).toBe(inbound?.id);
    expect(opening.messages[0]?.references).toHaveLength(data.attachments.length);
    expect(verifyChain(opening.history)).toEqual({ ok: true, count: 4 });
    expect(opening.events.map((e) => e.type)).toEqual(['helpdesk.ticket.created.v1', ...Array(3).fill('helpdesk.ticket.message.added.v1')]);
  });

  it('chains appends on a held ticket one after the other; only the first answer to a pending ticket moves it', () => {
    const opened = decideMailOpening(mail(newId()), { ticketId: TICKET_ID, number: 'T-1', contact: null, contractId: null, acknowledge: false, now: NOW, actor: MAIL_HANDLER_ACTOR, policy, newId });
    const pending = { ticket: { ...opened.ticket, status: 'pending' as const }, last: opened.history.at(-1) };
    const rules = { contact: null, now: NOW, actor: MAIL_HANDLER_ACTOR, policy, newId };
    const first = decideMailAppend(pending, threaded(newId()), { audience: 'customer', statusTo: 'open' }, rules);
    const step = mailBatchStep(threaded(newId()), (id) => (id === TICKET_ID ? first.held.ticket : null), ctx);
    expect(step).toEqual({ kind: 'append', ticketId: TICKET_ID, plan: { audience: 'customer', statusTo: null } });
    const second = decideMailAppend(first.held, threaded(newId()), { audience: 'customer', statusTo: null }, rules);
    expect(second.held.ticket).toMatchObject({ status: 'open', version: opened.ticket.version + 3 });
    expect(verifyChain([...opened.history, ...first.history, ...second.history])).toEqual({ ok: true, count: 5 });
    expect(first.history.map((e) => e.kind)).toEqual(['status_changed', 'message_added']);
  });
});

describe('bodyLimitedParts', () => {
  it('cuts a batch into consecutive parts under the text limit, at least one mail each', () => {
    const sized = (chars: number) => mail(newId(), { text: 'x'.repeat(chars), html: null });
    const [a, b, c, d] = [sized(40), sized(50), sized(200), sized(10)];
    expect(bodyLimitedParts([a, b, c, d], 100).map((part) => part.map((m) => m.text.length))).toEqual([[40, 50], [200], [10]]);
    expect(bodyLimitedParts([], 100)).toEqual([]);
  });
});
