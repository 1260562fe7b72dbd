import type { SlaClock } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';

/** Records `version` as the ticket's SLA state when it is newer; false for a stale or repeated one. */
export async function newerSlaVersion(manager: EntityManager, ticketId: string, version: number): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO ticket_sla_state (ticket_id, version) VALUES ($1, $2)
     ON CONFLICT (ticket_id) DO UPDATE SET version = EXCLUDED.version, applied_at = now()
     WHERE ticket_sla_state.version < EXCLUDED.version
     RETURNING ticket_id`,
    [ticketId, version],
  )) as unknown[];
  return rows.length === 1;
}

/** The earliest warning moment of the running clocks; null when none warns. */
export function earliestWarning(clocks: readonly SlaClock[]): Date | null {
  const times = clocks.filter((c) => c.state === 'running' && c.warningAt).map((c) => Date.parse(c.warningAt as string));
  return times.length ? new Date(Math.min(...times)) : null;
}
