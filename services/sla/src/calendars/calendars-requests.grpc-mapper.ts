import { z } from 'zod';
import { intervalProblem, type OpenInterval } from '../business-time/calendar-rules';
import { isKnownTimeZone } from '../business-time/zone-offset';
import type { CalendarSettings } from './calendar';
import { isKnownHolidayRegion } from './calendar-rules.factory';

const optionalUuid = z.union([z.literal(''), z.uuid({ message: 'must be a UUID' })]).transform((v) => (v === '' ? null : v));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }).refine((d) => !Number.isNaN(Date.parse(d)), { message: 'must be a real date' });

/** `HH:MM` (00:00–24:00) → minute of the day. */
const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'must be a time HH:MM between 00:00 and 24:00' })
  .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));

const intervalsSchema = z
  .array(z.object({ start: wallTime, end: wallTime }).transform((i): OpenInterval => ({ startMinute: i.start, endMinute: i.end })))
  .superRefine((intervals, ctx) => {
    const problem = intervalProblem(intervals);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** CalendarSettings of CreateCalendar / UpdateCalendar → domain settings. */
export const calendarSettingsSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }),
    timeZone: z.string(),
    alwaysOpen: z.boolean(),
    weeklyHours: z.array(z.object({ weekday: z.int().min(1, { message: 'must be 1 (Monday) … 7 (Sunday)' }).max(7, { message: 'must be 1 (Monday) … 7 (Sunday)' }), intervals: intervalsSchema })),
    holidayCountry: z.string().regex(/^([A-Z]{2})?$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as DE' }),
    holidayRegion: z.string(),
    closedDates: z.array(isoDate),
    specialDays: z.array(z.object({ date: isoDate, intervals: intervalsSchema })),
  })
  .superRefine((s, ctx) => {
    if (s.alwaysOpen) return;
    if (!isKnownTimeZone(s.timeZone) || s.timeZone === '') ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'must be an IANA time zone such as Europe/Berlin' });
    if (new Set(s.weeklyHours.map((w) => w.weekday)).size !== s.weeklyHours.length) ctx.addIssue({ code: 'custom', path: ['weeklyHours'], message: 'each weekday may appear once' });
    if (!s.weeklyHours.some((w) => w.intervals.length > 0)) ctx.addIssue({ code: 'custom', path: ['weeklyHours'], message: 'a calendar needs opening hours on at least one weekday (or always_open)' });
    if (s.holidayRegion && !s.holidayCountry) ctx.addIssue({ code: 'custom', path: ['holidayRegion'], message: 'needs holiday_country' });
    if (s.holidayCountry && !isKnownHolidayRegion(s.holidayCountry, s.holidayRegion || null)) {
      ctx.addIssue({ code: 'custom', path: [s.holidayRegion ? 'holidayRegion' : 'holidayCountry'], message: 'has no public holiday data' });
    }
  })
  .transform((s): CalendarSettings => {
    const weekly: OpenInterval[][] = [[], [], [], [], [], [], []];
    for (const w of s.weeklyHours) weekly[w.weekday - 1] = w.intervals;
    return {
      name: s.name,
      timeZone: s.alwaysOpen ? 'UTC' : s.timeZone,
      alwaysOpen: s.alwaysOpen,
      weekly,
      holidayCountry: s.holidayCountry || null,
      holidayRegion: s.holidayRegion || null,
      closedDates: [...new Set(s.closedDates)].sort(),
      specialDays: s.specialDays,
    };
  });

export const createCalendarRequestSchema = z.object({ id: optionalUuid, settings: calendarSettingsSchema });
export const updateCalendarRequestSchema = z.object({ id: z.uuid({ message: 'must be a UUID' }), settings: calendarSettingsSchema, expectedVersion: z.int().min(0) });
