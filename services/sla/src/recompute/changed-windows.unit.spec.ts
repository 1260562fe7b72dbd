import { BusinessCalendar } from '../business-time/business-calendar';
import type { CalendarRules } from '../business-time/calendar-rules';
import { ALWAYS_OPEN } from '../business-time/calendar-rules';
import { changedWindows } from './changed-windows';

const day = [{ startMinute: 480, endMinute: 1020 }];
const office = (closed: readonly string[] = [], weekly = [day, day, day, day, day, [], []]): BusinessCalendar =>
  new BusinessCalendar({ timeZone: 'Europe/Berlin', alwaysOpen: false, weekly, isClosedDate: (d) => closed.includes(d), specialDays: new Map() } satisfies CalendarRules);
const from = Date.parse('2030-01-01T00:00:00Z');
const to = Date.parse('2030-03-01T00:00:00Z');

describe('changedWindows', () => {
  it('finds the one day a holiday closes, with an hour of slack around its opening hours', () => {
    expect(changedWindows(office(), office(['2030-01-14']), from, to)).toEqual([
      { fromMs: Date.parse('2030-01-14T06:00:00Z'), toMs: Date.parse('2030-01-14T17:00:00Z') },
    ]);
  });

  it('is empty when nothing changed within the span, and merges neighbouring days', () => {
    expect(changedWindows(office(['2031-05-05']), office(), from, to)).toEqual([]);
    const windows = changedWindows(office(), office(['2030-01-14', '2030-01-15']), from, to);
    expect(windows).toHaveLength(2);
  });

  it('turns many changed days into one window and a switch to 24/7 into everything', () => {
    const shorter = [{ startMinute: 480, endMinute: 960 }];
    // A year of weekdays: each one changed, too many windows to test each clock against.
    const windows = changedWindows(office(), office([], [shorter, shorter, shorter, shorter, shorter, [], []]), from, Date.parse('2030-12-31T00:00:00Z'));
    expect(windows).toEqual([{ fromMs: expect.any(Number), toMs: expect.any(Number) }]);
    expect(windows[0]?.fromMs).toBeLessThan(Date.parse('2030-01-02T00:00:00Z'));
    expect(windows[0]?.toMs).toBeGreaterThan(Date.parse('2030-12-30T00:00:00Z'));
    expect(changedWindows(office(), new BusinessCalendar(ALWAYS_OPEN), from, to)).toEqual([{ fromMs: from - 86_400_000, toMs: to + 86_400_000 }]);
  });
});
