import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { MailboxesRepository } from '../mailboxes/mailboxes.repository';
import { InboundMailsRepository } from './inbound-mails.repository';
import { withoutOversized } from './inbound-mails.service';
import type { InboundProcessor } from './inbound-processor';
import { parseMail } from './mail.parser';

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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: InboundProcessor,
    private readonly options: InboundRecoveryOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Processes outstanding mails received before `before`; returns how many this pass processed. */
  async recover(before: Date): Promise<number> {
    let total = 0;
    // Pages on by id: mails that fail again (or that another replica holds) are passed over, so a
    // full page of mails that cannot be processed does not hide the ones behind it.
    let afterId: string | null = null;
    for (;;) {
      const rows = await new InboundMailsRepository(this.dataSource.manager).unprocessed(before, BATCH, afterId);
      if (rows.length === 0 || this.stopped) return total;
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

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.recover(new Date(Date.now() - (delayMs === 0 ? 0 : this.options.intervalMs))).then(
        () => this.schedule(this.options.intervalMs),
        (error: unknown) => {
          this.logger.error({ err: error }, 'inbound recovery pass failed');
          this.schedule(this.options.intervalMs);
        },
      );
    }, delayMs);
  }
}
