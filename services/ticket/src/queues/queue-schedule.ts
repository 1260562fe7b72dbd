import { invalidField } from '../tickets/ticket.errors';

/** ISO 8601 weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One weekly slot in which a member serves a schedule queue, as wall-clock minutes of the day in
 * the queue's time zone: start inclusive, end exclusive, both on `weekday`.
 */
export interface ScheduleSlot {
  readonly weekday: Weekday;
  /** 0 … 1439. */
  readonly startMinute: number;
  /** startMinute + 1 … 1440 (1440 = midnight at the end of the day). */
  readonly endMinute: number;
  readonly agentId: string;
}

/** A moment as the wall clock of a time zone shows it, reduced to the week. */
export interface LocalWeekTime {
  readonly weekday: Weekday;
  /** Minutes since local midnight, 0 … 1439. */
  readonly minute: number;
}

const DAY_MINUTES = 1440;
const WEEKDAYS: Readonly<Record<string, Weekday>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

// Formatters are costly to build and immutable; one per zone for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local weekday and minute of `instant` in `timeZone`. The zone rules (daylight saving
 * included) come from the runtime's ICU time-zone data through `Intl.DateTimeFormat`, so no date
 * arithmetic happens here: on the spring-forward night 02:30 simply never shows up, and in the
 * repeated autumn hour both instants read 02:xx.
 */
export function localWeekTime(instant: Date, timeZone: string): LocalWeekTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[part('weekday')];
  if (weekday === undefined) throw new Error(`localWeekTime: unexpected weekday "${part('weekday')}" for ${timeZone}`);
  // Some ICU versions print midnight as 24 even with h23.
  const hour = Number(part('hour')) % 24;
  return { weekday, minute: hour * 60 + Number(part('minute')) };
}

/** The slot of `schedule` that covers `instant` in `timeZone`, or null (slots never overlap). */
export function activeSlot(schedule: readonly ScheduleSlot[], timeZone: string, instant: Date): ScheduleSlot | null {
  if (schedule.length === 0) return null;
  const local = localWeekTime(instant, timeZone);
  return schedule.find((s) => s.weekday === local.weekday && s.startMinute <= local.minute && local.minute < s.endMinute) ?? null;
}

/** "HH:MM" → minutes of the day; `allowEndOfDay` also takes "24:00". Null when malformed. */
export function parseClock(value: string, allowEndOfDay: boolean): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59) return null;
  if (minutes < DAY_MINUTES || (allowEndOfDay && minutes === DAY_MINUTES)) return minutes;
  return null;
}

/** Minutes of the day → "HH:MM" (1440 → "24:00"). */
export function formatClock(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "Monday 08:00–12:00", for history reasons and messages. */
export function describeSlot(slot: ScheduleSlot): string {
  return `${WEEKDAY_NAMES[slot.weekday]} ${formatClock(slot.startMinute)}–${formatClock(slot.endMinute)}`;
}

/**
 * Checks a whole schedule against the queue's members: every slot served by a member, start
 * before end, no two slots of a weekday overlapping. Returns the slots by weekday and start.
 * Errors name the request field, e.g. `slots[2].agentId`.
 */
export function checkSchedule(slots: readonly ScheduleSlot[], memberIds: readonly string[]): ScheduleSlot[] {
  slots.forEach((slot, index) => {
    if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) throw invalidField(`slots[${index}].weekday`, 'must be set');
    if (!(slot.startMinute >= 0 && slot.startMinute < slot.endMinute && slot.endMinute <= DAY_MINUTES)) {
      throw invalidField(`slots[${index}].endTime`, 'must be later than startTime on the same day');
    }
    if (!memberIds.includes(slot.agentId)) throw invalidField(`slots[${index}].agentId`, `agent ${slot.agentId} is not a member of the queue`);
  });
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1], sorted[i]];
    if (before && after && before.weekday === after.weekday && after.startMinute < before.endMinute) {
      throw invalidField(`slots[${slots.indexOf(after)}]`, `overlaps ${describeSlot(before)}`);
    }
  }
  return sorted;
}
