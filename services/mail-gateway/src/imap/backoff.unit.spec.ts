import { reconnectDelayMs } from './backoff';

describe('reconnectDelayMs', () => {
  it('doubles from the base per consecutive failure and stops at the maximum', () => {
    expect([0, 1, 2, 3, 4].map((n) => reconnectDelayMs(n))).toEqual([0, 1_000, 2_000, 4_000, 8_000]);
    expect(reconnectDelayMs(7)).toBe(60_000);
    expect(reconnectDelayMs(500)).toBe(60_000);
    expect(reconnectDelayMs(3, 100, 250)).toBe(250);
  });
});
