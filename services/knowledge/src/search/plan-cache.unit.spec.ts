import { ExpiringCache } from './plan-cache';

describe('ExpiringCache', () => {
  it('forgets entries after their time to live', () => {
    let now = 1_000;
    const cache = new ExpiringCache<string>(10, 500, () => now);
    cache.set('a', 'A');
    now += 499;
    expect(cache.get('a')).toBe('A');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the least recently used entry beyond its size', () => {
    const cache = new ExpiringCache<number>(2, 60_000);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });
});
