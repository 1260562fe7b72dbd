import { PublishFloor } from './publish-floor';

describe('PublishFloor', () => {
  it('moves past published rows once they are older than the lag, never backwards', () => {
    const floor = new PublishFloor(1_000);
    floor.published([{ position: '5', createdAtMs: 0 }, { position: '7', createdAtMs: 500 }], 600);
    expect(floor.value).toBe('0');
    floor.advance(1_000);
    expect(floor.value).toBe('5');
    floor.published([{ position: '3', createdAtMs: 100 }], 1_600);
    expect(floor.value).toBe('7');
  });

  it('follows a drained backlog at once and starts over after a reset', () => {
    const floor = new PublishFloor(10_000);
    const rows = Array.from({ length: 3_000 }, (_, i) => ({ position: String(i + 1), createdAtMs: 0 }));
    floor.published(rows, 60_000);
    expect(floor.value).toBe('3000');
    floor.reset();
    expect(floor.value).toBe('0');
  });

  it('handles positions beyond the safe integer range', () => {
    const floor = new PublishFloor(0);
    floor.published([{ position: '9007199254740993', createdAtMs: 0 }], 1);
    expect(floor.value).toBe('9007199254740993');
  });
});
