import fc from 'fast-check';
import { BusinessCalendar } from './business-calendar';
import { ALWAYS_OPEN, type CalendarRules, type OpenInterval } from './calendar-rules';
import { referenceAdd, referenceBetween } from './minute-reference.testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC'] as const;

function rulesOf(timeZone: string, weekly: OpenInterval[][], closed: string[] = [], special: [string, OpenInterval[]][] = []): CalendarRules {
  const closedSet = new Set(closed);
  return { timeZone, alwaysOpen: false, weekly, isClosedDate: (d) => closedSet.has(d), specialDays: new Map(special) };
}

const officeHours: OpenInterval[] = [
  { startMinute: 8 * 60, endMinute: 12 * 60 },
  { startMinute: 13 * 60, endMinute: 17 * 60 },
];
const germanOffice = rulesOf('Europe/Berlin', [officeHours, officeHours, officeHours, officeHours, officeHours, [], []], ['2026-12-25']);

/** Random sorted, non-overlapping intervals of a day, with a bias to the DST hours 01:00–04:00. */
const dayIntervals = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 50, max: 250 })), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: OpenInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ startMinute: sorted[i] as number, endMinute: sorted[i + 1] as number });
    return intervals;
  });

/** Instants around the 2026 DST changes of Berlin (29 Mar, 25 Oct) and New York (8 Mar, 1 Nov), minute-aligned. */
const dstAnchors = ['2026-03-08T00:00:00Z', '2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z', '2026-11-01T00:00:00Z'].map((s) => Date.parse(s));
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...dstAnchors), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 })).map(([anchor, minutes]) => anchor + minutes * MINUTE),
  fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / MINUTE, max: Date.parse('2027-01-01T00:00:00Z') / MINUTE }).map((m) => m * MINUTE),
);

const calendar = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    weekly: fc.array(dayIntervals, { minLength: 7, maxLength: 7 }),
    closedOffsets: fc.array(fc.integer({ min: -5, max: 10 }), { maxLength: 4 }),
    special: fc.option(fc.tuple(fc.integer({ min: -3, max: 5 }), dayIntervals), { nil: undefined }),
  })
  .filter((c) => c.weekly.flat().reduce((sum, i) => sum + i.endMinute - i.startMinute, 0) >= 120);

function datesNear(anchor: number, offsets: readonly number[]): string[] {
  return offsets.map((d) => new Date(anchor + d * 24 * HOUR).toISOString().slice(0, 10));
}

describe('BusinessCalendar', () => {
  it('adds business time within opening hours, skipping lunch, nights, weekends and holidays', () => {
    const cal = new BusinessCalendar(germanOffice);
    // Thursday 24 Dec 2026, 16:30 Berlin (UTC+1): 30 min left that day, 25 Dec is a holiday, weekend, Monday 08:00.
    const start = Date.parse('2026-12-24T15:30:00Z');
    expect(new Date(cal.add(start, 2 * HOUR)).toISOString()).toBe('2026-12-28T08:30:00.000Z');
    expect(cal.between(start, Date.parse('2026-12-28T08:30:00Z'))).toBe(2 * HOUR);
  });

  it('counts the short spring-forward night and the long fall-back night exactly', () => {
    const night = rulesOf('Europe/Berlin', Array.from({ length: 7 }, () => [{ startMinute: 0, endMinute: 6 * 60 }]));
    const cal = new BusinessCalendar(night);
    // 29 Mar 2026: 00:00–06:00 local lasts 5 h; 25 Oct 2026: 7 h.
    expect(cal.between(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-29T12:00:00Z'))).toBe(5 * HOUR);
    expect(cal.between(Date.parse('2026-10-24T12:00:00Z'), Date.parse('2026-10-25T12:00:00Z'))).toBe(7 * HOUR);
  });

  it('is open round the clock for the 24/7 calendar', () => {
    const cal = new BusinessCalendar(ALWAYS_OPEN);
    expect(cal.add(1_000, 5_000)).toBe(6_000);
    expect(cal.between(1_000, 6_000)).toBe(5_000);
  });

  it('refuses a calendar that is never open', () => {
    const cal = new BusinessCalendar(rulesOf('UTC', [[], [], [], [], [], [], []]));
    expect(() => cal.add(0, MINUTE)).toThrow(/no open hours/);
  });

  it('agrees with the minute-by-minute reference (between)', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 4 * 24 * 60 }), (c, from, minutes) => {
        const rules = rulesOf(c.zone, c.weekly, datesNear(from, c.closedOffsets), c.special ? [[datesNear(from, [c.special[0]])[0] as string, c.special[1]]] : []);
        const to = from + minutes * MINUTE;
        expect(new BusinessCalendar(rules).between(from, to)).toBe(referenceBetween(rules, from, to));
      }),
      { numRuns: 120 },
    );
  });

  it('agrees with the minute-by-minute reference (add), and add and between are inverse', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 12 * 60 }), (c, start, minutes) => {
        const rules = rulesOf(c.zone, c.weekly, datesNear(start, c.closedOffsets), c.special ? [[datesNear(start, [c.special[0]])[0] as string, c.special[1]]] : []);
        const cal = new BusinessCalendar(rules);
        const due = cal.add(start, minutes * MINUTE);
        expect(due).toBe(referenceAdd(rules, start, minutes * MINUTE));
        expect(cal.between(start, due)).toBe(minutes * MINUTE);
      }),
      { numRuns: 60 },
    );
  });

  it('splits and joins: between(a, c) = between(a, b) + between(b, c) for any instants, also off the minute', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 2 * 24 * HOUR }), fc.integer({ min: 0, max: 2 * 24 * HOUR }), (c, a, x, y) => {
        const cal = new BusinessCalendar(rulesOf(c.zone, c.weekly));
        expect(cal.between(a, a + x + y)).toBe(cal.between(a, a + x) + cal.between(a + x, a + x + y));
      }),
      { numRuns: 200 },
    );
  });
});
