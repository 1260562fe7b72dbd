import type { ticketV1 } from '@helpdesk/contracts';
import { Observable } from 'rxjs';
import { inChunks, MAX_CHUNK_BYTES } from './byte-chunks';
import type { ExportFile } from './exports.service';

/** The part of grpc-js's server stream that tells whether the client keeps up. */
export interface ResponseStream {
  readonly writableNeedDrain: boolean;
  on(event: 'drain' | 'close' | 'cancelled', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'cancelled', listener: () => void): unknown;
}

/**
 * The export as `ExportTicketsResponse` messages of at most 64 KiB, content type and file name
 * on the first. The next piece is produced only when the call's buffer has room: Nest writes
 * what an Observable emits and queues the rest in memory, so pacing the source on the call's
 * `drain` is what keeps a slow client from pulling the whole export into the server's memory.
 * Without a `call` (in-process use) pieces follow each other as fast as they are made.
 */
export function toExportResponses(file: ExportFile, call?: ResponseStream): Observable<ticketV1.ExportTicketsResponse> {
  return new Observable((subscriber) => {
    const pieces = inChunks(file.content, MAX_CHUNK_BYTES)[Symbol.asyncIterator]();
    let stopped = false;
    void (async () => {
      let first = true;
      try {
        for (;;) {
          if (call) await roomIn(call);
          if (stopped) return;
          const next = await pieces.next();
          if (stopped || next.done) break;
          subscriber.next(first ? { contentType: file.contentType, fileName: file.fileName, chunk: next.value } : { contentType: '', fileName: '', chunk: next.value });
          first = false;
        }
        if (first && !stopped) subscriber.next({ contentType: file.contentType, fileName: file.fileName, chunk: Buffer.alloc(0) });
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      } finally {
        await pieces.return?.(undefined);
      }
    })();
    return () => {
      stopped = true;
    };
  });
}

function roomIn(call: ResponseStream): Promise<void> {
  if (!call.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('close', done);
    call.on('cancelled', done);
  });
}
