/**
 * ISO-8601 durations as SLA targets use them: weeks, days, hours, minutes and seconds
 * (`P2D`, `PT8H`, `PT30M`, `PT45S`, `P1DT4H`). Years and months have no fixed length and are
 * refused. A day counts 24 hours of the clock's counted (business) time.
 */
const PATTERN = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const SECOND = 1000;
const UNITS_MS = [7 * 86_400 * SECOND, 86_400 * SECOND, 3_600 * SECOND, 60 * SECOND, SECOND] as const;

/** Milliseconds of an ISO-8601 duration, or null when it is not one this service accepts. */
export function parseIsoDuration(text: string): number | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  let total = 0;
  UNITS_MS.forEach((unit, i) => {
    total += Number(match[i + 1] ?? 0) * unit;
  });
  return total;
}

/** The shortest ISO-8601 form of whole seconds (`PT0S` for zero). */
export function formatIsoDuration(ms: number): string {
  let seconds = Math.floor(ms / SECOND);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3_600);
  seconds -= hours * 3_600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
