import { randomBytes, randomUUID } from 'node:crypto';
import { expectEventually } from '@helpdesk/testing';
import { createTransport } from 'nodemailer';
import { startSecuredNats, type SecuredNats } from '../../deploy/test/support/secured-nats';
import { connectClients, signTokens, type Clients, type Tokens } from '../support/clients';
import { ConsumerWatch } from '../support/consumers-drained';
import { ExternalSubscriber, traceIdOf, type SeenEvent } from '../support/external-subscriber';
import { startPlatform, type Platform } from '../support/platform';
import { createServiceDesk, GOLD_NORMAL_TARGETS, GOLD_PLAN, type ServiceDesk } from '../support/service-desk';
import { SmtpSink } from '../support/smtp-sink';
import { expectedStatement, type ExpectedLine } from '../support/expected-statement';
import { sendCti } from '../support/cti-webhook';

interface Ticket { id: string; number: string; status: string; customerId: string; contactId: string; contractId: string; priority: string }
interface SlaClock { clockId: string; target: string; policyId: string; state: string; targetSeconds: string; metAt?: unknown; breachedAt?: unknown }
interface WorkEntry { id: string; activityType: string; durationMinutes: number; callId: string; voided?: boolean }
interface Line { kind: string; ticketId: string; activityType: string; quantity: string; amount: { amountMinor: string }; rawMinutes: number; roundedMinutes: number; quotaMinutesApplied: number; sourceItems: { source: string; sourceId: string }[] }
interface Statement { statementNumber: string; customerId: string; lines: Line[]; netTotal: { amountMinor: string }; taxTotal: { amountMinor: string }; grossTotal: { amountMinor: string } }

// Generous: CI runs every project's tests at once on two cores.
const EVENTUALLY = { timeoutMs: 90_000, intervalMs: 250 };

jest.setTimeout(240_000);

/**
 * The whole platform, every service its own process with its own database and NATS user, and a
 * customer's journey through real protocols only: SMTP in, gRPC, the CTI webhook, SMTP out to a
 * sink, and an external system on the read-only NATS account. See e2e/README.md.
 */
