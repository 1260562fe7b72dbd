import { slaClockUpdatedV1, type Actor } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import type { TicketPolicy } from '../tickets/ticket-decisions';
import { applySlaReport } from '../tickets/ticket-sla-report';
import { applyTicketChange } from '../tickets/ticket-unit-of-work';
import { TicketError } from '../tickets/ticket.errors';
import { earliestWarning, newerSlaVersion } from './sla-state';

const SLA_ACTOR: Actor = { kind: 'system', id: null, displayName: 'sla' };

/**
 * The SLA service's view of a ticket — traffic light, overdue flag, next due and warning times —
 * lands on the ticket with a history entry for the phase change. Older SLA versions are ignored.
 */
export function onSlaClockUpdated(policy: TicketPolicy, clock: () => Date = () => new Date()) {
  return eventHandler({
    event: slaClockUpdatedV1,
    durable: 'ticket-sla-clock',
    async handle({ data }, tx) {
      const ticketId = data.ticket.ticketId;
      if (!(await newerSlaVersion(tx.manager, ticketId, data.version))) return;
      const report = {
        trafficLight: data.trafficLight,
        overdue: data.overdue,
        dueAt: data.nextDueAt ? new Date(data.nextDueAt) : null,
        warningAt: earliestWarning(data.clocks),
        reason: data.reason,
      };
      try {
        await applyTicketChange(tx.manager, tx.outbox, {
          scope: { kind: 'all' },
          actor: SLA_ACTOR,
          ticketId,
          now: clock(),
          policy,
          decide: (ticket, scope) => ({ decision: applySlaReport(ticket, report, scope), result: undefined }),
        });
      } catch (error) {
        // An SLA report about a ticket this service does not have is nothing to apply.
        if (!(error instanceof TicketError && error.code === 'TICKET_NOT_FOUND')) throw error;
      }
    },
  });
}
