import { RepeatingRound } from './repeating-round';

describe('RepeatingRound', () => {
  it('runs at start, then after each round with the pause its result asks for, and goes on after a failure', async () => {
    const calls: boolean[] = [];
    const errors: unknown[] = [];
    let fail = false;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const loop = new RepeatingRound<number>(
      async (first) => {
        calls.push(first);
        if (calls.length === 4) done();
        if (fail) {
          fail = false;
          throw new Error('database away');
        }
        fail = calls.length === 2;
        return calls.length;
      },
      (result) => (result === undefined ? 1 : 0),
      (error) => errors.push(error),
    );
    loop.start();
    await finished;
    await loop.stop();
    expect(calls.slice(0, 4)).toEqual([true, false, false, false]);
    expect(errors).toEqual([new Error('database away')]);
    expect(loop.stopping).toBe(true);
  });

  it('stop() waits for the round in progress and no round starts after it', async () => {
    let release!: () => void;
    let rounds = 0;
    const loop = new RepeatingRound<void>(
      () => {
        rounds += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => 0,
      () => undefined,
    );
    loop.start();
    while (rounds === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(rounds).toBe(1);
  });
});
