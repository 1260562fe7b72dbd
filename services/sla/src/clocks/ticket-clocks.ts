import type { TicketPriority, TicketSnapshot, TicketStatus } from '@helpdesk/contracts';
import { warningPointMs, type Policy, type PolicyTarget } from '../policies/policy';
import {
  cancelClock,
  catchUp,
  meetClock,
  pauseClock,
  resumeClock,
  retargetClock,
  startClock,
  type Clock,
  type ClockMoment,
  type ClockOutcome,
} from './clock';
import type { ClockUpdateReason } from './sla-events';
import type { RulesSnapshot } from './rules-registry';
import type { SlaTicket } from './sla-ticket';

/** What a ticket event means for its clocks. */
export type TicketChange =
  | { readonly kind: 'snapshot' }
  | { readonly kind: 'status'; readonly previous: TicketStatus }
  | { readonly kind: 'customer_message'; readonly at: Date }
  | { readonly kind: 'agent_reply'; readonly at: Date };

/** A ticket's clocks after a change, with the moments passed and the reason to report. */
export interface TicketClocksDecision {
  readonly ticket: SlaTicket;
  readonly clocks: readonly Clock[];
  readonly changedClockIds: ReadonlySet<string>;
  readonly moments: readonly { readonly clockId: string; readonly moment: ClockMoment }[];
  /** Null when nothing changed that subscribers need to hear about. */
  readonly reason: ClockUpdateReason | null;
}

/** What a decision needs besides the state. */
export interface DecisionContext {
  readonly rules: RulesSnapshot;
  /** The policy for the ticket as of the snapshot (contract or default); null for none. */
  readonly policyId: string | null;
  readonly now: Date;
  readonly newId: () => string;
}

const CLOSED: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];
const LIVE = (c: Clock) => c.state === 'running' || c.state === 'paused';

/** The read model for a ticket first seen in `snapshot`. */
export function newSlaTicket(snapshot: TicketSnapshot, policyId: string | null): SlaTicket {
  return { ...snapshotFields(snapshot), policyId, slaVersion: 0, createdAt: new Date(snapshot.createdAt) };
}

/**
 * Applies one ticket event to the ticket's clocks. A newer snapshot updates the read model and
 * (for status events) pauses, resumes, meets or cancels clocks; a message meets or starts
 * response clocks whatever its version, since messages are facts that happened.
 */
export function decideTicketClocks(
  state: { readonly ticket: SlaTicket; readonly clocks: readonly Clock[]; readonly fresh: boolean },
  snapshot: TicketSnapshot,
  change: TicketChange,
  ctx: DecisionContext,
): TicketClocksDecision {
  const work = new ClockWork(state.clocks, ctx);
  const newer = snapshot.version > state.ticket.ticketVersion;
  let ticket = state.ticket;
  let reason: ClockUpdateReason | null = null;
  const at = new Date(snapshot.updatedAt);

  if (state.fresh) {
    if (!CLOSED.includes(snapshot.status)) reason = work.startInitial(ticket, new Date(snapshot.createdAt)) ? 'started' : null;
  } else if (newer) {
    const before = ticket;
    ticket = { ...ticket, ...snapshotFields(snapshot) };
    if (before.priority !== ticket.priority || before.policyId !== ctx.policyId) {
      ticket = { ...ticket, policyId: ctx.policyId };
      reason = work.retarget(ticket, at) ?? reason;
    }
    if (change.kind === 'status' && before.status !== ticket.status) reason = work.statusChange(ticket, before.status, at) ?? reason;
  }
  if (change.kind === 'customer_message') reason = work.customerMessage(ticket, change.at) ?? reason;
  if (change.kind === 'agent_reply') reason = work.agentReply(change.at) ?? reason;
  work.catchUpAll(ctx.now);
  const momentReason = work.momentReason();
  return { ticket: { ...ticket, policyId: ticket.policyId }, clocks: work.all(), changedClockIds: work.changed, moments: work.moments, reason: momentReason ?? reason };
}

function snapshotFields(s: TicketSnapshot) {
  return {
    ticketId: s.ticketId,
    number: s.number,
    summary: s.summary,
    priority: s.priority,
    status: s.status,
    customerId: s.customerId,
    contractId: s.contractId,
    assigneeId: s.assigneeId,
    queueId: s.queueId,
    ticketVersion: s.version,
  };
}

/** Targets of a policy for a priority, in business milliseconds. */
export function targetOf(policy: Policy | undefined, priority: TicketPriority, target: PolicyTarget): number | undefined {
  return policy?.settings.targets[priority]?.[target];
}

/** The mutable working set of one decision. */
class ClockWork {
  private readonly clocks: Clock[];
  readonly changed = new Set<string>();
  readonly moments: { clockId: string; moment: ClockMoment }[] = [];

  constructor(
    clocks: readonly Clock[],
    private readonly ctx: DecisionContext,
  ) {
    this.clocks = [...clocks];
  }

  all(): readonly Clock[] {
    return this.clocks;
  }

  startInitial(ticket: SlaTicket, at: Date): boolean {
    const running = !this.pauseStatuses(ticket.policyId).includes(ticket.status);
    let started = false;
    for (const target of ['first_response', 'resolution'] as const) started = this.start(ticket, target, at, running) || started;
    return started;
  }

