import { randomUUID } from 'node:crypto';
import {
  contractUpsertedV1,
  ticketCreatedV1,
  ticketMessageAddedV1,
  ticketStatusChangedV1,
  type SlaClockUpdatedV1,
  type SlaEscalatedV1,
  type SlaMetV1,
  type TicketSnapshot,
} from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { startSlaApp, type SlaApp } from './support/sla-app';
import { ofType, slaEventsOf } from './support/sla-events';
import { FakeTicket } from './support/ticket-events';

const actor = { kind: 'agent' as const, id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const contractId = '01936a00-3333-7aaa-8bbb-0000000000aa';

function message(direction: 'inbound' | 'outbound', at: Date) {
  return {
    messageId: randomUUID(),
    audience: 'customer' as const,
    medium: 'email' as const,
    direction,
    purpose: 'reply' as const,
    author: direction === 'outbound' ? actor : { kind: 'contact' as const, id: null, displayName: 'Max Mustermann' },
    from: null,
    to: [],
    cc: [],
    subject: 'VPN',
    text: 'text',
    html: null,
    attachments: [],
    mailId: null,
    callId: null,
    inReplyToMessageId: null,
    createdAt: at.toISOString(),
  };
}

jest.setTimeout(90_000);

describe('SLA clocks driven by ticket events', () => {
  let app: SlaApp;
  let policyId: string;

  beforeAll(async () => {
    app = await startSlaApp('sla-clocks');
    const { calendar } = await app.sla.call<{ calendar: { id: string } }>('CreateCalendar', { settings: { name: '24/7', alwaysOpen: true } }, app.tokens.admin);
    const { policy } = await app.sla.call<{ policy: { id: string } }>(
      'CreatePolicy',
      {
        settings: {
          name: 'Test Gold',
          calendarId: calendar.id,
          targets: [{ priority: 'normal', firstResponse: 'PT2S', resolution: 'PT1H' }],
          warningLeadPercent: 50,
          escalationLevels: [{ level: 1, trigger: 'breach', recipients: [{ role: 'address', email: 'lead@example.com', displayName: 'Queue Lead' }] }],
        },
      },
      app.tokens.admin,
    );
    policyId = policy.id;
    await app.publish(contractUpsertedV1, { ...contractUpsertedV1.example, contractId, slaPolicyId: policyId, version: 1 }, contractId);
    await expectEventually(async () => expect(await app.query(`SELECT 1 FROM sla_contracts WHERE contract_id = $1`, [contractId])).toHaveLength(1), { timeoutMs: 30_000 });
  });
  afterAll(() => app.stop());

  const publishTicket = (definition: typeof ticketCreatedV1 | typeof ticketStatusChangedV1, ticket: TicketSnapshot, extra: Record<string, unknown> = {}) =>
    app.publish(definition, { ...(definition.example as object), ticket, actor, ...extra }, ticket.ticketId);

  it('starts clocks for the contract policy, warns, breaches, escalates, and meets late on the agent reply', async () => {
    // The contract reaches the SLA service asynchronously: wait until a ticket under it gets clocks.
    const ticket = new FakeTicket({ contractId });
    await publishTicket(ticketCreatedV1, ticket.snapshot);
    const events = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => ofType(e, 'helpdesk.sla.escalated.v1').length === 1);
    const started = ofType(events, 'helpdesk.sla.clock.updated.v1')[0]?.data as SlaClockUpdatedV1;
    expect(started).toMatchObject({ reason: 'started', version: 1, trafficLight: 'green', overdue: false });
    expect(started.clocks.map((c) => c.target).sort()).toEqual(['first_response', 'resolution']);
    expect(started.clocks.every((c) => c.policyId === policyId)).toBe(true);
    expect(ofType(events, 'helpdesk.sla.warning.v1')).toHaveLength(1);
    expect(ofType(events, 'helpdesk.sla.breached.v1')).toHaveLength(1);
    const escalated = ofType(events, 'helpdesk.sla.escalated.v1')[0]?.data as SlaEscalatedV1;
    expect(escalated).toMatchObject({ level: 1, previousLevel: 0, trigger: 'breach', recipients: [{ role: 'address', email: 'lead@example.com', displayName: 'Queue Lead' }] });
    const firstResponse = started.clocks.find((c) => c.target === 'first_response');
    expect(escalated.escalatedAt).toBe(firstResponse?.dueAt);

    const reply = ticket.next({ status: 'in_progress' });
    await app.publish(ticketMessageAddedV1, { ...ticketMessageAddedV1.example, ticket: reply, actor, message: message('outbound', new Date()), language: 'de' }, reply.ticketId);
    const after = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) =>
      ofType(e, 'helpdesk.sla.clock.updated.v1').some((u) => (u.data as SlaClockUpdatedV1).reason === 'met'),
    );
    expect(ofType(after, 'helpdesk.sla.met.v1')[0]?.data).toMatchObject({ late: true, clock: { target: 'first_response', state: 'met', trafficLight: 'red' } } satisfies Partial<Record<keyof SlaMetV1, unknown>>);
    const updates = ofType(after, 'helpdesk.sla.clock.updated.v1').map((e) => e.data as SlaClockUpdatedV1);
    expect(updates.map((u) => u.version)).toEqual(updates.map((_, i) => i + 1));
    expect(updates.at(-1)).toMatchObject({ reason: 'met', trafficLight: 'green', overdue: false });
  });

  it('pauses while pending, resumes, and meets the resolution; GetTicketSla shows the phases', async () => {
    const ticket = new FakeTicket({ contractId });
    await publishTicket(ticketCreatedV1, ticket.snapshot);
    await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => e.length >= 1);
    await publishTicket(ticketStatusChangedV1, ticket.next({ status: 'pending' }), { previousStatus: 'new', reason: null });
    await publishTicket(ticketStatusChangedV1, ticket.next({ status: 'in_progress' }), { previousStatus: 'pending', reason: null });
    await publishTicket(ticketStatusChangedV1, ticket.next({ status: 'resolved' }), { previousStatus: 'in_progress', reason: null });
    const events = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) =>
      ofType(e, 'helpdesk.sla.clock.updated.v1').some((u) => (u.data as SlaClockUpdatedV1).trafficLight === null),
    );
    const reasons = ofType(events, 'helpdesk.sla.clock.updated.v1').map((e) => (e.data as SlaClockUpdatedV1).reason);
    expect(reasons).toEqual(expect.arrayContaining(['started', 'paused', 'resumed', 'met']));
    expect(ofType(events, 'helpdesk.sla.met.v1').map((e) => (e.data as SlaMetV1).clock.target)).toContain('resolution');

    const sla = await app.sla.call<{ clocks: { target: string; state: string; phases: { phase: string }[] }[]; trafficLight: string }>(
      'GetTicketSla',
      { ticketId: ticket.snapshot.ticketId },
      app.tokens.agent,
    );
    const resolution = sla.clocks.find((c) => c.target === 'resolution');
    expect(resolution?.state).toBe('met');
    expect(resolution?.phases.map((p) => p.phase)).toEqual(['running', 'paused', 'running', 'met']);
  });

  it('ignores a redelivered event and refuses bad policies with the field named', async () => {
    const ticket = new FakeTicket({ contractId });
    const created = { ...ticketCreatedV1.example, ticket: ticket.snapshot, actor };
    await app.publish(ticketCreatedV1, created, ticket.snapshot.ticketId);
    await app.publish(ticketCreatedV1, created, ticket.snapshot.ticketId);
    await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => e.length >= 1);
    await expectEventually(async () => {
      const rows = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM sla_clocks WHERE ticket_id = $1`, [ticket.snapshot.ticketId]);
      expect(rows[0]?.n).toBe(2);
    });

    await expect(
      app.sla.call('CreatePolicy', { settings: { name: 'Bad', targets: [{ priority: 'normal', firstResponse: 'two hours' }] } }, app.tokens.admin),
    ).rejects.toMatchObject({ code: 3, details: expect.stringContaining('firstResponse') });
    await expect(app.sla.call('CreatePolicy', { settings: { name: 'Agent' } }, app.tokens.agent)).rejects.toMatchObject({ code: 7 });
  });
  it('reports compliance per policy and target, also as CSV', async () => {
    const from = { seconds: String(Math.floor(Date.now() / 1000) - 3600), nanos: 0 };
    const to = { seconds: String(Math.floor(Date.now() / 1000) + 3600), nanos: 0 };
    const report = await app.sla.call<{ rows: { target: string; policyId: string; contractId: string; met: number; breached: number; tickets: number }[]; csv: string }>(
      'GetComplianceReport',
      { from, to, policyId },
      app.tokens.agent,
    );
    const firstResponse = report.rows.filter((r) => r.target === 'first_response');
    expect(firstResponse.reduce((n, r) => n + r.breached, 0)).toBeGreaterThanOrEqual(1);
    expect(report.rows.every((r) => r.policyId === policyId && r.contractId === contractId)).toBe(true);
    expect(report.csv.split('\r\n')[0]).toBe('customer_id,contract_id,policy_id,queue_id,target,tickets,met,breached,open,median_business_seconds,p90_business_seconds');
    await expect(app.sla.call('GetComplianceReport', { from: to, to: from }, app.tokens.agent)).rejects.toMatchObject({ code: 3, details: expect.stringContaining('to') });
  });
});
