import { Wakeup } from './wakeup';

describe('Wakeup', () => {
  it('resolves a wait early when woken', async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait(60_000);
    wakeup.wake();
    await expect(waiting).resolves.toBe(true);
  });

  it('remembers a wake with nobody waiting, once', async () => {
    const wakeup = new Wakeup();
    wakeup.wake();
    await expect(wakeup.wait(60_000)).resolves.toBe(true);
    await expect(wakeup.wait(1)).resolves.toBe(false);
  });
});
