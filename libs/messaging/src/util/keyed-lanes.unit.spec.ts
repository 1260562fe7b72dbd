import { KeyedLanes } from './keyed-lanes';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedLanes', () => {
  it('runs tasks of different keys at the same time and of one key in order', async () => {
    const lanes = new KeyedLanes(4);
    const log: string[] = [];
    const gateA1 = deferred();
    await lanes.schedule('a', async () => {
      log.push('a1 start');
      await gateA1.promise;
      log.push('a1 end');
    });
    await lanes.schedule('a', async () => {
      log.push('a2');
    });
    await lanes.schedule('b', async () => {
      log.push('b1');
    });
    await new Promise((r) => setImmediate(r));
    // b ran while a1 was still busy; a2 waits for a1.
    expect(log).toEqual(['a1 start', 'b1']);
    gateA1.resolve();
    await lanes.drain();
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    expect(lanes.size).toBe(0);
  });

  it('never runs more than the limit and lets the scheduler wait for a free slot', async () => {
    const lanes = new KeyedLanes(2);
    const gates = [deferred(), deferred(), deferred()];
    let active = 0;
    let most = 0;
    const task = (i: number) => async () => {
      active += 1;
      most = Math.max(most, active);
      await gates[i]!.promise;
      active -= 1;
    };
    await lanes.schedule('1', task(0));
    await lanes.schedule('2', task(1));
    let thirdQueued = false;
    const third = lanes.schedule('3', task(2)).then(() => (thirdQueued = true));
    await new Promise((r) => setImmediate(r));
    expect(thirdQueued).toBe(false);
    gates[0]!.resolve();
    await third;
    gates[1]!.resolve();
    gates[2]!.resolve();
    await lanes.drain();
    expect(most).toBe(2);
  });

  it('goes on with a key after one of its tasks failed', async () => {
    const lanes = new KeyedLanes(1);
    const log: string[] = [];
    await lanes.schedule('a', async () => {
      throw new Error('boom');
    });
    await lanes.schedule('a', async () => {
      log.push('next');
    });
    await lanes.drain();
    expect(log).toEqual(['next']);
  });

  it('refuses a limit below one', () => {
    expect(() => new KeyedLanes(0)).toThrow('positive integer');
  });
});
