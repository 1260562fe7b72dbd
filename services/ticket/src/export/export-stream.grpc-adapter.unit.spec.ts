import { EventEmitter } from 'node:events';
import { firstValueFrom, toArray } from 'rxjs';
import { toExportResponses, type ResponseStream } from './export-stream.grpc-adapter';
import type { ExportFile } from './exports.service';

function file(...sizes: number[]): { file: ExportFile; produced: () => number } {
  let produced = 0;
  async function* content(): AsyncGenerator<Buffer> {
    for (const size of sizes) {
      produced += 1;
      yield Buffer.alloc(size, 1);
    }
  }
  return { file: { contentType: 'text/csv; charset=utf-8', fileName: 'tickets.csv', content: content() }, produced: () => produced };
}

class FakeCall extends EventEmitter implements ResponseStream {
  writableNeedDrain = false;
}

describe('toExportResponses', () => {
  it('sends 64 KiB chunks with content type and file name on the first only', async () => {
    const responses = await firstValueFrom(toExportResponses(file(100_000, 100_000).file).pipe(toArray()));
    expect(responses.map((r) => r.chunk.length)).toEqual([65_536, 65_536, 65_536, 3_392]);
    expect(responses.map((r) => [r.contentType, r.fileName])).toEqual([
      ['text/csv; charset=utf-8', 'tickets.csv'],
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
  });

  it('produces the next piece only once the call has drained', async () => {
    const call = new FakeCall();
    const { file: slow, produced } = file(70_000, 70_000, 70_000);
    const received: number[] = [];
    call.writableNeedDrain = true;
    const done = new Promise<void>((resolve, reject) => {
      toExportResponses(slow, call).subscribe({ next: (r) => received.push(r.chunk.length), error: reject, complete: resolve });
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(produced()).toBe(0);
    call.writableNeedDrain = false;
    call.emit('drain');
    await done;
    expect(received.reduce((a, b) => a + b, 0)).toBe(210_000);
  });

  it('stops reading the source when the client goes away', async () => {
    const call = new FakeCall();
    const { file: big, produced } = file(70_000, 70_000, 70_000, 70_000);
    const subscription = toExportResponses(big, call).subscribe({
      next: () => {
        call.writableNeedDrain = true;
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    subscription.unsubscribe();
    call.emit('cancelled');
    await new Promise((resolve) => setImmediate(resolve));
    expect(produced()).toBe(1);
  });
});
