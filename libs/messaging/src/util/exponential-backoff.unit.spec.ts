import { backoffDelay } from './exponential-backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const policy = { initialMs: 1_000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(policy, n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('uses the given factor and treats attempts below one as the first', () => {
    const policy = { initialMs: 100, maxMs: 10_000, factor: 3 };
    expect([0, 1, 2, 3].map((n) => backoffDelay(policy, n))).toEqual([100, 100, 300, 900]);
  });

  it('never overflows for very high attempt numbers', () => {
    expect(backoffDelay({ initialMs: 100, maxMs: 5_000 }, 10_000)).toBe(5_000);
  });
});
