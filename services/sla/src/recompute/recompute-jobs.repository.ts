import { uuidv7 } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import type { ChangedWindow } from './changed-windows';

/** Which clocks a change affects: those of a calendar (optionally only within windows) or of a policy. */
export type RecomputeScope =
  | { readonly calendarId: string; readonly windows: readonly ChangedWindow[] | null }
  | { readonly policyId: string };

/** A recompute to do: committed with the change that caused it, finished by whichever replica holds the lease. */
export interface RecomputeJob {
  readonly id: string;
  readonly scope: RecomputeScope;
}

interface JobRow {
  id: string;
  scope_kind: string;
  scope_id: string;
  windows: { fromMs: number; toMs: number }[] | null;
}

const jobOf = (row: JobRow): RecomputeJob => ({
  id: row.id,
  scope: row.scope_kind === 'calendar' ? { calendarId: row.scope_id, windows: row.windows } : { policyId: row.scope_id },
});

/** Recompute jobs: one row per policy or calendar change, leased while a replica works on it. */
export class RecomputeJobsRepository {
  constructor(private readonly leaseMs: number) {}

  /** Records a job in the caller's transaction (the one that changes the policy or calendar), leased to the caller. */
  async enqueue(manager: EntityManager, scope: RecomputeScope): Promise<RecomputeJob> {
    const job: RecomputeJob = { id: uuidv7(), scope };
    const [kind, scopeId, windows] = 'calendarId' in scope ? ['calendar', scope.calendarId, scope.windows] : ['policy', scope.policyId, null];
    await manager.query(
      `INSERT INTO sla_recompute_jobs (id, scope_kind, scope_id, windows, created_at, lease_until)
       VALUES ($1, $2, $3, $4, now(), now() + $5 * interval '1 millisecond')`,
      [job.id, kind, scopeId, windows === null ? null : JSON.stringify(windows), this.leaseMs],
    );
    return job;
  }

  /** Takes over the oldest unfinished job whose lease ran out (its replica died); undefined when none. */
  async claimAbandoned(manager: EntityManager): Promise<RecomputeJob | undefined> {
    const [rows] = (await manager.query(
      `UPDATE sla_recompute_jobs SET lease_until = now() + $1 * interval '1 millisecond'
       WHERE id = (SELECT id FROM sla_recompute_jobs WHERE finished_at IS NULL AND lease_until < now()
                   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, scope_kind, scope_id, windows`,
      [this.leaseMs],
    )) as [JobRow[], number];
    return rows[0] ? jobOf(rows[0]) : undefined;
  }

  /** Extends the lease while the job makes progress. */
  async renew(manager: EntityManager, jobId: string): Promise<void> {
    await manager.query(`UPDATE sla_recompute_jobs SET lease_until = now() + $2 * interval '1 millisecond' WHERE id = $1`, [jobId, this.leaseMs]);
  }

  async finish(manager: EntityManager, jobId: string, recomputed: number): Promise<void> {
    await manager.query(`UPDATE sla_recompute_jobs SET finished_at = now(), recomputed = $2 WHERE id = $1`, [jobId, recomputed]);
  }
}
