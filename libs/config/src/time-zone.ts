import { z } from 'zod';

/** True for an IANA time zone the runtime knows, such as `Europe/Berlin`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone (`Europe/Berlin`, `UTC`). */
export const timeZone = () => z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });
