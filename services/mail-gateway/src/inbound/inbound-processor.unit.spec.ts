import type { OutboxPublisher } from '@helpdesk/messaging';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { InboundProcessor, type InboundSettings, type StoredMail } from './inbound-processor';

const settings = { backlogMails: 512, backlogBytes: 1 << 20 } as InboundSettings;

function mail(n: number): StoredMail {
  return { mailId: `mail-${n}`, raw: Buffer.from('x') } as StoredMail;
}

/** A processor whose batches are only recorded (the database work is the e2e tests' business). */
function recordingProcessor(): { processor: InboundProcessor; batches: string[][] } {
  const processor = new InboundProcessor({} as DataSource, {} as OutboxPublisher, settings, {} as Logger);
  const batches: string[][] = [];
  jest.spyOn(processor, 'process').mockImplementation((batch) => {
    batches.push(batch.map((m) => m.mailId));
    return Promise.resolve(batch.length);
  });
  return { processor, batches };
}

describe('InboundProcessor batching', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts the first batch at once, and gathers the mails of the next window into one batch', async () => {
    const { processor, batches } = recordingProcessor();
    const first = processor.enqueue(mail(1));
    await first;
    expect(batches).toEqual([['mail-1']]);

    const later = [processor.enqueue(mail(2)), processor.enqueue(mail(3))];
    await jest.advanceTimersByTimeAsync(0);
    // Within the window after the first batch started: nothing runs yet, both wait together.
    expect(batches).toEqual([['mail-1']]);
    await jest.runOnlyPendingTimersAsync();
    await Promise.all(later);
    expect(batches).toEqual([['mail-1'], ['mail-2', 'mail-3']]);
    await processor.idle();
  });

  it('does not hold back a full batch', async () => {
    const { processor, batches } = recordingProcessor();
    await processor.enqueue(mail(0));
    const full = Array.from({ length: 64 }, (_, i) => processor.enqueue(mail(i + 1)));
    // The 64th mail fills a batch: it starts beside the gathering one without waiting for the window.
    await jest.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.length)).toEqual([1, 64]);
    await jest.runOnlyPendingTimersAsync();
    await Promise.all(full);
    await processor.idle();
    expect(batches.map((b) => b.length)).toEqual([1, 64]);
  });
});
