import { TopHeap } from './top-heap';

/** The reference: every offer sorted by key, older (smaller ordinal) first on ties, cut to the capacity. */
function best(offers: readonly (readonly [number, number])[], capacity: number): { ordinal: number; key: number }[] {
  return [...offers]
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, capacity)
    .map(([key, ordinal]) => ({ ordinal, key }));
}

describe('TopHeap (the best candidates by key, older first on equal keys)', () => {
  it('evicts the newest of the tied lowest when a better candidate comes', () => {
    const heap = new TopHeap(2);
    heap.offer(5, 1);
    heap.offer(5, 2);
    heap.offer(7, 3);
    expect(heap.sorted()).toEqual([
      { ordinal: 3, key: 7 },
      { ordinal: 1, key: 5 },
    ]);
  });

  it('keeps exactly the reference order for offers in any order', () => {
    let seed = 11;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 200; round += 1) {
      const ordinals = Array.from({ length: 60 }, (_, i) => i).sort(() => next() - 0.5);
      const offers = ordinals.map((ordinal) => [Math.floor(next() * 5), ordinal] as const);
      const capacity = 1 + Math.floor(next() * 20);
      const heap = new TopHeap(capacity);
      for (const [key, ordinal] of offers) heap.offer(key, ordinal);
      expect(heap.sorted()).toEqual(best(offers, capacity));
    }
  });
});
