import { ticketCreatedV1, type SlaBreachedV1, type SlaClockUpdatedV1, type TicketSnapshot } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { startSlaApp, type SlaApp } from './support/sla-app';
import { ofType, slaEventsOf, slaEventsWhere } from './support/sla-events';
import { FakeTicket } from './support/ticket-events';

jest.setTimeout(120_000);

const actor = { kind: 'agent' as const, id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };

describe('SLA timers and recomputes', () => {
  let app: SlaApp;
  let fastPolicyId: string;
  let officePolicyId: string;
  let officeCalendarId: string;
  const officeSettings = {
    name: 'Office Berlin',
    timeZone: 'Europe/Berlin',
    weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start: '08:00', end: '17:00' }] })),
    holidayCountry: 'DE',
    holidayRegion: 'BY',
  };

  beforeAll(async () => {
    // The default policy (no contract needed) is set per test through the policy ids created here.
    app = await startSlaApp('sla-timers', { SLA_RECOMPUTE_RESUME_MS: '200', SLA_RECOMPUTE_BATCH: '2' });
    const always = (await app.sla.call<{ calendar: { id: string } }>('CreateCalendar', { settings: { name: '24/7', alwaysOpen: true } }, app.tokens.admin)).calendar;
    fastPolicyId = '01936a00-7777-7aaa-8bbb-0000000000f1';
    await app.sla.call('CreatePolicy', { id: fastPolicyId, settings: { name: 'Fast', calendarId: always.id, targets: [{ priority: 'high', firstResponse: 'PT2S' }] } }, app.tokens.admin);
    officeCalendarId = (await app.sla.call<{ calendar: { id: string } }>('CreateCalendar', { settings: officeSettings }, app.tokens.admin)).calendar.id;
    officePolicyId = '01936a00-7777-7aaa-8bbb-0000000000f2';
    await app.sla.call(
      'CreatePolicy',
      { id: officePolicyId, settings: { name: 'Office', calendarId: officeCalendarId, targets: [{ priority: 'normal', firstResponse: 'PT2H', resolution: 'PT8H' }] } },
      app.tokens.admin,
    );
  });
  afterAll(() => app.stop());

  const create = (ticket: TicketSnapshot) => app.publish(ticketCreatedV1, { ...ticketCreatedV1.example, ticket, actor }, ticket.ticketId);

  it('fires every due clock exactly once with two replicas sharing the database', async () => {
    await app.startReplica();
    // Contracts name the policy; publish them for 30 tickets, each under its own contract.
    const { contractUpsertedV1 } = await import('@helpdesk/contracts');
    const contractId = '01936a00-3333-7aaa-8bbb-0000000000f1';
    await app.publish(contractUpsertedV1, { ...contractUpsertedV1.example, contractId, slaPolicyId: fastPolicyId, version: 1 }, contractId);
    await expectEventually(async () => expect(await app.query(`SELECT 1 FROM sla_contracts WHERE contract_id = $1`, [contractId])).toHaveLength(1), { timeoutMs: 30_000 });
    const tickets = Array.from({ length: 30 }, () => new FakeTicket({ contractId, priority: 'high' }).snapshot);
    for (const t of tickets) await create(t);
    const ids = new Set(tickets.map((t) => t.ticketId));
    const breached = await slaEventsWhere(
      app.nats,
      (e) => ids.has(e.subject ?? '') && e.type === 'helpdesk.sla.breached.v1',
      (events) => events.length >= tickets.length,
      60_000,
    );
    expect(new Set(breached.map((e) => (e.data as SlaBreachedV1).clock.clockId)).size).toBe(tickets.length);
    // Every event leaves through the outbox: one breach row per clock, none twice.
    const rows = await app.query<{ n: number; clocks: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT envelope->'data'->'clock'->>'clockId')::int AS clocks FROM outbox WHERE type = 'helpdesk.sla.breached.v1' AND envelope->>'subject' = ANY($1::text[])`,
      [[...ids]],
    );
    expect(rows[0]).toEqual({ n: tickets.length, clocks: tickets.length });
  });

  it('counts in business hours and recomputes due times when a holiday is added', async () => {
    const { contractUpsertedV1 } = await import('@helpdesk/contracts');
    const contractId = '01936a00-3333-7aaa-8bbb-0000000000f2';
    await app.publish(contractUpsertedV1, { ...contractUpsertedV1.example, contractId, slaPolicyId: officePolicyId, version: 1 }, contractId);
    await expectEventually(async () => expect(await app.query(`SELECT 1 FROM sla_contracts WHERE contract_id = $1`, [contractId])).toHaveLength(1), { timeoutMs: 30_000 });
    // Friday 4 Jan 2030, 16:30 in Berlin: 30 min that day, the rest on Monday from 08:00.
    const ticket = new FakeTicket({ contractId, createdAt: '2030-01-04T15:30:00.000Z', updatedAt: '2030-01-04T15:30:00.000Z' });
    await create(ticket.snapshot);
    const started = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => e.length >= 1);
    const first = (started[0]?.data as SlaClockUpdatedV1).clocks.find((c) => c.target === 'first_response');
    expect(first?.dueAt).toBe('2030-01-07T08:30:00.000Z');

    const { recomputedClocks } = await app.sla.call<{ recomputedClocks: number }>(
      'UpdateCalendar',
      { id: officeCalendarId, settings: { ...officeSettings, closedDates: ['2030-01-07'] } },
      app.tokens.admin,
    );
    expect(recomputedClocks).toBeGreaterThanOrEqual(2);
    const events = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => ofType(e, 'helpdesk.sla.clock.updated.v1').length >= 2);
    const recomputed = ofType(events, 'helpdesk.sla.clock.updated.v1')[1]?.data as SlaClockUpdatedV1;
    expect(recomputed.reason).toBe('recomputed');
    expect(recomputed.clocks.find((c) => c.target === 'first_response')?.dueAt).toBe('2030-01-08T08:30:00.000Z');
    const sla = await app.sla.call<{ clocks: { target: string; dueAt: { seconds: string } }[] }>('GetTicketSla', { ticketId: ticket.snapshot.ticketId }, app.tokens.agent);
    expect(Number(sla.clocks.find((c) => c.target === 'first_response')?.dueAt.seconds) * 1000).toBe(Date.parse('2030-01-08T08:30:00.000Z'));
  });

  it('finishes a recompute whose replica died after committing the calendar change, and a re-run changes nothing', async () => {
    const { contractUpsertedV1 } = await import('@helpdesk/contracts');
    const contractId = '01936a00-3333-7aaa-8bbb-0000000000f2';
    // Friday 11 Jan 2030, 16:30 in Berlin: due Monday 14 Jan 09:30 local.
    const tickets = [0, 1, 2].map(() => new FakeTicket({ contractId, createdAt: '2030-01-11T15:30:00.000Z', updatedAt: '2030-01-11T15:30:00.000Z' }));
    await app.publish(contractUpsertedV1, { ...contractUpsertedV1.example, contractId, slaPolicyId: officePolicyId, version: 1 }, contractId);
    for (const t of tickets) await create(t.snapshot);
    const ids = tickets.map((t) => t.snapshot.ticketId);
    const dueOf = async () =>
      (await app.query<{ due_at: Date }>(`SELECT due_at FROM sla_clocks WHERE ticket_id = ANY($1::uuid[]) AND target = 'first_response' ORDER BY ticket_id`, [ids])).map((r) => r.due_at.toISOString());
    await expectEventually(async () => expect(await dueOf()).toEqual(['2030-01-14T08:30:00.000Z', '2030-01-14T08:30:00.000Z', '2030-01-14T08:30:00.000Z']));

    // What a replica leaves when it dies right after UpdateCalendar committed: the new calendar and an unfinished job, its lease run out.
    await app.query(`UPDATE sla_calendars SET settings = jsonb_set(settings, '{closedDates}', settings->'closedDates' || '["2030-01-14"]'), version = version + 1 WHERE id = $1`, [officeCalendarId]);
    const abandoned = '01936a00-9999-7aaa-8bbb-0000000000a1';
    await app.query(`INSERT INTO sla_recompute_jobs (id, scope_kind, scope_id, windows, created_at, lease_until) VALUES ($1, 'calendar', $2, NULL, now(), now() - interval '1 second')`, [
      abandoned,
      officeCalendarId,
    ]);
    // Two clocks per ticket (first response, resolution) in two batches of two tickets and one.
    await expectEventually(async () => expect(await app.query(`SELECT recomputed FROM sla_recompute_jobs WHERE id = $1 AND finished_at IS NOT NULL`, [abandoned])).toEqual([{ recomputed: 6 }]), {
      timeoutMs: 30_000,
    });
    expect(await dueOf()).toEqual(['2030-01-15T08:30:00.000Z', '2030-01-15T08:30:00.000Z', '2030-01-15T08:30:00.000Z']);
    const updates = async () => (await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE type = 'helpdesk.sla.clock.updated.v1' AND envelope->>'subject' = ANY($1::text[])`, [ids]))[0]?.n;
    const published = await updates();

    // Running the same job again (a replica died after the last batch, before marking it finished) moves and publishes nothing.
    const again = '01936a00-9999-7aaa-8bbb-0000000000a2';
    await app.query(`INSERT INTO sla_recompute_jobs (id, scope_kind, scope_id, windows, created_at, lease_until) VALUES ($1, 'calendar', $2, NULL, now(), now() - interval '1 second')`, [
      again,
      officeCalendarId,
    ]);
    await expectEventually(async () => expect(await app.query(`SELECT recomputed FROM sla_recompute_jobs WHERE id = $1 AND finished_at IS NOT NULL`, [again])).toEqual([{ recomputed: 0 }]), {
      timeoutMs: 30_000,
    });
    expect(await updates()).toBe(published);
    expect(await dueOf()).toEqual(['2030-01-15T08:30:00.000Z', '2030-01-15T08:30:00.000Z', '2030-01-15T08:30:00.000Z']);
  });
});
