import { Batcher } from './batcher';

describe('Batcher', () => {
  it('flushes what arrived meanwhile as one batch, at most `size`, in order, one batch at a time', async () => {
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const batcher = new Batcher<number>(3, async (batch) => {
      running += 1;
      overlapped ||= running > 1;
      batches.push(batch);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    });
    for (let i = 0; i < 7; i += 1) await batcher.push(i);
    await batcher.drain();
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(batches[0]).toEqual([0, 1, 2]);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3);
    expect(overlapped).toBe(false);
  });

  it('keeps going after a failing flush', async () => {
    const seen: number[] = [];
    const batcher = new Batcher<number>(1, async ([n]) => {
      seen.push(n as number);
      if (n === 0) throw new Error('boom');
    });
    await batcher.push(0);
    await batcher.push(1);
    await batcher.drain();
    expect(seen).toEqual([0, 1]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new Batcher<number>(0, async () => undefined)).toThrow('size must be a positive integer');
  });
});
