import type { slaV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import type { OpenInterval } from '../business-time/calendar-rules';
import type { Calendar } from './calendar';

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const intervals = (list: readonly OpenInterval[]) => list.map((i) => ({ start: hhmm(i.startMinute), end: hhmm(i.endMinute) }));

/** A calendar as the API shows it. */
export function toCalendarMessage(calendar: Calendar): slaV1.BusinessCalendar {
  const s = calendar.settings;
  return {
    id: calendar.id,
    version: calendar.version,
    settings: {
      name: s.name,
      timeZone: s.timeZone,
      alwaysOpen: s.alwaysOpen,
      weeklyHours: s.weekly.map((list, i) => ({ weekday: i + 1, intervals: intervals(list) })).filter((w) => w.intervals.length > 0),
      holidayCountry: s.holidayCountry ?? '',
      holidayRegion: s.holidayRegion ?? '',
      closedDates: [...s.closedDates],
      specialDays: s.specialDays.map((d) => ({ date: d.date, intervals: intervals(d.intervals) })),
    },
    updatedAt: toTimestamp(calendar.updatedAt),
  };
}
