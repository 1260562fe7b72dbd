import type { Logger } from '@helpdesk/telemetry';
import type { StatementPublications } from './statement-publications';

/**
 * Runs {@link StatementPublications} while the service runs: at once when a run was issued here
 * (`wake`), else every `pollMs` (runs issued by another replica that died before writing their
 * events, or a slice that failed).
 */
export class StatementPublisherWorker {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(
    private readonly publications: StatementPublications,
    private readonly logger: Pick<Logger, 'error'>,
    private readonly pollMs = 5_000,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      try {
        await this.publications.publishAll();
      } catch (error) {
        this.logger.error({ err: error }, 'could not write the events of issued statements; will retry');
      }
      if (this.stopped || this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }
}
