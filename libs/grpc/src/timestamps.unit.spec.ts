import { z } from 'zod';
import { parseRequest } from './errors/parse-request';
import { RequestValidationError } from './errors/request-validation.error';
import { fromTimestamp, protoTimestampSchema, toTimestamp } from './timestamps';

describe('toTimestamp / fromTimestamp', () => {
  it.each([
    ['2026-11-23T10:15:00.000Z', { seconds: '1795428900', nanos: 0 }],
    ['2026-11-23T10:15:00.123Z', { seconds: '1795428900', nanos: 123_000_000 }],
    ['1970-01-01T00:00:00.000Z', { seconds: '0', nanos: 0 }],
    // Before 1970 the seconds are floored and the nanos stay positive, as the Timestamp spec says.
    ['1969-12-31T23:59:59.500Z', { seconds: '-1', nanos: 500_000_000 }],
    ['0001-01-01T00:00:00.000Z', { seconds: '-62135596800', nanos: 0 }],
    ['9999-12-31T23:59:59.999Z', { seconds: '253402300799', nanos: 999_000_000 }],
  ])('converts %s both ways', (iso, timestamp) => {
    const date = new Date(iso);
    expect(toTimestamp(date)).toEqual(timestamp);
    expect(fromTimestamp(timestamp)).toEqual(date);
  });

  it('drops nanos below a millisecond', () => {
    expect(fromTimestamp({ seconds: '1', nanos: 1_999_999 }).toISOString()).toBe('1970-01-01T00:00:01.001Z');
  });

  it('maps unset to unset', () => {
    expect(toTimestamp(null)).toBeUndefined();
    expect(toTimestamp(undefined)).toBeUndefined();
    expect(fromTimestamp(null)).toBeNull();
    expect(fromTimestamp(undefined)).toBeNull();
  });

  it('refuses an invalid Date', () => {
    expect(() => toTimestamp(new Date('nope'))).toThrow(RangeError);
  });

  it.each([
    { seconds: '253402300800', nanos: 0 },
    { seconds: '-62135596801', nanos: 0 },
    { seconds: '1.5', nanos: 0 },
    { seconds: 'soon', nanos: 0 },
    { seconds: '1', nanos: -1 },
    { seconds: '1', nanos: 1_000_000_000 },
    { seconds: '1', nanos: 0.5 },
  ])('refuses %j', (timestamp) => {
    expect(() => fromTimestamp(timestamp)).toThrow(/^must be a Timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z/);
  });
});

describe('protoTimestampSchema', () => {
  const request = z.object({ dueTime: protoTimestampSchema });

  it('parses a set Timestamp to a Date and an unset one to null', () => {
    expect(parseRequest(request, { dueTime: { seconds: '1795428900', nanos: 0 } })).toEqual({ dueTime: new Date('2026-11-23T10:15:00.000Z') });
    expect(parseRequest(request, { dueTime: null })).toEqual({ dueTime: null });
    expect(parseRequest(request, {})).toEqual({ dueTime: null });
  });

  it('accepts integer seconds from in-process callers', () => {
    expect(parseRequest(request, { dueTime: { seconds: 0, nanos: 0 } })).toEqual({ dueTime: new Date(0) });
  });

  it.each([{ seconds: '99999999999999', nanos: 0 }, { seconds: '1' }, 'tomorrow', 5])('names the field for %j', (dueTime) => {
    expect(() => parseRequest(request, { dueTime })).toThrow(RequestValidationError);
    expect(() => parseRequest(request, { dueTime })).toThrow(/^dueTime: must be a Timestamp between/);
  });
});
