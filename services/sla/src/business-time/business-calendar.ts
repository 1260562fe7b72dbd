import type { CalendarRules, OpenInterval } from './calendar-rules';
import { DAY_MS, isoDateOf, isoWeekdayOf } from './civil-date';
import { zoneOffsetMs } from './zone-offset';

const HOUR_MS = 3_600_000;
/** UTC offsets lie within -12 h … +14 h, so the local day of an instant is one of these neighbours. */
const MIN_OFFSET_MS = -12 * HOUR_MS;
const MAX_OFFSET_MS = 14 * HOUR_MS;
/** A calendar that is never open within this many days is refused instead of looping forever. */
const SEARCH_LIMIT_DAYS = 3 * 366;
/** Cached days per calendar before the cache starts over (bounds memory for long-lived processes). */
const CACHE_LIMIT = 50_000;

/** A UTC range `[start, end)` in epoch milliseconds. */
type Range = readonly [number, number];

/** Thrown when a duration cannot be placed because the calendar has no open time ahead. */
export class CalendarNeverOpenError extends Error {
  constructor() {
    super(`the calendar has no open hours within ${SEARCH_LIMIT_DAYS} days`);
  }
}

/**
 * Business-time arithmetic on one calendar: adding business time to an instant and measuring
 * business time between instants. Each local day is turned once into its open UTC ranges
 * (exact across DST changes, see {@link openRangesOfDay}) and cached, so the hot path is a walk
 * over a few cached ranges.
 */
export class BusinessCalendar {
  private readonly days = new Map<number, readonly Range[]>();

  constructor(readonly rules: CalendarRules) {}

  /** The instant at which `durationMs` of business time has passed after `startMs`. */
  add(startMs: number, durationMs: number): number {
    if (durationMs <= 0 || this.rules.alwaysOpen) return startMs + Math.max(0, durationMs);
    let remaining = durationMs;
    const firstDay = Math.floor((startMs + MIN_OFFSET_MS) / DAY_MS);
    for (let day = firstDay; day < firstDay + SEARCH_LIMIT_DAYS; day++) {
      for (const [rangeStart, rangeEnd] of this.openRangesOfDay(day)) {
        if (rangeEnd <= startMs) continue;
        const from = Math.max(rangeStart, startMs);
        const available = rangeEnd - from;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
    }
    throw new CalendarNeverOpenError();
  }

  /** Business time in milliseconds within `[fromMs, toMs)`; 0 when `toMs` is not after `fromMs`. */
  between(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return 0;
    if (this.rules.alwaysOpen) return toMs - fromMs;
    let total = 0;
    const lastDay = Math.floor((toMs + MAX_OFFSET_MS) / DAY_MS);
    for (let day = Math.floor((fromMs + MIN_OFFSET_MS) / DAY_MS); day <= lastDay; day++) {
      for (const [rangeStart, rangeEnd] of this.openRangesOfDay(day)) {
        const from = Math.max(rangeStart, fromMs);
        const to = Math.min(rangeEnd, toMs);
        if (to > from) total += to - from;
      }
    }
    return total;
  }

  /** Whether the calendar is open at instant `utcMs`. */
  isOpen(utcMs: number): boolean {
    return this.between(utcMs, utcMs + 1) === 1;
  }

  /**
   * The UTC ranges in which local day `day` (civil day number) is open. For an interval
   * `[s, e)` of local minutes, an instant t belongs to it when t + offset(t) falls inside. Within
   * the ~50 h around a local day the offset changes at most once (at instant T, from o1 to o2),
   * so the exact preimage is `[s - o1, e - o1) ∩ (-∞, T)` plus `[s - o2, e - o2) ∩ [T, ∞)`: a
   * skipped spring-forward hour shortens the day, a repeated fall-back hour counts twice.
   */
  openRangesOfDay(day: number): readonly Range[] {
    const cached = this.days.get(day);
    if (cached) return cached;
    if (this.days.size >= CACHE_LIMIT) this.days.clear();
    const ranges = this.computeRanges(day);
    this.days.set(day, ranges);
    return ranges;
  }

  private computeRanges(day: number): Range[] {
    const intervals = this.intervalsOf(day);
    if (intervals.length === 0) return [];
    const zone = this.rules.timeZone;
    const localMidnight = day * DAY_MS;
    const before = localMidnight - MAX_OFFSET_MS;
    const after = localMidnight + DAY_MS - MIN_OFFSET_MS;
    const o1 = zoneOffsetMs(zone, before);
    const o2 = zoneOffsetMs(zone, after);
    const transition = o1 === o2 ? Number.POSITIVE_INFINITY : findTransition(zone, before, after, o1);
    const ranges: Range[] = [];
    for (const { startMinute, endMinute } of intervals) {
      const localStart = localMidnight + startMinute * 60_000;
      const localEnd = localMidnight + endMinute * 60_000;
      pushRange(ranges, localStart - o1, Math.min(localEnd - o1, transition));
      if (transition !== Number.POSITIVE_INFINITY) pushRange(ranges, Math.max(localStart - o2, transition), localEnd - o2);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    return mergeTouching(ranges);
  }

  private intervalsOf(day: number): readonly OpenInterval[] {
    const isoDate = isoDateOf(day);
    const special = this.rules.specialDays.get(isoDate);
    if (special) return special;
    if (this.rules.isClosedDate(isoDate)) return [];
    return this.rules.weekly[isoWeekdayOf(day) - 1] ?? [];
  }
}

function pushRange(ranges: Range[], start: number, end: number): void {
  if (end > start) ranges.push([start, end]);
}

function mergeTouching(sorted: Range[]): Range[] {
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], range[1])];
    else merged.push(range);
  }
  return merged;
}

/** The first millisecond in `(lo, hi]` whose offset differs from `offsetAtLo` (binary search). */
function findTransition(zone: string, lo: number, hi: number, offsetAtLo: number): number {
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zoneOffsetMs(zone, mid) === offsetAtLo) low = mid;
    else high = mid;
  }
  return high;
}
