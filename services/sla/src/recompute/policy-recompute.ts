import { cancelClock, retargetClock, type Clock, type ClockMoment } from '../clocks/clock';
import type { RulesSnapshot } from '../clocks/rules-registry';
import type { SlaTicket } from '../clocks/sla-ticket';
import type { TicketWrite } from '../clocks/sla-writer';
import { targetOf } from '../clocks/ticket-clocks';
import { warningPointMs, type PolicyTarget } from '../policies/policy';

/**
 * A ticket's live clocks of a changed policy take its new targets, warning lead, escalation
 * levels and calendar from `now` on (the calendar as it is now counts for the running stretch);
 * a clock whose target the policy no longer sets is cancelled. Moments now passed fire at once.
 */
export function retargetTicketToPolicy(ticket: SlaTicket, clocks: readonly Clock[], policyId: string, rules: RulesSnapshot, now: Date): TicketWrite {
  const changed = new Set<string>();
  const moments: { clockId: string; moment: ClockMoment }[] = [];
  const result = clocks.map((clock) => {
    if (clock.policyId !== policyId || (clock.state !== 'running' && clock.state !== 'paused')) return clock;
    const policy = rules.policy(clock.policyId);
    const targetMs = policy ? targetOf(policy, ticket.priority, clock.target as PolicyTarget) : clock.targetMs;
    const calendarId = policy ? policy.settings.calendarId : clock.calendarId;
    const after = rules.clockRules(clock.policyId, calendarId);
    const outcome =
      targetMs === undefined
        ? cancelClock(clock, now, rules.clockRules(clock.policyId, clock.calendarId))
        : retargetClock(clock, { targetMs, warningMs: policy ? warningPointMs(policy.settings.warningLead, targetMs) : clock.warningMs, calendarId }, now, after, after);
    changed.add(clock.id);
    for (const moment of outcome.moments) moments.push({ clockId: clock.id, moment });
    return outcome.clock;
  });
  const kinds = new Set(moments.map((m) => m.moment.kind));
  const reason = changed.size === 0 ? null : kinds.has('escalation') ? 'escalated' : kinds.has('breach') ? 'breached' : kinds.has('warning') ? 'warning' : 'recomputed';
  return { ticket, ticketChanged: false, clocks: result, changedClockIds: changed, moments, reason };
}
