import type { Logger } from '@helpdesk/telemetry';
import type { RecomputeService } from './recompute.service';

/**
 * Looks now and then for recompute jobs whose replica died (lease ran out) and finishes them,
 * so a policy or calendar change always ends with every affected clock recomputed.
 */
export class AbandonedJobsPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly recompute: RecomputeService,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.drain().finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.timer && (await this.recompute.resumeAbandoned())) this.logger.info('SLA recompute job of a stopped replica finished');
    } catch (error) {
      this.logger.error({ err: error }, 'SLA recompute of an abandoned job failed; will retry');
    }
  }
}
