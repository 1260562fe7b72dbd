import type { EntityManager } from 'typeorm';
import type { Clock } from '../clocks/clock';
import type { RecomputeScope } from './recompute-jobs.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The narrow reads and writes of a recompute: which tickets to visit and the moved due times. */
export class DueTimesRepository {
  /**
   * Tickets with a clock the change may affect, in id order (the lock order of every batch).
   * For a calendar with known changed windows only running clocks whose span meets a window;
   * paused clocks keep no due time, so a calendar change cannot move it.
   */
  async affectedTickets(manager: EntityManager, scope: RecomputeScope): Promise<string[]> {
    let rows: { ticket_id: string }[];
    if ('policyId' in scope) {
      rows = (await manager.query(`SELECT DISTINCT ticket_id FROM sla_clocks WHERE policy_id = $1 AND state IN ('running', 'paused') ORDER BY ticket_id`, [
        scope.policyId,
      ])) as { ticket_id: string }[];
    } else {
      const windows = scope.windows;
      rows = (await manager.query(
        `SELECT DISTINCT c.ticket_id FROM sla_clocks c
         WHERE c.calendar_id = $1 AND c.state = 'running'
           AND ($2::timestamptz[] IS NULL OR EXISTS (
                 SELECT 1 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS w(f, t)
                 WHERE c.running_since < w.t AND coalesce(greatest(c.due_at, c.next_fire_at), 'infinity') >= w.f))
         ORDER BY c.ticket_id`,
        [scope.calendarId, windows ? windows.map((w) => new Date(w.fromMs).toISOString()) : null, windows ? windows.map((w) => new Date(w.toMs).toISOString()) : null],
      )) as { ticket_id: string }[];
    }
    return rows.map((r) => r.ticket_id);
  }

  /** The span of time the running clocks of a calendar cover (earliest start, latest due or timer). */
  async spanOfCalendar(manager: EntityManager, calendarId: string): Promise<{ fromMs: number; toMs: number } | null> {
    const rows = (await manager.query(
      `SELECT min(running_since) AS f, max(greatest(due_at, next_fire_at)) AS t FROM sla_clocks WHERE calendar_id = $1 AND state = 'running'`,
      [calendarId],
    )) as { f: Date | null; t: Date | null }[];
    const row = rows[0];
    return row?.f && row.t ? { fromMs: row.f.getTime(), toMs: row.t.getTime() } : null;
  }

  /** Writes new warning, due and timer instants of running clocks with one statement, noting the recompute in their history. */
  async moveDueTimes(manager: EntityManager, clocks: readonly Clock[], at: Date): Promise<void> {
    if (clocks.length === 0) return;
    await manager.query(
      `UPDATE sla_clocks c SET warning_at = u.warning_at, due_at = u.due_at, next_fire_at = u.next_fire_at,
         phases = c.phases || jsonb_build_array(jsonb_build_object('phase', 'recomputed', 'since', $5::text))
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS u(id, warning_at, due_at, next_fire_at)
       WHERE c.id = u.id`,
      [clocks.map((c) => c.id), clocks.map((c) => iso(c.warningAt)), clocks.map((c) => iso(c.dueAt)), clocks.map((c) => iso(c.nextFireAt)), at.toISOString()],
    );
  }
}
