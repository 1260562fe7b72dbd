import type { SlaTarget, SlaTrafficLight } from '@helpdesk/contracts';
import type { BusinessCalendar } from '../business-time/business-calendar';
import { escalationPoints, type EscalationLevelSpec } from '../policies/policy';

/** Where a clock stands. */
export type ClockState = 'running' | 'paused' | 'met' | 'cancelled';

/** One entry of a clock's phase history. */
export interface ClockPhase {
  readonly phase: 'running' | 'paused' | 'warning' | 'breached' | 'met' | 'cancelled' | 'recomputed';
  readonly since: string;
}

/**
 * One SLA clock. Business time is banked in `elapsedMs` whenever the clock stops or its rules
 * change; while running, the time since `runningSince` is counted in the calendar on demand.
 */
export interface Clock {
  readonly id: string;
  readonly ticketId: string;
  readonly target: SlaTarget;
  /** For `task_due`: the task whose due time this clock watches; null otherwise. */
  readonly taskId: string | null;
  readonly policyId: string | null;
  readonly calendarId: string | null;
  readonly state: ClockState;
  readonly targetMs: number;
  readonly warningMs: number | null;
  readonly elapsedMs: number;
  readonly runningSince: Date | null;
  readonly startedAt: Date;
  readonly warningAt: Date | null;
  readonly dueAt: Date | null;
  readonly metAt: Date | null;
  readonly breachedAt: Date | null;
  readonly warnedAt: Date | null;
  readonly escalationLevel: number;
  readonly nextFireAt: Date | null;
  readonly phases: readonly ClockPhase[];
}

/** The calendar a clock counts in and the escalation levels of its policy. */
export interface ClockRules {
  readonly calendar: BusinessCalendar;
  readonly escalations: readonly EscalationLevelSpec[];
}

/** A moment a clock passed, to be published. */
export type ClockMoment =
  | { readonly kind: 'warning'; readonly at: Date }
  | { readonly kind: 'breach'; readonly at: Date }
  | { readonly kind: 'escalation'; readonly at: Date; readonly level: EscalationLevelSpec; readonly previousLevel: number }
  | { readonly kind: 'met'; readonly at: Date; readonly late: boolean };

/** A clock after a decision and the moments it passed on the way. */
export interface ClockOutcome {
  readonly clock: Clock;
  readonly moments: readonly ClockMoment[];
}

/** What starts a clock. */
export interface ClockStart {
  readonly id: string;
  readonly ticketId: string;
  readonly target: SlaTarget;
  /** For `task_due` clocks; omitted (null) for the others. */
  readonly taskId?: string | null;
  readonly policyId: string | null;
  readonly calendarId: string | null;
  readonly targetMs: number;
  readonly warningMs: number | null;
}

/** Starts a clock at `at`, running or (under a pausing status) paused. */
export function startClock(start: ClockStart, at: Date, running: boolean, rules: ClockRules): Clock {
  const clock: Clock = {
    ...start,
    taskId: start.taskId ?? null,
    state: running ? 'running' : 'paused',
    elapsedMs: 0,
    runningSince: running ? at : null,
    startedAt: at,
    warningAt: null,
    dueAt: null,
    metAt: null,
    breachedAt: null,
    warnedAt: null,
    escalationLevel: 0,
    nextFireAt: null,
    phases: [{ phase: running ? 'running' : 'paused', since: at.toISOString() }],
  };
  return schedule(clock, rules);
}

/** Business time counted by `at`. */
export function elapsedAt(clock: Clock, at: Date, calendar: BusinessCalendar): number {
  if (clock.state !== 'running' || !clock.runningSince) return clock.elapsedMs;
  return clock.elapsedMs + calendar.between(clock.runningSince.getTime(), at.getTime());
}

/** Fires every moment (warning, breach, escalation levels) the clock has reached by `at`. */
export function catchUp(clock: Clock, at: Date, rules: ClockRules): ClockOutcome {
  if (clock.state !== 'running') return { clock, moments: [] };
  const elapsed = elapsedAt(clock, at, rules.calendar);
  const moments: ClockMoment[] = [];
  let current = clock;
  for (const point of pendingPoints(clock, rules)) {
    if (point.atMs > elapsed) break;
    const when = instantOfPoint(current, point.atMs, at, rules.calendar);
    if (point.kind === 'warning') {
      current = { ...current, warnedAt: when, phases: [...current.phases, { phase: 'warning', since: when.toISOString() }] };
      moments.push({ kind: 'warning', at: when });
    } else if (point.kind === 'breach') {
      current = { ...current, breachedAt: when, phases: [...current.phases, { phase: 'breached', since: when.toISOString() }] };
      moments.push({ kind: 'breach', at: when });
    } else {
      moments.push({ kind: 'escalation', at: when, level: point.level, previousLevel: current.escalationLevel });
      current = { ...current, escalationLevel: point.level.level };
    }
  }
  return { clock: moments.length ? schedule(current, rules) : current, moments };
}

/** Stops a running clock at `at` (pausing status); time until then is banked. */
export function pauseClock(clock: Clock, at: Date, rules: ClockRules): ClockOutcome {
  const caught = catchUp(clock, at, rules);
  if (caught.clock.state !== 'running') return caught;
  const stopped = bank(caught.clock, at, rules.calendar);
  return { clock: schedule({ ...stopped, state: 'paused', runningSince: null, phases: [...stopped.phases, { phase: 'paused', since: at.toISOString() }] }, rules), moments: caught.moments };
}