describe('a customer journey through the whole platform', () => {
  let nats: SecuredNats;
  let sink: SmtpSink;
  let platform: Platform;
  let clients: Clients;
  let tokens: Tokens;
  let desk: ServiceDesk;
  let subscriber: ExternalSubscriber;
  let consumers: ConsumerWatch;
  const agentId = randomUUID();
  const pbxTraceId = randomBytes(16).toString('hex');

  // What the journey learns on its way.
  let ticket: Ticket;
  let customerMessageId: string;
  let callId: string;
  let talkSeconds: number;
  let agentEntryId: string;
  let statement: Statement;

  beforeAll(async () => {
    nats = await startSecuredNats();
    sink = new SmtpSink();
    const relayPort = await sink.start();
    subscriber = await ExternalSubscriber.connect(nats.url, nats.creds('subscriber'));
    consumers = await ConsumerWatch.connect(nats.url, nats.creds('ops'));
    platform = await startPlatform({ nats, smtpRelayPort: relayPort });
    clients = connectClients(platform);
    tokens = await signTokens(agentId);
    desk = await createServiceDesk(clients, tokens, agentId);
    // The gateways and the SLA service know the directory before the first customer writes.
    await consumers.drained(120_000);
  }, 420_000);

  afterAll(async () => {
    // E2E_SERVICE_LOGS=1 prints the last lines each service wrote (LOG_LEVEL warn), to see why a step failed.
    if (process.env['E2E_SERVICE_LOGS'] === '1') for (const service of Object.values(platform?.services ?? {})) console.log(service.output());
    clients?.close();
    await subscriber?.close();
    await consumers?.close();
    await platform?.stop();
    await sink?.close();
    await nats?.stop();
  }, 120_000);

  const onTicket = (e: SeenEvent) => e.subject === ticket?.id || (e.data['ticket'] as { ticketId?: string } | undefined)?.ticketId === ticket?.id || e.data['ticketId'] === ticket?.id;

  it('1. a mail to the support address opens a ticket for the recognised customer and an acknowledgement with the number reaches the customer', async () => {
    const smtp = createTransport({ host: '127.0.0.1', port: platform.smtpPort, secure: false, ignoreTLS: true });
    const sent = await smtp.sendMail({
      from: `Thomas Berger <${desk.contactEmail}>`,
      to: desk.supportAddress,
      subject: 'VPN tunnel to the Garching plant drops every 20 minutes',
      text: 'Hello,\n\nsince this morning the VPN tunnel between our headquarters and the Garching plant drops every 20 minutes. The file server SRV-FS01 is unreachable meanwhile.\n\nThomas Berger',
    });
    smtp.close();
    customerMessageId = sent.messageId;

    ticket = await expectEventually(async () => {
      const { tickets } = await clients.tickets.call<{ tickets: Ticket[] }>('ListTickets', { customerId: desk.customerId }, tokens.agent);
      expect(tickets).toHaveLength(1);
      return tickets[0]!;
    }, EVENTUALLY);
    expect(ticket).toMatchObject({ customerId: desk.customerId, contactId: desk.contactId, contractId: desk.contractId });

    const ack = await expectEventually(() => {
      const mails = sink.to(desk.contactEmail);
      expect(mails).toHaveLength(1);
      return mails[0]!.parsed;
    }, EVENTUALLY);
    expect(ack.subject).toContain(`[Ticket#${ticket.number}]`);
    expect(ack.inReplyTo).toBe(customerMessageId);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('2. the SLA clocks start with the Gold contract’s targets', async () => {
    const sla = await expectEventually(async () => {
      const response = await clients.sla.call<{ clocks: SlaClock[] }>('GetTicketSla', { ticketId: ticket.id }, tokens.agent);
      expect(response.clocks.map((c) => c.target).sort()).toEqual(['first_response', 'resolution']);
      return response;
    }, EVENTUALLY);
    const byTarget = Object.fromEntries(sla.clocks.map((c) => [c.target, c]));
    expect(ticket.priority).toBe('TICKET_PRIORITY_NORMAL');
    expect(byTarget['first_response']).toMatchObject({ policyId: desk.slaPolicyId, state: 'running', targetSeconds: String(GOLD_NORMAL_TARGETS.firstResponse) });
    expect(byTarget['resolution']).toMatchObject({ policyId: desk.slaPolicyId, state: 'running', targetSeconds: String(GOLD_NORMAL_TARGETS.resolution) });
  });

  it('3.–4. the agent’s reply over gRPC reaches the customer threaded and meets the first-response target, also when the SLA service is killed meanwhile', async () => {
    // The agent desktop answers the customer's mail (the first message of the log).
    const { messages } = await clients.tickets.call<{ messages: { id: string; direction: string; medium: string }[] }>('ListMessages', { ticketId: ticket.id }, tokens.agent);
    const customerMail = messages.find((m) => m.direction === 'MESSAGE_DIRECTION_INBOUND' && m.medium === 'MESSAGE_MEDIUM_EMAIL');
    expect(customerMail).toBeDefined();
    await clients.tickets.call(
      'AddMessage',
      {
        ticketId: ticket.id,
        audience: 'MESSAGE_AUDIENCE_CUSTOMER',
        medium: 'MESSAGE_MEDIUM_EMAIL',
        direction: 'MESSAGE_DIRECTION_OUTBOUND',
        to: [desk.contactEmail],
        subject: 'Re: VPN tunnel to the Garching plant drops every 20 minutes',
        text: 'Dear Mr Berger,\n\nwe are looking into the VPN tunnel now and will call you shortly.\n\nAnna Schmidt',
        inReplyToMessageId: customerMail?.id,
      },
      tokens.agent,
    );
    // The reply's event is on its way to the SLA service: a crash now must neither lose nor double it.
    await platform.services.sla.kill();
    await platform.services.sla.start();

    const reply = await expectEventually(() => {
      const mails = sink.to(desk.contactEmail);
      expect(mails).toHaveLength(2);
      return mails[1]!.parsed;
    }, EVENTUALLY);
    expect(reply.subject).toBe(`[Ticket#${ticket.number}] Re: VPN tunnel to the Garching plant drops every 20 minutes`);
    expect(reply.inReplyTo).toBe(customerMessageId);
    const references = Array.isArray(reply.references) ? reply.references : [reply.references];
    expect(references[0]).toBe(customerMessageId);

    const clocks = await expectEventually(async () => {
      const { clocks } = await clients.sla.call<{ clocks: SlaClock[] }>('GetTicketSla', { ticketId: ticket.id }, tokens.agent);
      expect(clocks.find((c) => c.target === 'first_response')?.state).toBe('met');
      return clocks;
    }, EVENTUALLY);
    expect(clocks.find((c) => c.target === 'first_response')?.breachedAt ?? null).toBeNull();
    expect(clocks.filter((c) => c.target === 'first_response')).toHaveLength(1);
    expect(subscriber.ofType('helpdesk.sla.met.v1', onTicket)).toHaveLength(1);
  });

  it('5. the customer calls: recognised, the call joins the ticket and its talk time becomes work', async () => {
    callId = `e2e-${randomUUID()}`;
    const cti = { port: platform.telephonyHttpPort, connectionId: desk.ctiConnectionId, token: desk.ctiToken };
    // The PBX traces the call as one trace; each webhook request is a span of it.
    const span = () => `00-${pbxTraceId}-${randomBytes(8).toString('hex')}-01`;
    expect(await sendCti(cti, { event: 'newCall', callId, direction: 'in', from: desk.contactPhoneNational, to: desk.hotlineNumber, user: desk.agentExtension }, span())).toBe(200);
    expect(await sendCti(cti, { event: 'answer', callId, user: desk.agentExtension }, span())).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500)); // a short conversation
    expect(await sendCti(cti, { event: 'hangup', callId, cause: 'normalClearing' }, span())).toBe(200);

    const ended = await expectEventually(() => {
      const [event] = subscriber.ofType('helpdesk.call.ended.v1', (e) => e.data['pbxCallId'] === callId);
      expect(event).toBeDefined();
      return event!;
    }, EVENTUALLY);
    expect(ended.data).toMatchObject({ outcome: 'answered', contactId: desk.contactId, customerId: desk.customerId, agentId: desk.agentId });
    talkSeconds = ended.data['talkSeconds'] as number;
    const platformCallId = ended.data['callId'] as string;

    const work = await expectEventually(async () => {
      const { entries } = await clients.tickets.call<{ entries: WorkEntry[] }>('ListWork', { ticketId: ticket.id }, tokens.agent);
      expect(entries.filter((e) => e.callId === platformCallId)).toHaveLength(1);
      return entries;
    }, EVENTUALLY);
    expect(work.find((e) => e.callId === platformCallId)).toMatchObject({ activityType: 'phone_support', durationMinutes: Math.max(1, Math.floor(talkSeconds / 60)) });
    const { tickets } = await clients.tickets.call<{ tickets: Ticket[] }>('ListTickets', { customerId: desk.customerId }, tokens.agent);
    expect(tickets.map((t) => t.id)).toEqual([ticket.id]);
    callId = platformCallId;
  });

  it('6. the agent records more work and resolves the ticket while the billing service is down (SIGKILL), which catches up after its restart', async () => {
    await platform.services.billing.kill();
    const { entry } = await clients.tickets.call<{ entry: { id: string } }>(
      'RecordWork',
      { ticketId: ticket.id, activityType: 'remote_support', durationMinutes: 50, billable: true, materials: [], note: 'Replaced the VPN gateway’s expired IKE certificate' },
      tokens.agent,
    );
    agentEntryId = entry.id;
    await clients.tickets.call(
      'ChangeStatus',
      {
        id: ticket.id,
        status: 'TICKET_STATUS_RESOLVED',
        resolution: 'The IKE certificate of the VPN gateway had expired, so the tunnel dropped at every rekey. Renewed the certificate and set a reminder 30 days before expiry.',
      },
      tokens.agent,
    );
    // The work entry waits in the stream for the billing service's durable consumer.
    await expectEventually(async () => expect((await consumers.backlog()).behind.join(', ')).toMatch(/\/billing-worklog-recorded: [1-9]/), EVENTUALLY);
    await platform.services.billing.start();
    await expectEventually(async () => {
      const { ticket: current } = await clients.tickets.call<{ ticket: Ticket }>('GetTicket', { id: ticket.id }, tokens.agent);
      expect(current.status).toBe('TICKET_STATUS_RESOLVED');
    }, EVENTUALLY);
  });

  it('7. the knowledge service makes the solution searchable', async () => {
    const hits = await expectEventually(async () => {
      const { hits } = await clients.knowledge.call<{ hits: { articleId: string; title: string }[] }>('Search', { query: 'IKE certificate VPN tunnel' }, tokens.agent);
      expect(hits.length).toBeGreaterThan(0);
      return hits;
    }, EVENTUALLY);
    expect(hits[0]?.title).toContain('VPN');
  });

  it('8. the month’s billing run issues a statement whose lines add up to the work and the call, with quota and rounding', async () => {
    await consumers.drained();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const period = { startDate: date(`${today.slice(0, 7)}-01`), endDate: date(today) };
    const issued = await clients.billing.call<{ statements: Statement[] }>('IssueRun', { period, customerIds: [desk.customerId] }, tokens.integration);
    expect(issued.statements).toHaveLength(1);
    statement = issued.statements[0]!;

    const expected = expectedStatement(GOLD_PLAN, { workMinutes: [{ activity: 'remote_support', minutes: 50 }], callTalkSeconds: [talkSeconds] });
    const actual: ExpectedLine[] = statement.lines.map((l) => ({ kind: l.kind, amountMinor: Number(l.amount.amountMinor), roundedMinutes: l.roundedMinutes, quotaMinutesApplied: l.quotaMinutesApplied }));
    expect(actual).toEqual(expect.arrayContaining(expected.lines));
    expect(actual).toHaveLength(expected.lines.length);
    expect(Number(statement.netTotal.amountMinor)).toBe(expected.netMinor);
    expect(Number(statement.grossTotal.amountMinor)).toBe(Number(statement.netTotal.amountMinor) + Number(statement.taxTotal.amountMinor));

    // One line per item: the agent's entry on the work line, the call on the call line; the call's own work entry is priced as the call.
    const sources = statement.lines.flatMap((l) => l.sourceItems.map((s) => `${s.source}:${s.sourceId}`)).sort();
    expect(sources).toEqual([`call:${callId}`, `worklog:${agentEntryId}`].sort());

    const again = await clients.billing.call<{ statements: Statement[] }>('IssueRun', { period, customerIds: [desk.customerId] }, tokens.integration);
    expect(again.statements).toHaveLength(0);
  });

  it('9. the external read-only subscriber saw every event of the journey, each once, in order, each user action as one trace', async () => {
    await consumers.drained();
    await expectEventually(() => expect(subscriber.ofType('helpdesk.billing.statement.issued.v1', (e) => e.data['customerId'] === desk.customerId)).toHaveLength(1), EVENTUALLY);
    const fromCustomer = (e: SeenEvent) => (e.data['from'] as { address?: string } | undefined)?.address === desk.contactEmail;
    const journey = subscriber.events.filter((e) => onTicket(e) || fromCustomer(e) || e.data['callId'] === callId || e.data['customerId'] === desk.customerId);
    const first = (type: string, where: (e: SeenEvent) => boolean = () => true): SeenEvent => {
      const found = journey.find((e) => e.type === type && where(e));
      if (!found) throw new Error(`the subscriber saw no ${type} (saw: ${journey.map((e) => e.type).join(', ')})`);
      return found;
    };
    const message = (e: SeenEvent) => e.data['message'] as { messageId: string; direction: string; medium: string; purpose: string; callId: string | null };
    const clockTarget = (e: SeenEvent) => (e.data['clock'] as { target: string }).target;
    const entry = (e: SeenEvent) => e.data['entry'] as { entryId: string; callId: string | null };

    // Every step of the journey, as the services announced it.
    const received = first('helpdesk.mail.received.v1');
    const created = first('helpdesk.ticket.created.v1');
    const ack = first('helpdesk.ticket.message.added.v1', (e) => message(e).purpose === 'auto_acknowledgement');
    const ackSent = first('helpdesk.mail.sent.v1', (e) => e.data['ticketMessageId'] === message(ack).messageId);
    const clocksStarted = first('helpdesk.sla.clock.updated.v1');
    const reply = first('helpdesk.ticket.message.added.v1', (e) => message(e).direction === 'outbound' && message(e).purpose === 'reply');
    const replySent = first('helpdesk.mail.sent.v1', (e) => e.data['ticketMessageId'] === message(reply).messageId);
    const responded = first('helpdesk.sla.met.v1', (e) => clockTarget(e) === 'first_response');
    const started = first('helpdesk.call.started.v1');
    const answered = first('helpdesk.call.answered.v1');
    const ended = first('helpdesk.call.ended.v1');
    const callLogged = first('helpdesk.ticket.message.added.v1', (e) => message(e).callId === callId);
    const callWork = first('helpdesk.ticket.worklog.recorded.v1', (e) => entry(e).callId === callId);
    const agentWork = first('helpdesk.ticket.worklog.recorded.v1', (e) => entry(e).entryId === agentEntryId);
    const resolved = first('helpdesk.ticket.resolved.v1');
    const resolutionMet = first('helpdesk.sla.met.v1', (e) => clockTarget(e) === 'resolution');
    const lines = journey.filter((e) => e.type === 'helpdesk.billing.line.created.v1');
    const issued = first('helpdesk.billing.statement.issued.v1');

    // In order: causes before effects, and each ticket event with the next version.
    const order = [received, created, ack, reply, started, answered, ended, callLogged, callWork, agentWork, resolved, ...lines, issued];
    expect(order.map((e) => e.seq)).toEqual([...order.map((e) => e.seq)].sort((x, y) => x - y));
    expect(ackSent.seq).toBeGreaterThan(ack.seq);
    expect(replySent.seq).toBeGreaterThan(reply.seq);
    expect(clocksStarted.seq).toBeGreaterThan(created.seq);
    expect(responded.seq).toBeGreaterThan(reply.seq);
    expect(resolutionMet.seq).toBeGreaterThan(resolved.seq);
    const versions = journey.filter((e) => e.source === 'helpdesk/ticket' && onTicket(e)).map((e) => (e.data['ticket'] as { version: number }).version);
    // (the events of one change — status.changed and resolved — share its version)
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(Math.max(...versions) - Math.min(...versions) + 1);
    // Each once: no effect happened twice, not even across the crashes. (A publish the relay repeats
    // after a crash reaches a core subscriber again under the same event id — that is a redelivery,
    // which `events` already folds; a doubled effect would be a second event with a new id.)
    const count = (type: string) => journey.filter((e) => e.type === type).length;
    expect({
      received: count('helpdesk.mail.received.v1'),
      created: count('helpdesk.ticket.created.v1'),
      sent: count('helpdesk.mail.sent.v1'),
      callsStarted: count('helpdesk.call.started.v1'),
      callsEnded: count('helpdesk.call.ended.v1'),
      work: count('helpdesk.ticket.worklog.recorded.v1'),
      resolved: count('helpdesk.ticket.resolved.v1'),
      met: count('helpdesk.sla.met.v1'),
      statements: count('helpdesk.billing.statement.issued.v1'),
    }).toEqual({ received: 1, created: 1, sent: 2, callsStarted: 1, callsEnded: 1, work: 2, resolved: 1, met: 2, statements: 1 });

    // Trace context: every event carries a W3C traceparent, and each user action is one trace that
    // every service its events reach continues. The journey is several actions of several people
    // (the customer's mail, the agent's API calls, the customer's phone call, the month-end run), so
    // it is several traces. Work queued in a table and done later starts a trace of its own: a mail
    // sent from the outbound queue, the statement events billing writes after IssueRun committed.
    const traceOf = (e: SeenEvent) => traceIdOf(e.traceparent);
    expect(journey.filter((e) => traceOf(e) === undefined).map((e) => e.type)).toEqual([]);
    const sameTrace = (cause: SeenEvent, ...effects: SeenEvent[]) => expect(effects.map(traceOf)).toEqual(effects.map(() => traceOf(cause)));
    sameTrace(received, created, ack, clocksStarted); // the mail's receipt → its ticket → SLA
    sameTrace(reply, responded); // the agent's AddMessage → SLA
    expect([started, answered, ended].map(traceOf)).toEqual([pbxTraceId, pbxTraceId, pbxTraceId]); // the PBX's trace, continued
    sameTrace(ended, callLogged, callWork); // call → ticket
    sameTrace(resolved, resolutionMet); // the agent's ChangeStatus → SLA
    sameTrace(issued, ...lines); // the run's events, written together after IssueRun committed
    const traces = new Set([created, reply, ended, agentWork, resolved, issued].map(traceOf));
    expect(traces.size).toBe(6);
    expect(traces.has(traceOf(ackSent)) || traces.has(traceOf(replySent))).toBe(false);
  });

  it('10. nothing was lost or doubled by the killed services', async () => {
    const { tickets } = await clients.tickets.call<{ tickets: Ticket[] }>('ListTickets', { customerId: desk.customerId }, tokens.agent);
    expect(tickets).toHaveLength(1);
    const { entries } = await clients.tickets.call<{ entries: WorkEntry[] }>('ListWork', { ticketId: ticket.id }, tokens.agent);
    expect(entries.filter((e) => e.callId === callId)).toHaveLength(1);
    expect(entries).toHaveLength(2);
    const { clocks } = await clients.sla.call<{ clocks: SlaClock[] }>('GetTicketSla', { ticketId: ticket.id }, tokens.agent);
    // One clock per target: the call (an inbound customer message) started next_update, resolving cancelled it.
    const states = clocks.map((c) => `${c.target}:${c.state}`).sort();
    expect(states).toEqual(['first_response:met', 'next_update:cancelled', 'resolution:met']);
    expect(subscriber.ofType('helpdesk.sla.met.v1', onTicket).map((e) => (e.data['clock'] as { target: string }).target).sort()).toEqual(['first_response', 'resolution']);
    expect(subscriber.ofType('helpdesk.billing.line.created.v1', (e) => e.data['customerId'] === desk.customerId)).toHaveLength(statement.lines.length);
    expect(sink.to(desk.contactEmail)).toHaveLength(2);
  });
});

function date(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}
