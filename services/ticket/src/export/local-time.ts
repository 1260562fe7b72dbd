/** Times as an export shows them: minutes in one IANA time zone. */
export interface LocalTime {
  /** The IANA zone, e.g. `Europe/Berlin`. */
  readonly zone: string;
  /** `2026-11-24 09:30` in the zone; '' for no date. Spreadsheets read this as a date and time. */
  format(date: Date | null): string;
  /** `20261124-0930` in the zone, for file names. */
  stamp(date: Date): string;
}

/** Formats times in `zone` (throws a RangeError for an unknown zone). */
export function localTime(zone: string): LocalTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = (date: Date) => {
    const values: Record<string, string> = {};
    for (const part of format.formatToParts(date)) values[part.type] = part.value;
    return { y: values['year'] ?? '', mo: values['month'] ?? '', d: values['day'] ?? '', h: values['hour'] ?? '', mi: values['minute'] ?? '' };
  };
  return {
    zone,
    format: (date) => {
      if (!date) return '';
      const { y, mo, d, h, mi } = parts(date);
      return `${y}-${mo}-${d} ${h}:${mi}`;
    },
    stamp: (date) => {
      const { y, mo, d, h, mi } = parts(date);
      return `${y}${mo}${d}-${h}${mi}`;
    },
  };
}
