import type { SlaTarget, TicketPriority, TicketSnapshot, TicketStatus, TicketTask } from '@helpdesk/contracts';
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
  | { readonly kind: 'agent_reply'; readonly at: Date }
  /** The snapshot's `dueAt` / `warningAt` were set by hand (ticket created, or changed by someone other than the SLA service). */
  | { readonly kind: 'due_date' }
  /** A task was created or finished; its due time (and reminder as warning) runs a `task_due` clock. */
  | { readonly kind: 'task'; readonly task: TicketTask };

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
/** Targets a policy sets (they pause, retarget and recompute); ticket_due and task_due are instants set by hand. */
const POLICY_TARGETS: readonly SlaTarget[] = ['first_response', 'next_update', 'resolution'];
const BY_POLICY = (c: Clock) => POLICY_TARGETS.includes(c.target);

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
  // A ticket we had not seen carries no due time of ours yet, so its due date was set by hand,
  // whichever event arrives first (the consumers of different events run concurrently).
  if (state.fresh || (change.kind === 'due_date' && newer)) {
    const due = (iso: string | null) => (iso === null ? null : new Date(iso));
    reason = work.dueDate(ticket, due(snapshot.dueAt), due(snapshot.warningAt), at) ?? reason;
  }
  if (change.kind === 'task') reason = work.task(ticket, change.task, at) ?? reason;
  if (change.kind === 'customer_message') reason = work.customerMessage(ticket, change.at) ?? reason;
  if (change.kind === 'agent_reply') reason = work.agentReply(change.at) ?? reason;
  work.catchUpAll(ctx.now);
  const momentReason = work.momentReason();
  return { ticket: { ...ticket, policyId: ticket.policyId }, clocks: work.all(), changedClockIds: work.changed, moments: work.moments, reason: momentReason ?? reason };
}

/** The instant a never-paused round-the-clock clock reaches business time `pointMs`. */
function promisedAt(clock: Clock, pointMs: number): number {
  return clock.startedAt.getTime() + pointMs;
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
      // The ticket's own due date is kept by resolving it; a task may still be due after resolution, not after closing.
      const met = this.each(live.filter((c) => c.target === 'resolution' || c.target === 'ticket_due'), (c) => meetClock(c, at, this.rulesOf(c)), 'met');
      const ending = live.filter((c) => c.target === 'first_response' || c.target === 'next_update' || (c.target === 'task_due' && ticket.status === 'closed'));
      const cancelled = this.each(ending, (c) => cancelClock(c, at, this.rulesOf(c)), 'cancelled');
      return met ?? cancelled;
    }
    if (CLOSED.includes(previous)) {
      // Reopened: the resolution promise starts over with a new clock; the met one stays on record.
      const running = !this.pauseStatuses(ticket.policyId).includes(ticket.status);
      return this.start(ticket, 'resolution', at, running) ? 'started' : null;
    }
    // Due dates set by hand are instants: a pausing status does not move them.
    const pausing = this.pauseStatuses(ticket.policyId).includes(ticket.status);
    const byPolicy = live.filter(BY_POLICY);
    if (pausing) return this.each(byPolicy.filter((c) => c.state === 'running'), (c) => pauseClock(c, at, this.rulesOf(c)), 'paused');
    return this.each(byPolicy.filter((c) => c.state === 'paused'), (c) => resumeClock(c, at, this.rulesOf(c)), 'resumed');
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
    for (const clock of this.clocks.filter((c) => LIVE(c) && BY_POLICY(c))) {
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

  /**
   * The ticket's own due date (with its warning time) set by hand: a `ticket_due` clock counting
   * round the clock towards that instant. A changed date replaces the clock (a new promise), a
   * cleared one cancels it; the same date again changes nothing.
   */
  dueDate(ticket: SlaTicket, dueAt: Date | null, warningAt: Date | null, at: Date): ClockUpdateReason | null {
    const live = this.clocks.filter((c) => LIVE(c) && c.target === 'ticket_due');
    const keeps = (c: Clock) => dueAt !== null && promisedAt(c, c.targetMs) === dueAt.getTime() && (c.warningMs === null ? null : promisedAt(c, c.warningMs)) === (warningAt?.getTime() ?? null);
    let reason = this.each(live.filter((c) => !keeps(c)), (c) => cancelClock(c, at, this.rulesOf(c)), 'cancelled');
    if (dueAt && !live.some(keeps) && !CLOSED.includes(ticket.status)) {
      this.startDue(ticket, 'ticket_due', null, dueAt, warningAt, at);
      reason = 'started';
    }
    return reason;
  }

  /**
   * A task's due time (its reminder as the warning) runs a `task_due` clock; done meets it,
   * cancelled cancels it. Order-independent: a completion seen before the creation records the
   * finished clock, so the creation arriving later starts nothing.
   */
  task(ticket: SlaTicket, task: TicketTask, at: Date): ClockUpdateReason | null {
    let clock = this.clocks.find((c) => c.target === 'task_due' && c.taskId === task.taskId);
    let reason: ClockUpdateReason | null = null;
    if (!clock) {
      if (!task.dueAt) return null;
      const dueAt = new Date(task.dueAt);
      clock = this.startDue(ticket, 'task_due', task.taskId, dueAt, task.remindAt ? new Date(task.remindAt) : null, new Date(task.createdAt));
      reason = 'started';
    }
    if (task.status !== 'done' && task.status !== 'cancelled') return reason;
    const end = task.completedAt ? new Date(task.completedAt) : at;
    const finished =
      task.status === 'done'
        ? this.each([clock], (c) => meetClock(c, end, this.rulesOf(c)), 'met')
        : this.each([clock], (c) => cancelClock(c, end, this.rulesOf(c)), 'cancelled');
    return finished ?? reason;
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

  /** Starts a round-the-clock clock towards the instant `dueAt`, from `at` or the earlier due or warning instant. */
  private startDue(ticket: SlaTicket, target: 'ticket_due' | 'task_due', taskId: string | null, dueAt: Date, warningAt: Date | null, at: Date): Clock {
    const startMs = Math.min(at.getTime(), dueAt.getTime(), warningAt?.getTime() ?? Number.POSITIVE_INFINITY);
    const start = { id: this.ctx.newId(), ticketId: ticket.ticketId, target, taskId, policyId: null, calendarId: null, targetMs: dueAt.getTime() - startMs, warningMs: warningAt ? warningAt.getTime() - startMs : null };
    const clock = startClock(start, new Date(startMs), true, this.ctx.rules.clockRules(null, null));
    this.clocks.push(clock);
    this.changed.add(clock.id);
    return clock;
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
