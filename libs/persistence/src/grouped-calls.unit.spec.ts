import { GroupedCalls } from './grouped-calls';

/** A runner whose groups finish when the test says so. */
function controlledRunner() {
  const groups: { inputs: readonly number[]; finish(fail?: number): void; crash(error: Error): void }[] = [];
  const runner = (inputs: readonly number[]) =>
    new Promise<PromiseSettledResult<string>[]>((resolve, reject) => {
      groups.push({
        inputs,
        finish: (fail) =>
          resolve(inputs.map((n) => (n === fail ? { status: 'rejected', reason: new Error(`bad ${n}`) } : { status: 'fulfilled', value: `#${n}` }))),
        crash: reject,
      });
    });
  return { groups, runner };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupedCalls', () => {
  it('starts a lone call at once and groups the calls that arrive while it runs', async () => {
    const { groups, runner } = controlledRunner();
    const calls = new GroupedCalls(runner, { maxGroup: 10 });
    const first = calls.call(1);
    expect(groups.map((g) => g.inputs)).toEqual([[1]]);
    const later = [calls.call(2), calls.call(3), calls.call(4)];
    groups[0]!.finish();
    await expect(first).resolves.toBe('#1');
    await settle();
    expect(groups.map((g) => g.inputs)).toEqual([[1], [2, 3, 4]]);
    groups[1]!.finish();
    await expect(Promise.all(later)).resolves.toEqual(['#2', '#3', '#4']);
  });

  it('keeps groups within maxGroup and runs up to `concurrency` at once', async () => {
    const { groups, runner } = controlledRunner();
    const calls = new GroupedCalls(runner, { maxGroup: 2, concurrency: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((n) => calls.call(n));
    expect(groups.map((g) => g.inputs)).toEqual([[1], [2]]);
    groups[0]!.finish();
    await settle();
    expect(groups.map((g) => g.inputs)).toEqual([[1], [2], [3, 4]]);
    groups[1]!.finish();
    groups[2]!.finish();
    await settle();
    groups[3]!.finish();
    await expect(Promise.all(all)).resolves.toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(groups.map((g) => g.inputs)).toEqual([[1], [2], [3, 4], [5, 6]]);
  });

  it('keeps groups within maxWeight, but gives a call heavier than that a group of its own', async () => {
    const { groups, runner } = controlledRunner();
    const calls = new GroupedCalls(runner, { maxGroup: 10, maxWeight: 10 }, (n: number) => n);
    const all = [1, 4, 5, 3, 20, 2].map((n) => calls.call(n));
    expect(groups.map((g) => g.inputs)).toEqual([[1]]);
    for (let i = 0; i < 4; i += 1) {
      groups[i]!.finish();
      await settle();
    }
    expect(groups.map((g) => g.inputs)).toEqual([[1], [4, 5], [3], [20], [2]]);
    groups[4]!.finish();
    await expect(Promise.all(all)).resolves.toEqual(['#1', '#4', '#5', '#3', '#20', '#2']);
  });

  it('fails only the call the runner failed, and every call of a group whose runner throws', async () => {
    const { groups, runner } = controlledRunner();
    const calls = new GroupedCalls(runner, { maxGroup: 10 });
    const first = calls.call(1);
    const [two, three] = [calls.call(2), calls.call(3)];
    groups[0]!.crash(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    groups[1]!.finish(2);
    await expect(two).rejects.toThrow('bad 2');
    await expect(three).resolves.toBe('#3');
    // Still usable after failures.
    const four = calls.call(4);
    groups[2]!.finish();
    await expect(four).resolves.toBe('#4');
  });

  it('refuses sizes that are not positive integers', () => {
    const { runner } = controlledRunner();
    expect(() => new GroupedCalls(runner, { maxGroup: 0 })).toThrow('maxGroup');
    expect(() => new GroupedCalls(runner, { maxGroup: 1, concurrency: 1.5 })).toThrow('concurrency');
  });
});
