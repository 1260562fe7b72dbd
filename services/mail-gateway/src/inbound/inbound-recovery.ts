import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import { InboundMailsRepository } from './inbound-mails.repository';
import { withoutOversized } from './inbound-mails.service';
import type { InboundProcessor } from './inbound-processor';
import { parseMail } from './mail.parser';
import { RepeatingRound } from '../shared/repeating-round';

/** Recovery timing. */
export interface InboundRecoveryOptions {
  /** How often to look, and how old an unprocessed mail must be before this pass takes it over. */
  readonly intervalMs: number;
  readonly maxAttachmentBytes: number;
}

const BATCH = 64;

/**
 * Processes stored mails whose processing never happened — the replica that stored them
 * stopped or crashed between the 250 and the processing commit, or that commit failed. Every
 * replica runs it; the processor's SKIP LOCKED claim makes each mail processed once. It looks
 * at start and then every interval, taking only mails older than the interval so that it does
 * not race the storing replica's own processing of a fresh mail.
 */
export class InboundRecovery {
  // The pass at start takes every stored mail; later ones only mails older than the interval.
  private readonly loop = new RepeatingRound<number>(
    (first) => this.recover(new Date(Date.now() - (first ? 0 : this.options.intervalMs))),
    () => this.options.intervalMs,
    (error) => this.logger.error({ err: error }, 'inbound recovery pass failed'),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: InboundProcessor,
    private readonly options: InboundRecoveryOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Processes outstanding mails received before `before`; returns how many this pass processed. */
  async recover(before: Date): Promise<number> {
    let total = 0;
    // Pages on by id: mails that fail again (or that another replica holds) are passed over, so a
    // full page of mails that cannot be processed does not hide the ones behind it.
    let afterId: string | null = null;
    for (;;) {
      const rows = await new InboundMailsRepository(this.dataSource.manager).unprocessed(before, BATCH, afterId);
      if (rows.length === 0 || this.loop.stopping) return total;
      afterId = rows[rows.length - 1]?.id ?? null;
      const mailboxes = await new MailboxesRepository(this.dataSource.manager).byIds([...new Set(rows.flatMap((r) => [r.mailboxId, ...r.otherMailboxIds]))]);
      const batch = [];
      for (const row of rows) {
        const primary = mailboxes.get(row.mailboxId);
        if (!primary) continue;
        const mail = withoutOversized(await parseMail(row.raw), this.options.maxAttachmentBytes);
        const others = row.otherMailboxIds.map((id) => mailboxes.get(id)).filter((m) => m !== undefined);
        batch.push({ mailId: row.id, receivedAt: row.receivedAt, raw: row.raw, rawSha256: row.sha256, routing: { primary, others }, mail, envelopeFrom: row.envelopeFrom });
      }
      const processed = await this.processor.processIsolating(batch);
      total += processed;
      if (processed > 0) this.logger.info({ mails: processed }, 'processed stored inbound mails left over from an interruption');
      // Rows another replica holds right now were skipped; they are its to finish.
      if (rows.length < BATCH) return total;
    }
  }

}
