import type { Caller } from './caller';
import { VerifiedTokenCache } from './verified-token-cache';

const agent: Caller = { kind: 'staff', subject: 'agent-1', roles: ['agent'] };
const admin: Caller = { kind: 'staff', subject: 'admin-1', roles: ['admin'] };

function cacheAt(start: number, maxEntries = 2, maxAgeMs?: number) {
  let now = start;
  const cache = new VerifiedTokenCache({ maxEntries, ...(maxAgeMs ? { maxAgeMs } : {}), now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('VerifiedTokenCache', () => {
  it('answers a token until its exp, then forgets it', () => {
    const { cache, advance } = cacheAt(1_000_000);
    cache.set('t1', agent, 1_000 + 60); // exp 60 s from now
    expect(cache.get('t1')).toBe(agent);
    advance(59_999);
    expect(cache.get('t1')).toBe(agent);
    advance(1);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps no token longer than maxAgeMs, also one without exp, and never an expired one', () => {
    const { cache, advance } = cacheAt(1_000_000, 10, 1_000);
    cache.set('no-exp', agent, undefined);
    cache.set('expired', admin, 999);
    expect(cache.get('expired')).toBeUndefined();
    advance(999);
    expect(cache.get('no-exp')).toBe(agent);
    advance(1);
    expect(cache.get('no-exp')).toBeUndefined();
  });

  it('evicts the least recently used token beyond maxEntries', () => {
    const { cache } = cacheAt(0);
    cache.set('a', agent, 3_600);
    cache.set('b', admin, 3_600);
    expect(cache.get('a')).toBe(agent); // a is now newer than b
    cache.set('c', agent, 3_600);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(agent);
    expect(cache.get('c')).toBe(agent);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new VerifiedTokenCache({ maxEntries: 0 })).toThrow('maxEntries');
  });
});
