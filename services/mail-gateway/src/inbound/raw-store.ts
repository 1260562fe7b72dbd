import { GroupedCalls } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import { InboundMailsRepository, type NewRawMessage } from './inbound-mails.repository';

/** Most mails, and raw bytes, one storing statement takes (a mail larger than that goes alone). */
const BATCH_MAILS = 64;
const BATCH_BYTES = 8 * 1024 * 1024;

type Stored = { mailId: string; isNew: boolean };

/**
 * Stores raw mails durably before they are acknowledged, with group commit (`GroupedCalls`): the
 * mails that other SMTP sessions and IMAP watches hand in while a storing statement runs go into
 * the next one together (one round trip and one WAL flush for all, instead of one each). Each
 * caller still resolves only once its mail is committed. Should a shared statement fail, its mails
 * are stored one by one, so one mail's failure reaches only its own sender (451) and not the others.
 */
export class RawStore {
  private readonly groups: GroupedCalls<NewRawMessage, Stored>;

  constructor(private readonly dataSource: DataSource) {
    this.groups = new GroupedCalls((rows) => this.storeGroup(rows), { maxGroup: BATCH_MAILS, maxWeight: BATCH_BYTES }, (row) => row.raw.length);
  }

  store(row: NewRawMessage): Promise<Stored> {
    return this.groups.call(row);
  }

  private async storeGroup(rows: readonly NewRawMessage[]): Promise<PromiseSettledResult<Stored>[]> {
    const repository = new InboundMailsRepository(this.dataSource.manager);
    try {
      const stored = await repository.storeRaws(rows);
      return rows.map((_, i): PromiseSettledResult<Stored> => {
        const result = stored[i];
        return result ? { status: 'fulfilled', value: result } : { status: 'rejected', reason: new Error('storing a raw mail returned no row') };
      });
    } catch (error) {
      if (rows.length === 1) return [{ status: 'rejected', reason: error }];
    }
    const outcomes: PromiseSettledResult<Stored>[] = [];
    for (const row of rows) {
      outcomes.push(await repository.storeRaw(row).then((value) => ({ status: 'fulfilled', value }) as const, (reason: unknown) => ({ status: 'rejected', reason }) as const));
    }
    return outcomes;
  }
}
