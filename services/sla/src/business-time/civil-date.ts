/** Milliseconds in a civil day (local days are counted without DST, as on a wall calendar). */
export const DAY_MS = 86_400_000;

/** The civil day number (days since 1970-01-01) of an ISO date `YYYY-MM-DD`. */
export function dayNumberOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** The ISO date `YYYY-MM-DD` of a civil day number. */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a civil day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
