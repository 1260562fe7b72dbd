import type { CalendarRules } from './calendar-rules';

/**
 * A deliberately naive reference for the property tests: it asks Intl for the local wall time of
 * every single minute and checks it against the rules. Slow, but independent of the engine's
 * range construction, so the two agreeing is evidence the engine is exact.
 */
const MINUTE_MS = 60_000;
const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(timeZone: string, utcMs: number): { isoDate: string; weekdayIndex: number; minuteOfDay: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  return {
    isoDate: `${parts.year}-${parts.month}-${parts.day}`,
    weekdayIndex: WEEKDAYS[parts.weekday as string] as number,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Whether the calendar is open during the minute starting at `utcMs` (minute-aligned). */
export function referenceIsOpen(rules: CalendarRules, utcMs: number): boolean {
  if (rules.alwaysOpen) return true;
  const { isoDate, weekdayIndex, minuteOfDay } = localParts(rules.timeZone, utcMs);
  const intervals = rules.specialDays.get(isoDate) ?? (rules.isClosedDate(isoDate) ? [] : (rules.weekly[weekdayIndex] ?? []));
  return intervals.some((i) => minuteOfDay >= i.startMinute && minuteOfDay < i.endMinute);
}

/** Open minutes in `[fromMs, toMs)`, both minute-aligned, in milliseconds. */
export function referenceBetween(rules: CalendarRules, fromMs: number, toMs: number): number {
  let total = 0;
  for (let t = fromMs; t < toMs; t += MINUTE_MS) if (referenceIsOpen(rules, t)) total += MINUTE_MS;
  return total;
}

/** The end of the minute in which the `durationMs / 1 min`-th open minute after `startMs` ends. */
export function referenceAdd(rules: CalendarRules, startMs: number, durationMs: number, limitMinutes = 60 * 24 * 400): number {
  if (durationMs === 0) return startMs;
  let needed = durationMs / MINUTE_MS;
  for (let t = startMs, i = 0; i < limitMinutes; t += MINUTE_MS, i++) {
    if (referenceIsOpen(rules, t) && --needed === 0) return t + MINUTE_MS;
  }
  throw new Error('reference: never reached');
}
