import type { SlaTarget } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { Clock, ClockPhase, ClockState } from './clock';

/** A clock row as PostgreSQL returns it (bigint as text, timestamps as Date). */
export interface ClockRow {
  id: string;
  ticket_id: string;
  target: string;
  task_id: string | null;
  policy_id: string | null;
  calendar_id: string | null;
  state: string;
  target_ms: string;
  warning_ms: string | null;
  elapsed_ms: string;
  running_since: Date | null;
  started_at: Date;
  warning_at: Date | null;
  due_at: Date | null;
  met_at: Date | null;
  breached_at: Date | null;
  warned_at: Date | null;
  escalation_level: number;
  next_fire_at: Date | null;
  phases: ClockPhase[];
}

export const CLOCK_COLUMNS =
  'id, ticket_id, target, task_id, policy_id, calendar_id, state, target_ms, warning_ms, elapsed_ms, running_since, started_at, warning_at, due_at, met_at, breached_at, warned_at, escalation_level, next_fire_at, phases';

/** Maps a row to the domain clock. */
export function clockOf(row: ClockRow): Clock {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    target: row.target as SlaTarget,
    taskId: row.task_id,
    policyId: row.policy_id,
    calendarId: row.calendar_id,
    state: row.state as ClockState,
    targetMs: Number(row.target_ms),
    warningMs: row.warning_ms === null ? null : Number(row.warning_ms),
    elapsedMs: Number(row.elapsed_ms),
    runningSince: row.running_since,
    startedAt: row.started_at,
    warningAt: row.warning_at,
    dueAt: row.due_at,
    metAt: row.met_at,
    breachedAt: row.breached_at,
    warnedAt: row.warned_at,
    escalationLevel: row.escalation_level,
    nextFireAt: row.next_fire_at,
    phases: row.phases,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Clock rows: read per ticket, written in bulk. */
export class ClocksRepository {
  async ofTicket(manager: EntityManager, ticketId: string): Promise<Clock[]> {
    const rows = (await manager.query(`SELECT ${CLOCK_COLUMNS} FROM sla_clocks WHERE ticket_id = $1 ORDER BY started_at, id`, [ticketId])) as ClockRow[];
    return rows.map(clockOf);
  }

  async ofTickets(manager: EntityManager, ticketIds: readonly string[]): Promise<Clock[]> {
    if (ticketIds.length === 0) return [];
    const rows = (await manager.query(`SELECT ${CLOCK_COLUMNS} FROM sla_clocks WHERE ticket_id = ANY($1::uuid[]) ORDER BY started_at, id`, [ticketIds])) as ClockRow[];
    return rows.map(clockOf);
  }

  /**
   * Clocks of tickets without their phase history (left empty), for reads that only schedule and
   * show clocks: the history is the bulk of a row. Never {@link save} these.
   */
  async ofTicketsWithoutPhases(manager: EntityManager, ticketIds: readonly string[]): Promise<Clock[]> {
    if (ticketIds.length === 0) return [];
    const columns = CLOCK_COLUMNS.replace(', phases', ", '[]'::jsonb AS phases");
    const rows = (await manager.query(`SELECT ${columns} FROM sla_clocks WHERE ticket_id = ANY($1::uuid[]) ORDER BY started_at, id`, [ticketIds])) as ClockRow[];
    return rows.map(clockOf);
  }

  /** Inserts or replaces clocks in one statement. */
  async save(manager: EntityManager, clocks: readonly Clock[]): Promise<void> {
    if (clocks.length === 0) return;
    const json = clocks.map((c) => ({
      id: c.id,
      ticket_id: c.ticketId,
      target: c.target,
      task_id: c.taskId,
      policy_id: c.policyId,
      calendar_id: c.calendarId,
      state: c.state,
      target_ms: c.targetMs,
      warning_ms: c.warningMs,
      elapsed_ms: c.elapsedMs,
      running_since: iso(c.runningSince),
      started_at: iso(c.startedAt),
      warning_at: iso(c.warningAt),
      due_at: iso(c.dueAt),
      met_at: iso(c.metAt),
      breached_at: iso(c.breachedAt),
      warned_at: iso(c.warnedAt),
      escalation_level: c.escalationLevel,
      next_fire_at: iso(c.nextFireAt),
      phases: c.phases,
    }));
    await manager.query(
      `INSERT INTO sla_clocks (${CLOCK_COLUMNS})
       SELECT ${CLOCK_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(
         id uuid, ticket_id uuid, target text, task_id uuid, policy_id uuid, calendar_id uuid, state text, target_ms bigint, warning_ms bigint,
         elapsed_ms bigint, running_since timestamptz, started_at timestamptz, warning_at timestamptz, due_at timestamptz,
         met_at timestamptz, breached_at timestamptz, warned_at timestamptz, escalation_level integer, next_fire_at timestamptz, phases jsonb)
       ON CONFLICT (id) DO UPDATE SET
         policy_id = EXCLUDED.policy_id, calendar_id = EXCLUDED.calendar_id, state = EXCLUDED.state, target_ms = EXCLUDED.target_ms,
         warning_ms = EXCLUDED.warning_ms, elapsed_ms = EXCLUDED.elapsed_ms, running_since = EXCLUDED.running_since,
         warning_at = EXCLUDED.warning_at, due_at = EXCLUDED.due_at, met_at = EXCLUDED.met_at, breached_at = EXCLUDED.breached_at,
         warned_at = EXCLUDED.warned_at, escalation_level = EXCLUDED.escalation_level, next_fire_at = EXCLUDED.next_fire_at,
         phases = EXCLUDED.phases`,
      [JSON.stringify(json)],
    );
  }
}
