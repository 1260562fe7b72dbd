/** One opening interval of a day in local wall-clock minutes, `[startMinute, endMinute)`, 0 ≤ start < end ≤ 1440. */
export interface OpenInterval {
  readonly startMinute: number;
  readonly endMinute: number;
}

/**
 * When a calendar is open, in local wall-clock terms. The engine turns these into UTC ranges per
 * local day, so opening hours follow the zone's daylight-saving changes exactly.
 */
export interface CalendarRules {
  /** IANA zone the opening hours are read in. */
  readonly timeZone: string;
  /** Round the clock: every instant is business time (zone and hours are ignored). */
  readonly alwaysOpen: boolean;
  /** Opening intervals per ISO weekday, index 0 = Monday … 6 = Sunday; sorted, not overlapping. */
  readonly weekly: readonly (readonly OpenInterval[])[];
  /** Whether the whole local day (`YYYY-MM-DD`) is closed: a public holiday or a custom closed day. */
  isClosedDate(isoDate: string): boolean;
  /** Opening intervals of special opening days, overriding both the weekday and closed days. */
  readonly specialDays: ReadonlyMap<string, readonly OpenInterval[]>;
}

/** The rules of a round-the-clock (24/7) calendar. */
export const ALWAYS_OPEN: CalendarRules = {
  timeZone: 'UTC',
  alwaysOpen: true,
  weekly: [[], [], [], [], [], [], []],
  isClosedDate: () => false,
  specialDays: new Map(),
};

/** Checks that intervals are whole minutes inside the day, sorted and not overlapping; returns a reason or null. */
export function intervalProblem(intervals: readonly OpenInterval[]): string | null {
  let previousEnd = 0;
  for (const { startMinute, endMinute } of intervals) {
    if (!Number.isInteger(startMinute) || !Number.isInteger(endMinute)) return 'times must be whole minutes';
    if (startMinute < 0 || endMinute > 1440) return 'times must lie within 00:00 and 24:00';
    if (startMinute >= endMinute) return 'an interval must end after it starts';
    if (startMinute < previousEnd) return 'intervals must be sorted and must not overlap';
    previousEnd = endMinute;
  }
  return null;
}
