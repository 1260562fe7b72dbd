import { calendarDate, dateParts, todayIn } from './calendar-date';

describe('calendar dates', () => {
  it('accepts only days that exist', () => {
    expect(calendarDate(2026, 2, 28)).toBe('2026-02-28');
    expect(calendarDate(2028, 2, 29)).toBe('2028-02-29');
    expect(calendarDate(2026, 2, 29)).toBeUndefined();
    expect(calendarDate(2026, 13, 1)).toBeUndefined();
    expect(calendarDate(0, 1, 1)).toBeUndefined();
    expect(calendarDate(99, 1, 1)).toBe('0099-01-01');
    expect(dateParts('2026-06-30')).toEqual({ year: 2026, month: 6, day: 30 });
  });

  it('takes "today" from the configured time zone, not from UTC', () => {
    const newYearsNightInBerlin = new Date('2026-12-31T23:30:00.000Z');
    expect(todayIn('Europe/Berlin', newYearsNightInBerlin)).toBe('2027-01-01');
    expect(todayIn('UTC', newYearsNightInBerlin)).toBe('2026-12-31');
    expect(todayIn('America/New_York', newYearsNightInBerlin)).toBe('2026-12-31');
  });
});
