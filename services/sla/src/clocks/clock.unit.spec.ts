import { BusinessCalendar } from '../business-time/business-calendar';
import { ALWAYS_OPEN } from '../business-time/calendar-rules';
import type { EscalationLevelSpec } from '../policies/policy';
import { catchUp, meetClock, pauseClock, resumeClock, retargetClock, startClock, trafficLightOf, type ClockRules } from './clock';

const S = 1000;
const t0 = Date.parse('2026-11-23T10:00:00.000Z');
const at = (seconds: number) => new Date(t0 + seconds * S);
const level = (n: number, trigger: EscalationLevelSpec['trigger'], afterMs = 0): EscalationLevelSpec => ({ level: n, trigger, afterMs, recipients: [] });
const rules: ClockRules = { calendar: new BusinessCalendar(ALWAYS_OPEN), escalations: [level(1, 'breach'), level(2, 'after_breach', 5 * S)] };
const start = { id: 'c1', ticketId: 't1', target: 'first_response' as const, policyId: 'p1', calendarId: null, targetMs: 10 * S, warningMs: 5 * S };

describe('clock', () => {
  it('schedules warning then due, and fires the warning once', () => {
    const clock = startClock(start, at(0), true, rules);
    expect(clock).toMatchObject({ warningAt: at(5), dueAt: at(10), nextFireAt: at(5), state: 'running' });
    const warned = catchUp(clock, at(7), rules);
    expect(warned.moments).toEqual([{ kind: 'warning', at: at(5) }]);
    expect(warned.clock.nextFireAt).toEqual(at(10));
    expect(trafficLightOf(warned.clock)).toBe('yellow');
    expect(catchUp(warned.clock, at(8), rules).moments).toEqual([]);
  });

  it('pauses without counting and shifts the due time on resume', () => {
    const paused = pauseClock(startClock(start, at(0), true, rules), at(8), rules).clock;
    expect(paused).toMatchObject({ state: 'paused', elapsedMs: 8 * S, dueAt: null, warningAt: null, nextFireAt: null });
    const resumed = resumeClock(paused, at(100), rules).clock;
    expect(resumed).toMatchObject({ state: 'running', dueAt: at(102), nextFireAt: at(102) });
    const breached = catchUp(resumed, at(103), rules);
    expect(breached.moments.map((m) => m.kind)).toEqual(['breach', 'escalation']);
    expect(breached.clock).toMatchObject({ breachedAt: at(102), escalationLevel: 1, nextFireAt: at(107) });
    expect(trafficLightOf(breached.clock)).toBe('red');
  });

  it('meets late, firing what passed before the meeting first', () => {
    const clock = startClock(start, at(0), true, rules);
    const met = meetClock(clock, at(20), rules);
    expect(met.moments.map((m) => m.kind)).toEqual(['warning', 'breach', 'escalation', 'escalation', 'met']);
    expect(met.moments.at(-1)).toEqual({ kind: 'met', at: at(20), late: true });
    expect(met.clock).toMatchObject({ state: 'met', elapsedMs: 20 * S, nextFireAt: null, escalationLevel: 2 });
    expect(meetClock(met.clock, at(30), rules).moments).toEqual([]);
  });

  it('keeps elapsed time when retargeted; a target already passed breaches at the change', () => {
    const clock = startClock(start, at(0), true, rules);
    const shorter = retargetClock(clock, { targetMs: 4 * S, warningMs: null, calendarId: null }, at(6), rules, rules);
    expect(shorter.moments.map((m) => m.kind)).toEqual(['breach', 'escalation']);
    expect(shorter.clock).toMatchObject({ elapsedMs: 6 * S, breachedAt: at(6), targetMs: 4 * S });
  });
});
