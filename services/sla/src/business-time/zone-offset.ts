/**
 * UTC offsets of IANA time zones from the runtime's ICU data (Intl), so no tz database has to be
 * shipped or kept current separately from Node.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in milliseconds at instant `utcMs` (local = utc + offset). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  const parts = formatterOf(timeZone).formatToParts(new Date(wholeSecond));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - field('year') : field('year');
  const local = Date.UTC(year, field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  // Date.UTC maps years 0..99 to 1900..1999; irrelevant for the instants an SLA deals with.
  return local - wholeSecond;
}
