import type { Actor, SlaTrafficLight } from '@helpdesk/contracts';
import { toSnapshot, type Ticket } from './ticket';
import { diffTickets, fieldsHistory } from './ticket-changes';
import { nextVersion, unchanged, type TicketDecision } from './ticket-decisions';
import { ticketEvent } from './ticket-events';
import { checkOptionalDate } from './ticket-fields';

/** The SLA state the SLA service last reported for a ticket. */
export interface SlaReport {
  /** Worst traffic light of the ticket's clocks; null when no clock runs any more. */
  readonly trafficLight: SlaTrafficLight | null;
  readonly overdue: boolean;
  /** Due time from the SLA policy; omitted keeps the ticket's, null clears it. */
  readonly dueAt?: Date | null;
  /** Warning time from the SLA policy; omitted keeps the ticket's, null clears it. */
  readonly warningAt?: Date | null;
  /** The SLA phase change behind the report (started, paused, warning, breached, met…), for the history. */
  readonly reason?: string;
}

/** Who reports and when (the SLA consumer passes the event time and a system actor). */
export interface SlaReportContext {
  readonly now: Date;
  readonly actor: Actor;
}

/**
 * Applies an SLA report in any status (a late report about a closed ticket is still recorded):
 * a `ticket.updated` event with the changed fields, and one history entry, `sla_phase` when the
 * traffic light or overdue flag changed, `field_changed` when only due times moved. A report
 * that changes nothing emits nothing.
 */
export function applySlaReport(ticket: Ticket, report: SlaReport, ctx: SlaReportContext): TicketDecision {
  const reported: Ticket = {
    ...ticket,
    slaTrafficLight: report.trafficLight,
    slaOverdue: report.overdue,
    dueAt: report.dueAt === undefined ? ticket.dueAt : checkOptionalDate('dueAt', report.dueAt),
    warningAt: report.warningAt === undefined ? ticket.warningAt : checkOptionalDate('warningAt', report.warningAt),
  };
  const changes = diffTickets(ticket, reported);
  if (changes.length === 0) {
    // A phase change that moves no field (paused, resumed, escalated…) is still documented; the
    // ticket's state and version stay as they are, so no event.
    return report.reason ? { ticket, events: [], history: [{ kind: 'sla_phase', before: {}, after: { slaReason: report.reason } }] } : unchanged(ticket);
  }
  const next = nextVersion(reported, ticket.version, ctx.now);
  const updated = ticketEvent('helpdesk.ticket.updated.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    changes,
    description: null,
  });
  const phaseChanged = changes.some((change) => change.field === 'slaTrafficLight' || change.field === 'slaOverdue');
  const fields = fieldsHistory(phaseChanged ? 'sla_phase' : 'field_changed', changes);
  const history = report.reason ? { ...fields, after: { ...fields.after, slaReason: report.reason } } : fields;
  return { ticket: next, events: [updated], history: [history] };
}
