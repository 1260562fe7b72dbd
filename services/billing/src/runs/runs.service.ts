import { requireRole, type Caller } from '@helpdesk/auth';
import type { BillingStatementIssuedV1 } from '@helpdesk/contracts';
import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import { numberStatements } from './issued-statement';
import { writeIssuedRun } from './issue-writer';
import { computeRun, type RunRequest } from './run-computation';
import { RunsRepository } from './runs.repository';
import type { DraftStatement } from './statement-draft';

/** Milliseconds between successive marks. */
class PhaseTimer {
  private last = performance.now();
  private readonly phases: Record<string, number> = {};

  mark(name: string): void {
    const now = performance.now();
    this.phases[name] = Math.round(now - this.last);
    this.last = now;
  }

  all(): Record<string, number> {
    return { ...this.phases };
  }
}

/** A previewed run: drafts without numbers. */
export interface RunPreview {
  readonly statements: readonly DraftStatement[];
  readonly unpricedItemCount: number;
}

/** An issued run; `runId` null when there was nothing to issue. */
export interface IssuedRun {
  readonly runId: string | null;
  readonly statements: readonly BillingStatementIssuedV1[];
  readonly unpricedItemCount: number;
}

/** Previews and issues invoice runs. */
export class RunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly published: { wake(): void },
    private readonly timeZone: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: { info(fields: object, message: string): void } | null = null,
  ) {}

  /** What a run would issue now; writes nothing. Admins and integrations. */
  async preview(caller: Caller, request: RunRequest): Promise<RunPreview> {
    requireRole(caller, ['admin', 'integration'], 'BillingService/PreviewRun');
    const computation = await computeRun(this.dataSource.manager, request, this.timeZone);
    return { statements: computation.statements, unpricedItemCount: computation.unpricedItemCount };
  }

  /**
   * Issues a run: under a transaction-scoped advisory lock (one issuer at a time across
   * replicas), computes from the items still open, numbers and writes statements and lines,
   * marks the items billed and queues the statements for publication — all in one transaction.
   * A second issuer waits for the lock and then finds nothing open, so nothing is issued twice.
   * The queued statements' events are written to the outbox right after the commit, in slices.
   */
  async issue(caller: Caller, request: RunRequest): Promise<IssuedRun> {
    requireRole(caller, ['admin', 'integration'], 'BillingService/IssueRun');
    // Phase times of the run, logged once per issued run (where a month over a million items goes).
    const phases = new PhaseTimer();
    const run = await withTransaction(this.dataSource, async (manager): Promise<IssuedRun> => {
      const runs = new RunsRepository(manager);
      await runs.lockIssuing();
      phases.mark('lockMs');
      const computation = await computeRun(manager, request, this.timeZone);
      phases.mark('computeMs');
      if (computation.statements.length === 0) return { runId: null, statements: [], unpricedItemCount: computation.unpricedItemCount };
      const runId = uuidv7();
      const issuedAt = this.clock();
      const prefix = request.to.slice(0, 7);
      const first = await runs.nextStatementNumbers(prefix, computation.statements.length);
      await runs.insertRun(runId, request.from, request.to, request.customerIds, issuedAt);
      const issued = numberStatements(computation.statements, {
        runId,
        issuedAt,
        from: request.from,
        to: request.to,
        statementNumber: (index) => `${prefix}-${String(first + index).padStart(5, '0')}`,
        newId: uuidv7,
      });
      phases.mark('numberMs');
      await writeIssuedRun(manager, issued, computation.statements, computation, (phase) => phases.mark(phase));
      await runs.queuePublications(issued, issuedAt);
      phases.mark('writeRestMs');
      return { runId, statements: issued, unpricedItemCount: computation.unpricedItemCount };
    });
    // The events follow from the committed rows (see StatementPublications); a replica that dies
    // now leaves the queue to the next slice of any replica.
    phases.mark('commitMs');
    if (run.runId !== null) {
      this.published.wake();
      this.log?.info({ runId: run.runId, statements: run.statements.length, ...phases.all() }, 'run issued');
    }
    return run;
  }
}
