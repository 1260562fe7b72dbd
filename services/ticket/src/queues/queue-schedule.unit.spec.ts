import { TicketError } from '../tickets/ticket.errors';
import { activeSlot, checkSchedule, describeSlot, formatClock, localWeekTime, parseClock, type ScheduleSlot } from './queue-schedule';

const A = 'agent-a';
const B = 'agent-b';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const slot = (weekday: ScheduleSlot['weekday'], start: string, end: string, agentId: string): ScheduleSlot => ({
  weekday,
  startMinute: parseClock(start, false) ?? -1,
  endMinute: parseClock(end, true) ?? -1,
  agentId,
});

describe('localWeekTime', () => {
  it('reads the wall clock of the zone in winter and in summer time', () => {
    // Monday 2026-11-23: CET (UTC+1).
    expect(localWeekTime(at('2026-11-23T07:15:00Z'), BERLIN)).toEqual({ weekday: 1, minute: 8 * 60 + 15 });
    // Monday 2026-06-22: CEST (UTC+2).
    expect(localWeekTime(at('2026-06-22T06:15:00Z'), BERLIN)).toEqual({ weekday: 1, minute: 8 * 60 + 15 });
    expect(localWeekTime(at('2026-06-22T06:15:00Z'), 'UTC')).toEqual({ weekday: 1, minute: 6 * 60 + 15 });
  });

  it('moves to the next local day before UTC does', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin.
    expect(localWeekTime(at('2026-11-22T23:30:00Z'), BERLIN)).toEqual({ weekday: 1, minute: 30 });
  });
});

describe('activeSlot', () => {
  const schedule = [slot(1, '08:00', '12:00', A), slot(1, '13:00', '17:00', B), slot(7, '01:00', '04:00', A), slot(7, '02:00', '03:00', B)];
  // Not a valid schedule (Sunday overlaps), but activeSlot only reads; the DST cases below use one Sunday slot each.
  const monday = schedule.slice(0, 2);

  it('finds the slot covering the instant, start inclusive and end exclusive', () => {
    expect(activeSlot(monday, BERLIN, at('2026-11-23T07:00:00Z'))?.agentId).toBe(A); // 08:00 CET
    expect(activeSlot(monday, BERLIN, at('2026-11-23T10:59:00Z'))?.agentId).toBe(A); // 11:59
    expect(activeSlot(monday, BERLIN, at('2026-11-23T11:00:00Z'))).toBeNull(); // 12:00, lunch
    expect(activeSlot(monday, BERLIN, at('2026-11-23T12:00:00Z'))?.agentId).toBe(B); // 13:00
    expect(activeSlot(monday, BERLIN, at('2026-11-23T16:00:00Z'))).toBeNull(); // 17:00
    expect(activeSlot(monday, BERLIN, at('2026-11-24T07:00:00Z'))).toBeNull(); // Tuesday
    expect(activeSlot([], BERLIN, at('2026-11-23T07:00:00Z'))).toBeNull();
  });

  it('keeps local hours across the spring switch in Europe/Berlin (2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    // The Monday before: 08:00 CET is 07:00 UTC; the Monday after: 08:00 CEST is 06:00 UTC.
    expect(activeSlot(monday, BERLIN, at('2026-03-23T06:30:00Z'))).toBeNull();
    expect(activeSlot(monday, BERLIN, at('2026-03-23T07:30:00Z'))?.agentId).toBe(A);
    expect(activeSlot(monday, BERLIN, at('2026-03-30T06:30:00Z'))?.agentId).toBe(A);
    expect(activeSlot(monday, BERLIN, at('2026-03-30T10:30:00Z'))).toBeNull(); // 12:30 CEST
    // Sunday 01:00–04:00 local lasts two real hours on the switch night.
    const night = [schedule[2] as ScheduleSlot];
    expect(activeSlot(night, BERLIN, at('2026-03-28T23:59:00Z'))).toBeNull(); // 00:59 CET
    expect(activeSlot(night, BERLIN, at('2026-03-29T00:00:00Z'))?.agentId).toBe(A); // 01:00 CET
    expect(activeSlot(night, BERLIN, at('2026-03-29T01:00:00Z'))?.agentId).toBe(A); // 03:00 CEST, 02:xx never happens
    expect(activeSlot(night, BERLIN, at('2026-03-29T01:59:00Z'))?.agentId).toBe(A); // 03:59 CEST
    expect(activeSlot(night, BERLIN, at('2026-03-29T02:00:00Z'))).toBeNull(); // 04:00 CEST
  });

  it('serves the repeated hour twice at the autumn switch (2026-10-25, 03:00 CEST → 02:00 CET)', () => {
    const repeated = [schedule[3] as ScheduleSlot]; // Sunday 02:00–03:00, B
    expect(activeSlot(repeated, BERLIN, at('2026-10-24T23:59:00Z'))).toBeNull(); // 01:59 CEST
    expect(activeSlot(repeated, BERLIN, at('2026-10-25T00:30:00Z'))?.agentId).toBe(B); // 02:30 CEST
    expect(activeSlot(repeated, BERLIN, at('2026-10-25T01:30:00Z'))?.agentId).toBe(B); // 02:30 CET
    expect(activeSlot(repeated, BERLIN, at('2026-10-25T02:00:00Z'))).toBeNull(); // 03:00 CET
  });
});

describe('clock times', () => {
  it('parses HH:MM, allowing 24:00 only as an end', () => {
    expect(parseClock('08:30', false)).toBe(510);
    expect(parseClock('24:00', true)).toBe(1440);
    expect(parseClock('24:00', false)).toBeNull();
    expect(parseClock('8:30', false)).toBeNull();
    expect(parseClock('12:60', false)).toBeNull();
    expect(formatClock(1440)).toBe('24:00');
    expect(describeSlot(slot(1, '08:00', '12:00', A))).toBe('Monday 08:00–12:00');
  });
});

describe('checkSchedule', () => {
  const fieldOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof TicketError) return error.field;
      throw error;
    }
    throw new Error('expected a TicketError');
  };

  it('sorts a valid schedule by weekday and start', () => {
    const sorted = checkSchedule([slot(2, '08:00', '12:00', B), slot(1, '13:00', '17:00', B), slot(1, '08:00', '13:00', A)], [A, B]);
    expect(sorted.map(describeSlot)).toEqual(['Monday 08:00–13:00', 'Monday 13:00–17:00', 'Tuesday 08:00–12:00']);
  });

  it('refuses overlaps, empty slots and agents who are not members, naming the slot', () => {
    expect(fieldOf(() => checkSchedule([slot(1, '08:00', '12:00', A), slot(1, '11:00', '14:00', B)], [A, B]))).toBe('slots[1]');
    expect(fieldOf(() => checkSchedule([slot(1, '12:00', '12:00', A)], [A]))).toBe('slots[0].endTime');
    expect(fieldOf(() => checkSchedule([slot(1, '08:00', '12:00', 'stranger')], [A]))).toBe('slots[0].agentId');
  });
});
