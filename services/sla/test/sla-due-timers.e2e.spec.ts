import { randomUUID } from 'node:crypto';
import {
  ticketCreatedV1,
  ticketStatusChangedV1,
  ticketTaskCompletedV1,
  ticketTaskCreatedV1,
  ticketUpdatedV1,
  type SlaBreachedV1,
  type SlaClockUpdatedV1,
  type SlaMetV1,
  type SlaWarningV1,
  type TicketSnapshot,
  type TicketTask,
} from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { startSlaApp, type SlaApp } from './support/sla-app';
import { ofType, slaEventsOf } from './support/sla-events';
import { FakeTicket } from './support/ticket-events';

jest.setTimeout(90_000);

const agent = { kind: 'agent' as const, id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
// The actor the ticket service uses when it copies our report onto the ticket.
const slaReport = { kind: 'system' as const, id: null, displayName: 'sla' };
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

function task(overrides: Partial<TicketTask>): TicketTask {
  return { ...ticketTaskCreatedV1.example.task, taskId: randomUUID(), kind: 'task', callId: null, callbackNumber: null, createdAt: new Date().toISOString(), ...overrides };
}

describe('due dates set by hand and task due times on the timer engine', () => {
  let app: SlaApp;

  // No default policy and no contract: only the hand-set due times make clocks.
  beforeAll(async () => {
    app = await startSlaApp('sla-due');
  });
  afterAll(() => app.stop());

  const updated = (ticket: TicketSnapshot, actor: typeof agent | typeof slaReport, changes: { field: string; before: unknown; after: unknown }[]) =>
    app.publish(ticketUpdatedV1, { ticket, actor, changes, description: null }, ticket.ticketId);

  it("warns at the ticket's warning time, breaches at its due date and keeps counting while pending", async () => {
    // Far enough ahead that a slow consumer still sees the clock start green.
    const dueAt = inMs(8_000);
    const warningAt = inMs(4_000);
    const ticket = new FakeTicket({ dueAt, warningAt });
    await app.publish(ticketCreatedV1, { ...ticketCreatedV1.example, ticket: ticket.snapshot, actor: agent }, ticket.snapshot.ticketId);
    // A pausing status stops SLA targets, not a date set by hand.
    await app.publish(ticketStatusChangedV1, { ...ticketStatusChangedV1.example, ticket: ticket.next({ status: 'pending' }), actor: agent, previousStatus: 'new', reason: null }, ticket.snapshot.ticketId);
    const events = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) =>
      ofType(e, 'helpdesk.sla.clock.updated.v1').some((u) => (u.data as SlaClockUpdatedV1).reason === 'breached'),
    );

    const started = ofType(events, 'helpdesk.sla.clock.updated.v1')[0]?.data as SlaClockUpdatedV1;
    expect(started.reason).toBe('started');
    expect(started.clocks).toHaveLength(1);
    expect(started.clocks[0]).toMatchObject({ target: 'ticket_due', taskId: null, policyId: null, calendarId: null, state: 'running', dueAt, warningAt, trafficLight: 'green' });
    const warning = ofType(events, 'helpdesk.sla.warning.v1')[0]?.data as SlaWarningV1;
    expect(warning).toMatchObject({ warnedAt: warningAt, clock: { target: 'ticket_due', trafficLight: 'yellow' } });
    const breached = ofType(events, 'helpdesk.sla.breached.v1')[0]?.data as SlaBreachedV1;
    expect(breached).toMatchObject({ breachedAt: dueAt, clock: { target: 'ticket_due', trafficLight: 'red', state: 'running' } });
    const last = ofType(events, 'helpdesk.sla.clock.updated.v1').at(-1)?.data as SlaClockUpdatedV1;
    expect(last).toMatchObject({ reason: 'breached', trafficLight: 'red', overdue: true });

    // Resolving the ticket keeps the (late) promise.
    await app.publish(ticketStatusChangedV1, { ...ticketStatusChangedV1.example, ticket: ticket.next({ status: 'resolved' }), actor: agent, previousStatus: 'pending', reason: null }, ticket.snapshot.ticketId);
    const after = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => ofType(e, 'helpdesk.sla.met.v1').length === 1);
    expect(ofType(after, 'helpdesk.sla.met.v1')[0]?.data).toMatchObject({ late: true, clock: { target: 'ticket_due', state: 'met' } } satisfies Partial<Record<keyof SlaMetV1, unknown>>);
  });

  it('follows a due date changed by hand and ignores the SLA service’s own due times reported back', async () => {
    const first = inMs(3_600_000);
    const ticket = new FakeTicket({ dueAt: first });
    await app.publish(ticketCreatedV1, { ...ticketCreatedV1.example, ticket: ticket.snapshot, actor: agent }, ticket.snapshot.ticketId);
    await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => e.length >= 1);

    // The ticket service copies our next due time onto the ticket: not a new due date.
    await updated(ticket.next({ dueAt: inMs(60_000) }), slaReport, [{ field: 'dueAt', before: first, after: ticket.snapshot.dueAt }]);
    const second = inMs(7_200_000);
    const secondWarning = inMs(3_600_000);
    await updated(ticket.next({ dueAt: second, warningAt: secondWarning }), agent, [{ field: 'dueAt', before: null, after: second }]);
    const events = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => ofType(e, 'helpdesk.sla.clock.updated.v1').length >= 2);
    const replaced = ofType(events, 'helpdesk.sla.clock.updated.v1')[1]?.data as SlaClockUpdatedV1;
    expect(replaced.clocks.map((c) => [c.state, c.dueAt, c.warningAt])).toEqual([
      ['cancelled', null, null],
      ['running', second, secondWarning],
    ]);
    expect(replaced).toMatchObject({ nextDueAt: second, trafficLight: 'green' });

    // Clearing the due date ends the clock.
    await updated(ticket.next({ dueAt: null, warningAt: null }), agent, [{ field: 'dueAt', before: second, after: null }]);
    await expectEventually(async () => {
      const rows = await app.query<{ state: string }>(`SELECT state FROM sla_clocks WHERE ticket_id = $1 ORDER BY started_at, id`, [ticket.snapshot.ticketId]);
      expect(rows.map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
    });
  });

  it('takes the due date from whichever event about a new ticket comes first', async () => {
    const dueAt = inMs(3_600_000);
    const ticket = new FakeTicket({ dueAt });
    const created = ticket.snapshot;
    const { ticketAssignedV1 } = await import('@helpdesk/contracts');
    // The assignment (version 2) overtakes the creation (version 1), which is then older than what we hold.
    await app.publish(ticketAssignedV1, { ...ticketAssignedV1.example, ticket: ticket.next({ assigneeId: agent.id }), actor: agent }, created.ticketId);
    await expectEventually(async () => expect(await app.query(`SELECT target, due_at FROM sla_clocks WHERE ticket_id = $1`, [created.ticketId])).toEqual([{ target: 'ticket_due', due_at: new Date(dueAt) }]));
    const handledCreations = async () => (await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE type = $1`, ['helpdesk.ticket.created.v1']))[0]?.n ?? 0;
    const before = await handledCreations();
    await app.publish(ticketCreatedV1, { ...ticketCreatedV1.example, ticket: created, actor: agent }, created.ticketId);
    await expectEventually(async () => expect(await handledCreations()).toBe(before + 1));
    expect(await app.query(`SELECT state FROM sla_clocks WHERE ticket_id = $1`, [created.ticketId])).toEqual([{ state: 'running' }]);
  });

  it('warns at a task’s reminder, breaches at its due time and meets it when done, whatever order the events come in', async () => {
    const ticket = new FakeTicket({ status: 'in_progress' });
    const late = task({ dueAt: inMs(2_000), remindAt: inMs(1_000) });
    await app.publish(ticketTaskCreatedV1, { ticket: ticket.snapshot, actor: agent, task: late }, ticket.snapshot.ticketId);
    const events = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => ofType(e, 'helpdesk.sla.breached.v1').length === 1);
    expect(ofType(events, 'helpdesk.sla.warning.v1')[0]?.data).toMatchObject({ warnedAt: late.remindAt, clock: { target: 'task_due', taskId: late.taskId } });
    expect(ofType(events, 'helpdesk.sla.breached.v1')[0]?.data).toMatchObject({ breachedAt: late.dueAt, clock: { target: 'task_due', taskId: late.taskId } });

    const completedAt = new Date().toISOString();
    await app.publish(ticketTaskCompletedV1, { ticket: ticket.snapshot, actor: agent, task: { ...late, status: 'done', completedAt }, note: 'done' }, ticket.snapshot.ticketId);
    const met = await slaEventsOf(app.nats, ticket.snapshot.ticketId, (e) => ofType(e, 'helpdesk.sla.met.v1').length === 1);
    expect(ofType(met, 'helpdesk.sla.met.v1')[0]?.data).toMatchObject({ metAt: completedAt, late: true, clock: { target: 'task_due', taskId: late.taskId, state: 'met' } });
    const sla = await app.sla.call<{ clocks: { target: string; taskId: string; state: string; phases: { phase: string }[] }[] }>('GetTicketSla', { ticketId: ticket.snapshot.ticketId }, app.tokens.agent);
    expect(sla.clocks).toMatchObject([{ target: 'task_due', taskId: late.taskId, state: 'met' }]);
    expect(sla.clocks[0]?.phases.map((p) => p.phase)).toEqual(['running', 'warning', 'breached', 'met']);

    // Completion seen before creation (separate consumers): the clock ends once and is not started again.
    const early = task({ dueAt: inMs(3_600_000), remindAt: null });
    await app.publish(ticketTaskCompletedV1, { ticket: ticket.snapshot, actor: agent, task: { ...early, status: 'cancelled', completedAt: new Date().toISOString() }, note: '' }, ticket.snapshot.ticketId);
    await expectEventually(async () => expect(await app.query(`SELECT state FROM sla_clocks WHERE task_id = $1`, [early.taskId])).toEqual([{ state: 'cancelled' }]));
    await app.publish(ticketTaskCreatedV1, { ticket: ticket.snapshot, actor: agent, task: early }, ticket.snapshot.ticketId);
    // A task without due time needs no clock; its event is the marker that the one before was handled.
    const undated = task({ dueAt: null, remindAt: null });
    await app.publish(ticketTaskCreatedV1, { ticket: ticket.snapshot, actor: agent, task: undated }, ticket.snapshot.ticketId);
    await expectEventually(async () => {
      const handled = await app.query(`SELECT 1 FROM inbox WHERE type = $1`, ['helpdesk.ticket.task.created.v1']);
      expect(handled.length).toBeGreaterThanOrEqual(3);
    });
    expect(await app.query(`SELECT state FROM sla_clocks WHERE task_id = $1`, [early.taskId])).toEqual([{ state: 'cancelled' }]);
    expect(await app.query(`SELECT 1 FROM sla_clocks WHERE task_id = $1`, [undated.taskId])).toEqual([]);
  });
});
