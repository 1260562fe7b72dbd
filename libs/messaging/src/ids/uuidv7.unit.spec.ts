import { createUuidV7Generator, uuidv7, uuidv7Time } from './uuidv7';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, the time in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 23, 10, 15);
    const id = createUuidV7Generator(() => at)();
    expect(id).toMatch(FORMAT);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('sorts strictly increasing within one millisecond, across sequence overflow and when the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = createUuidV7Generator(() => now);
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i += 1) ids.push(next());
    now -= 5_000;
    for (let i = 0; i < 100; i += 1) ids.push(next());
    now += 60_000;
    ids.push(next());
    expect(ids.every((id) => FORMAT.test(id))).toBe(true);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7Time(ids.at(-1)!)).toBe(now);
  });

  it('keeps time order between milliseconds whatever the random bits', () => {
    let now = 1_700_000_000_000;
    const high = createUuidV7Generator(() => now, (b) => b.fill(0xff));
    const first = high();
    now += 1;
    const zero = createUuidV7Generator(() => now, (b) => b.fill(0));
    expect(zero() > first).toBe(true);
  });

  it('the default generator makes unique, ordered ids', () => {
    const ids = Array.from({ length: 1_000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1_000);
  });
});