  statusChange(ticket: SlaTicket, previous: TicketStatus, at: Date): ClockUpdateReason | null {
    const live = this.clocks.filter(LIVE);
    if (ticket.status === 'cancelled') return this.each(live, (c) => cancelClock(c, at, this.rulesOf(c)), 'cancelled');
    if (ticket.status === 'resolved' || ticket.status === 'closed') {
      const met = this.each(live.filter((c) => c.target === 'resolution'), (c) => meetClock(c, at, this.rulesOf(c)), 'met');
      const cancelled = this.each(live.filter((c) => c.target !== 'resolution'), (c) => cancelClock(c, at, this.rulesOf(c)), 'cancelled');
      return met ?? cancelled;
    }
    if (CLOSED.includes(previous)) {
      // Reopened: the resolution promise starts over with a new clock; the met one stays on record.
      const running = !this.pauseStatuses(ticket.policyId).includes(ticket.status);
      return this.start(ticket, 'resolution', at, running) ? 'started' : null;
    }
    const pausing = this.pauseStatuses(ticket.policyId).includes(ticket.status);
    if (pausing) return this.each(live.filter((c) => c.state === 'running'), (c) => pauseClock(c, at, this.rulesOf(c)), 'paused');
    return this.each(live.filter((c) => c.state === 'paused'), (c) => resumeClock(c, at, this.rulesOf(c)), 'resumed');
  }

  customerMessage(ticket: SlaTicket, at: Date): ClockUpdateReason | null {
    if (CLOSED.includes(ticket.status)) return null;
    // Until the first response is met, it is the clock the customer waits on.
    if (this.clocks.some((c) => LIVE(c) && (c.target === 'next_update' || c.target === 'first_response'))) return null;
    const running = !this.pauseStatuses(ticket.policyId).includes(ticket.status);
    return this.start(ticket, 'next_update', at, running) ? 'started' : null;
  }

  agentReply(at: Date): ClockUpdateReason | null {
    const waiting = this.clocks.filter((c) => LIVE(c) && (c.target === 'first_response' || c.target === 'next_update') && c.startedAt <= at);
    return this.each(waiting, (c) => meetClock(c, at, this.rulesOf(c)), 'met');
  }

  /** Priority or policy changed: live clocks take the new targets (or end when it sets none). */
  retarget(ticket: SlaTicket, at: Date): ClockUpdateReason | null {
    const policy = this.ctx.rules.policy(ticket.policyId);
    let reason: ClockUpdateReason | null = null;
    for (const clock of this.clocks.filter(LIVE)) {
      const targetMs = targetOf(policy, ticket.priority, clock.target as PolicyTarget);
      if (targetMs === undefined || !policy) {
        reason = this.each([clock], (c) => cancelClock(c, at, this.rulesOf(c)), 'cancelled') ?? reason;
        continue;
      }
      const calendarId = policy.settings.calendarId;
      const change = { targetMs, warningMs: warningPointMs(policy.settings.warningLead, targetMs), calendarId, policyId: policy.id };
      const after = this.ctx.rules.clockRules(policy.id, calendarId);
      reason = this.each([clock], (c) => retargetClock({ ...c, policyId: policy.id }, change, at, this.rulesOf(c), after), 'recomputed') ?? reason;
    }
    if (!this.clocks.some((c) => c.target === 'resolution') && !CLOSED.includes(ticket.status)) {
      if (this.startInitial(ticket, at)) reason = 'started';
    }
    return reason;
  }

  catchUpAll(now: Date): void {
    this.each(this.clocks.filter((c) => c.state === 'running'), (c) => catchUp(c, now, this.rulesOf(c)), 'warning');
  }

  momentReason(): ClockUpdateReason | null {
    const kinds = new Set(this.moments.map((m) => m.moment.kind));
    if (kinds.has('met')) return 'met';
    if (kinds.has('escalation')) return 'escalated';
    if (kinds.has('breach')) return 'breached';
    if (kinds.has('warning')) return 'warning';
    return null;
  }

  private start(ticket: SlaTicket, target: PolicyTarget, at: Date, running: boolean): boolean {
    const policy = this.ctx.rules.policy(ticket.policyId);
    const targetMs = targetOf(policy, ticket.priority, target);
    if (!policy || targetMs === undefined) return false;
    const calendarId = policy.settings.calendarId;
    const start = { id: this.ctx.newId(), ticketId: ticket.ticketId, target, policyId: policy.id, calendarId, targetMs, warningMs: warningPointMs(policy.settings.warningLead, targetMs) };
    const clock = startClock(start, at, running, this.ctx.rules.clockRules(policy.id, calendarId));
    this.clocks.push(clock);
    this.changed.add(clock.id);
    return true;
  }

  private each(clocks: readonly Clock[], step: (clock: Clock) => ClockOutcome, reason: ClockUpdateReason): ClockUpdateReason | null {
    let any = false;
    for (const clock of clocks) {
      const outcome = step(clock);
      if (outcome.clock === clock) continue;
      any = true;
      this.clocks[this.clocks.findIndex((c) => c.id === clock.id)] = outcome.clock;
      this.changed.add(clock.id);
      for (const moment of outcome.moments) this.moments.push({ clockId: clock.id, moment });
    }
    return any ? reason : null;
  }

  private rulesOf(clock: Clock) {
    return this.ctx.rules.clockRules(clock.policyId, clock.calendarId);
  }

  private pauseStatuses(policyId: string | null): readonly TicketStatus[] {
    return this.ctx.rules.policy(policyId)?.settings.pauseStatuses ?? ['pending'];
  }
}
