import Holidays from 'date-holidays';
import { ALWAYS_OPEN, type CalendarRules } from '../business-time/calendar-rules';
import type { CalendarSettings } from './calendar';

/**
 * Turns calendar settings into the engine's rules. Public holidays come from `date-holidays`
 * (type `public` only: bank and observance days are working days), computed per year on demand.
 */
export function calendarRulesOf(settings: CalendarSettings): CalendarRules {
  if (settings.alwaysOpen) return ALWAYS_OPEN;
  const closed = new Set(settings.closedDates);
  const holidaysOf = publicHolidayLookup(settings.holidayCountry, settings.holidayRegion);
  return {
    timeZone: settings.timeZone,
    alwaysOpen: false,
    weekly: settings.weekly,
    isClosedDate: (isoDate) => closed.has(isoDate) || holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate),
    specialDays: new Map(settings.specialDays.map((d) => [d.date, d.intervals])),
  };
}

function publicHolidayLookup(country: string | null, region: string | null): (year: number) => ReadonlySet<string> {
  const none: ReadonlySet<string> = new Set();
  if (!country) return () => none;
  const holidays = region ? new Holidays(country, region) : new Holidays(country);
  const years = new Map<number, ReadonlySet<string>>();
  return (year) => {
    let dates = years.get(year);
    if (!dates) {
      dates = new Set(holidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      years.set(year, dates);
    }
    return dates;
  };
}

/** Whether date-holidays knows the country (and region, when given). */
export function isKnownHolidayRegion(country: string, region: string | null): boolean {
  const holidays = new Holidays();
  const countries = holidays.getCountries();
  if (!(country in countries)) return false;
  if (!region) return true;
  return region in (holidays.getStates(country) ?? {});
}
