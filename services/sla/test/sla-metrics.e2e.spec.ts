import { ticketCreatedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { TimerWorker } from '../src/timers/timer-worker';
import { startSlaApp, type SlaApp } from './support/sla-app';
import { FakeTicket } from './support/ticket-events';

jest.setTimeout(90_000);

const actor = { kind: 'agent' as const, id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };

/** The value of one sample line of the Prometheus text format (`name{labels} value`); undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('SLA timer metrics on /metrics', () => {
  let app: SlaApp;
  const scrape = async () => (await fetch(`http://127.0.0.1:${app.service.ops.port}/metrics`)).text();

  beforeAll(async () => {
    // The timer polls once at start and then sleeps for an hour unless woken: the test fires it by hand.
    app = await startSlaApp('sla-metrics', { SLA_TIMER_POLL_MS: '3600000', SLA_DEFAULT_POLICY_ID: '01936a00-7777-7aaa-8bbb-0000000000e1' });
    const { calendar } = await app.sla.call<{ calendar: { id: string } }>('CreateCalendar', { settings: { name: '24/7', alwaysOpen: true } }, app.tokens.admin);
    await app.sla.call(
      'CreatePolicy',
      { id: '01936a00-7777-7aaa-8bbb-0000000000e1', settings: { name: 'Fast', calendarId: calendar.id, targets: [{ priority: 'normal', firstResponse: 'PT1S', resolution: 'PT1H' }] } },
      app.tokens.admin,
    );
  });
  afterAll(() => app.stop());

  it('shows timers due while nobody fires them, then the fired moments and how late they fired', async () => {
    expect(sample(await scrape(), 'helpdesk_sla_timers_due')).toBe(0);
    const ticket = new FakeTicket();
    await app.publish(ticketCreatedV1, { ...ticketCreatedV1.example, ticket: ticket.snapshot, actor }, ticket.snapshot.ticketId);
    // The first response is due a second after creation; nobody fires it yet.
    await expectEventually(async () => expect(sample(await scrape(), 'helpdesk_sla_timers_due')).toBe(1), { timeoutMs: 30_000 });

    expect(await app.service.app.get(TimerWorker).tick()).toBe(1);
    const text = await scrape();
    expect(sample(text, 'helpdesk_sla_timers_due')).toBe(0);
    expect(sample(text, 'helpdesk_sla_timers_fired_total{kind="breach"}')).toBe(1);
    expect(sample(text, 'helpdesk_sla_timer_lateness_seconds_count{kind="breach"}')).toBe(1);
    // Fired by hand after the due time had passed: late by more than nothing, within the bucket bounds.
    expect(sample(text, 'helpdesk_sla_timer_lateness_seconds_sum{kind="breach"}')).toBeGreaterThan(0);
    expect(sample(text, 'helpdesk_sla_timer_lateness_seconds_bucket{le="300",kind="breach"}')).toBe(1);
  });
});
