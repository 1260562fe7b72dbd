import type { OpenInterval } from '../business-time/calendar-rules';

/** A date with opening hours that override its weekday and any holiday. */
export interface SpecialDay {
  readonly date: string;
  readonly intervals: readonly OpenInterval[];
}

/** What an admin configures on a business-hour calendar. */
export interface CalendarSettings {
  readonly name: string;
  readonly timeZone: string;
  readonly alwaysOpen: boolean;
  /** Index 0 = Monday … 6 = Sunday. */
  readonly weekly: readonly (readonly OpenInterval[])[];
  /** ISO 3166-1 alpha-2 country of the public holidays; null for none. */
  readonly holidayCountry: string | null;
  /** Subdivision, e.g. `BY`; null for the national holidays. */
  readonly holidayRegion: string | null;
  readonly closedDates: readonly string[];
  readonly specialDays: readonly SpecialDay[];
}

/** A stored calendar. */
export interface Calendar {
  readonly id: string;
  readonly version: number;
  readonly settings: CalendarSettings;
  readonly updatedAt: Date;
}
