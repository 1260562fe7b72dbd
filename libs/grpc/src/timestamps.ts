import type { commonV1 } from '@helpdesk/contracts';
import { z } from 'zod';

// google.protobuf.Timestamp's documented range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
const MIN_SECONDS = -62_135_596_800;
const MAX_SECONDS = 253_402_300_799;
const MAX_NANOS = 999_999_999;

const RANGE_PROBLEM = 'must be a Timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z with nanos from 0 to 999999999';

/**
 * A `Date` as a `google.protobuf.Timestamp` message (`seconds` as a decimal string, as the
 * loader's `longs: String` and ts-proto's `forceLong=string` have it); `null`/`undefined` give
 * `undefined`, the unset message field. Throws a `RangeError` for an invalid Date.
 */
export function toTimestamp(date: Date): commonV1.Timestamp;
export function toTimestamp(date: Date | null | undefined): commonV1.Timestamp | undefined;
export function toTimestamp(date: Date | null | undefined): commonV1.Timestamp | undefined {
  if (date === null || date === undefined) return undefined;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('toTimestamp: invalid Date');
  // Floor, not truncate: a Timestamp before 1970 has negative seconds and nanos in [0, 1e9).
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}

/**
 * A `google.protobuf.Timestamp` as a `Date` (millisecond precision: sub-millisecond nanos are
 * dropped); an unset message (`null`/`undefined`) gives `null`. Throws a `RangeError` whose
 * message follows a field name (`dueTime: must be a Timestamp between …`) when seconds or nanos
 * are out of the Timestamp range or not integers.
 */
export function fromTimestamp(timestamp: commonV1.Timestamp): Date;
export function fromTimestamp(timestamp: commonV1.Timestamp | null | undefined): Date | null;
export function fromTimestamp(timestamp: commonV1.Timestamp | null | undefined): Date | null {
  if (timestamp === null || timestamp === undefined) return null;
  const date = dateOf(timestamp.seconds, timestamp.nanos);
  if (!date) throw new RangeError(RANGE_PROBLEM);
  return date;
}

// Seconds as decimal strings (the loader's longs) or, from in-process callers, plain integers.
function dateOf(rawSeconds: unknown, nanos: unknown): Date | undefined {
  let seconds: number | undefined;
  if (typeof rawSeconds === 'number') seconds = rawSeconds;
  else if (typeof rawSeconds === 'string' && /^-?\d{1,12}$/.test(rawSeconds)) seconds = Number(rawSeconds);
  if (seconds === undefined || !Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) return undefined;
  if (typeof nanos !== 'number' || !Number.isInteger(nanos) || nanos < 0 || nanos > MAX_NANOS) return undefined;
  return new Date(seconds * 1000 + Math.floor(nanos / 1_000_000));
}

/**
 * Zod schema of an optional `google.protobuf.Timestamp` request field: unset (`null` or
 * `undefined`, as the loader delivers it) → `null`, a valid Timestamp → a `Date`; anything else is
 * an issue at the field, e.g. `dueTime: must be a Timestamp between …` through `parseRequest`.
 */
export const protoTimestampSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): Date | null => {
    if (value === null || value === undefined) return null;
    const date = typeof value === 'object' && 'seconds' in value && 'nanos' in value ? dateOf(value.seconds, value.nanos) : undefined;
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: RANGE_PROBLEM });
    return z.NEVER;
  });
