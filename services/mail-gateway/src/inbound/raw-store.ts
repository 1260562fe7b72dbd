import type { DataSource } from 'typeorm';
import { InboundMailsRepository, type NewRawMessage } from './inbound-mails.repository';

/** Most mails, and raw bytes, one storing statement takes (a mail larger than that goes alone). */
const BATCH_MAILS = 64;
const BATCH_BYTES = 8 * 1024 * 1024;

interface Waiting {
  readonly row: NewRawMessage;
  readonly resolve: (stored: { mailId: string; isNew: boolean }) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Stores raw mails durably before they are acknowledged, with group commit: the mails that other
 * SMTP sessions and IMAP watches hand in while a storing statement runs go into the next one
 * together (one round trip and one WAL flush for all, instead of one each). Each caller still
 * resolves only once its mail is committed. Should a shared statement fail, its mails are stored
 * one by one, so one mail's failure reaches only its own sender (451) and not the others.
 */
export class RawStore {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly dataSource: DataSource) {}

  store(row: NewRawMessage): Promise<{ mailId: string; isNew: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch = this.takeBatch();
    void this.storeBatch(batch).finally(() => {
      this.running = false;
      this.pump();
    });
  }

  private takeBatch(): Waiting[] {
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < BATCH_MAILS) {
      bytes += this.queue[n]?.row.raw.length ?? 0;
      if (n > 0 && bytes > BATCH_BYTES) break;
      n += 1;
    }
    return this.queue.splice(0, n);
  }

  private async storeBatch(batch: readonly Waiting[]): Promise<void> {
    const repository = new InboundMailsRepository(this.dataSource.manager);
    try {
      const stored = await repository.storeRaws(batch.map((w) => w.row));
      batch.forEach((w, i) => {
        const result = stored[i];
        if (result) w.resolve(result);
        else w.reject(new Error('storing a raw mail returned no row'));
      });
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
    }
    for (const w of batch) await repository.storeRaw(w.row).then(w.resolve, w.reject);
  }
}