/** Lets a paused clock run again from `at`. */
export function resumeClock(clock: Clock, at: Date, rules: ClockRules): ClockOutcome {
  if (clock.state !== 'paused') return { clock, moments: [] };
  const running: Clock = { ...clock, state: 'running', runningSince: at, phases: [...clock.phases, { phase: 'running', since: at.toISOString() }] };
  return catchUp(schedule(running, rules), at, rules);
}

/** The target was reached at `at`: the clock stops for good; late when it had breached. */
export function meetClock(clock: Clock, at: Date, rules: ClockRules): ClockOutcome {
  if (clock.state === 'met' || clock.state === 'cancelled') return { clock, moments: [] };
  const caught = catchUp(clock, at, rules);
  const stopped = bank(caught.clock, at, rules.calendar);
  const met: Clock = {
    ...stopped,
    state: 'met',
    runningSince: null,
    metAt: at,
    nextFireAt: null,
    phases: [...stopped.phases, { phase: 'met', since: at.toISOString() }],
  };
  return { clock: met, moments: [...caught.moments, { kind: 'met', at, late: met.breachedAt !== null }] };
}

/** The target no longer applies (ticket cancelled, resolved before a reply was due). */
export function cancelClock(clock: Clock, at: Date, rules: ClockRules): ClockOutcome {
  if (clock.state === 'met' || clock.state === 'cancelled') return { clock, moments: [] };
  const stopped = bank(clock, at, rules.calendar);
  return {
    clock: { ...stopped, state: 'cancelled', runningSince: null, nextFireAt: null, warningAt: null, dueAt: stopped.breachedAt, phases: [...stopped.phases, { phase: 'cancelled', since: at.toISOString() }] },
    moments: [],
  };
}

/**
 * New targets or a changed calendar from `at` on: the time so far is banked under the old
 * calendar, the rest counts under the new one, and moments now passed fire at once.
 */
export function retargetClock(
  clock: Clock,
  change: { readonly targetMs: number; readonly warningMs: number | null; readonly calendarId: string | null },
  at: Date,
  before: ClockRules,
  after: ClockRules,
): ClockOutcome {
  if (clock.state === 'met' || clock.state === 'cancelled') return { clock, moments: [] };
  const banked = bank(clock, at, before.calendar);
  const changed: Clock = {
    ...banked,
    ...change,
    runningSince: banked.runningSince,
    phases: [...banked.phases, { phase: 'recomputed', since: at.toISOString() }],
  };
  return catchUp(schedule(changed, after), at, after);
}

/** Traffic light of a clock: red once breached, yellow once warned, green otherwise. */
export function trafficLightOf(clock: Clock): SlaTrafficLight {
  if (clock.breachedAt) return 'red';
  if (clock.warnedAt) return 'yellow';
  return 'green';
}

function bank(clock: Clock, at: Date, calendar: BusinessCalendar): Clock {
  if (clock.state !== 'running') return clock;
  // A clock started in the future (a ticket dated ahead) keeps counting from its start.
  const since = clock.runningSince && clock.runningSince > at ? clock.runningSince : at;
  return { ...clock, elapsedMs: elapsedAt(clock, at, calendar), runningSince: since };
}

type Point =
  | { readonly kind: 'warning'; readonly atMs: number }
  | { readonly kind: 'breach'; readonly atMs: number }
  | { readonly kind: 'escalation'; readonly atMs: number; readonly level: EscalationLevelSpec };

/** Moments still ahead of the clock, in the order they are reached. */
function pendingPoints(clock: Clock, rules: ClockRules): Point[] {
  const points: Point[] = [];
  if (clock.warningMs !== null && clock.warningMs < clock.targetMs && !clock.warnedAt && !clock.breachedAt) {
    points.push({ kind: 'warning', atMs: clock.warningMs });
  }
  if (!clock.breachedAt) points.push({ kind: 'breach', atMs: clock.targetMs });
  for (const { level, atMs } of escalationPoints(rules.escalations, clock.targetMs, clock.warningMs)) {
    if (level.level > clock.escalationLevel) points.push({ kind: 'escalation', atMs, level });
  }
  // Stable sort: at equal times the warning comes before the breach before the escalation.
  return points.sort((a, b) => a.atMs - b.atMs);
}

/** The instant a running clock reaches business time `pointMs` (`at` when it already lay behind the banked time). */
function instantOfPoint(clock: Clock, pointMs: number, at: Date, calendar: BusinessCalendar): Date {
  if (!clock.runningSince || pointMs < clock.elapsedMs) return at;
  return new Date(calendar.add(clock.runningSince.getTime(), pointMs - clock.elapsedMs));
}

/** Sets warningAt, dueAt and the next timer moment from the clock's state. */
export function schedule(clock: Clock, rules: ClockRules): Clock {
  if (clock.state !== 'running' || !clock.runningSince) {
    return { ...clock, warningAt: clock.state === 'paused' ? null : clock.warningAt, dueAt: clock.state === 'paused' ? null : clock.dueAt, nextFireAt: null };
  }
  const since = clock.runningSince;
  const at = (pointMs: number) => instantOfPoint(clock, pointMs, since, rules.calendar);
  const warningAt = clock.warnedAt ?? (clock.warningMs !== null && clock.warningMs < clock.targetMs && !clock.breachedAt ? at(clock.warningMs) : null);
  const dueAt = clock.breachedAt ?? at(clock.targetMs);
  const next = pendingPoints(clock, rules)[0];
  return { ...clock, warningAt, dueAt, nextFireAt: next ? at(next.atMs) : null };
}
