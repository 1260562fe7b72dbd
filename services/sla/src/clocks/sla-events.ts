import {
  slaBreachedV1,
  slaClockUpdatedV1,
  slaEscalatedV1,
  slaMetV1,
  slaWarningV1,
  type OutboxEntryData,
  type SlaClock,
  type SlaTrafficLight,
} from './sla-event-types';
import type { BusinessCalendar } from '../business-time/business-calendar';
import { elapsedAt, trafficLightOf, type Clock, type ClockMoment } from './clock';
import type { SlaTicket } from './sla-ticket';

/** Why a `clock.updated` is published. */
export type ClockUpdateReason = 'started' | 'paused' | 'resumed' | 'met' | 'warning' | 'breached' | 'escalated' | 'recomputed' | 'cancelled';

/** A resolved escalation recipient. */
export interface Recipient {
  readonly role: 'assignee' | 'queue_lead' | 'account_manager' | 'agent' | 'address';
  readonly agentId: string | null;
  readonly displayName: string;
  readonly email: string;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
const LIGHT_RANK: Record<SlaTrafficLight, number> = { green: 0, yellow: 1, red: 2 };

/** A clock as the events carry it, with business time counted up to `now`. */
export function clockView(clock: Clock, now: Date, calendar: BusinessCalendar): SlaClock {
  const elapsedSeconds = Math.floor(elapsedAt(clock, now, calendar) / 1000);
  const targetSeconds = Math.floor(clock.targetMs / 1000);
  return {
    clockId: clock.id,
    target: clock.target,
    taskId: clock.taskId,
    policyId: clock.policyId,
    calendarId: clock.calendarId,
    state: clock.state,
    trafficLight: trafficLightOf(clock),
    targetSeconds,
    elapsedBusinessSeconds: elapsedSeconds,
    remainingBusinessSeconds: targetSeconds - elapsedSeconds,
    startedAt: clock.startedAt.toISOString(),
    warningAt: iso(clock.warningAt),
    dueAt: iso(clock.dueAt),
    metAt: iso(clock.metAt),
    breachedAt: iso(clock.breachedAt),
    escalationLevel: clock.escalationLevel,
  };
}

/** The ticket reference SLA events carry. */
export function ticketRef(ticket: SlaTicket) {
  return {
    ticketId: ticket.ticketId,
    number: ticket.number,
    summary: ticket.summary,
    priority: ticket.priority,
    customerId: ticket.customerId,
    contractId: ticket.contractId,
    assigneeId: ticket.assigneeId,
    queueId: ticket.queueId,
    ticketVersion: ticket.ticketVersion,
  };
}

/** `clock.updated` for a ticket whose slaVersion was already advanced. */
export function clockUpdatedEvent(ticket: SlaTicket, views: readonly SlaClock[], reason: ClockUpdateReason, now: Date): OutboxEntryData {
  const live = views.filter((c) => c.state === 'running' || c.state === 'paused');
  const worst = live.reduce<SlaTrafficLight | null>((acc, c) => (acc === null || LIGHT_RANK[c.trafficLight] > LIGHT_RANK[acc] ? c.trafficLight : acc), null);
  const dues = views.filter((c) => c.state === 'running' && c.dueAt).map((c) => Date.parse(c.dueAt as string));
  return {
    event: slaClockUpdatedV1,
    subject: ticket.ticketId,
    time: now,
    data: {
      ticket: ticketRef(ticket),
      version: ticket.slaVersion,
      reason,
      trafficLight: worst,
      overdue: live.some((c) => c.breachedAt !== null),
      nextDueAt: dues.length ? new Date(Math.min(...dues)).toISOString() : null,
      clocks: [...views],
    },
  };
}

/** The event of one moment a clock passed (escalations take their resolved recipients). */
export function momentEvent(ticket: SlaTicket, view: SlaClock, moment: ClockMoment, recipients: readonly Recipient[] = []): OutboxEntryData {
  const base = { ticket: ticketRef(ticket), clock: view };
  const subject = ticket.ticketId;
  switch (moment.kind) {
    case 'warning':
      return { event: slaWarningV1, subject, time: moment.at, data: { ...base, warnedAt: moment.at.toISOString() } };
    case 'breach':
      return { event: slaBreachedV1, subject, time: moment.at, data: { ...base, breachedAt: moment.at.toISOString() } };
    case 'met':
      return { event: slaMetV1, subject, time: moment.at, data: { ...base, metAt: moment.at.toISOString(), late: moment.late } };
    case 'escalation':
      return {
        event: slaEscalatedV1,
        subject,
        time: moment.at,
        data: {
          ...base,
          level: moment.level.level,
          previousLevel: moment.previousLevel,
          trigger: moment.level.trigger,
          recipients: [...recipients],
          escalatedAt: moment.at.toISOString(),
        },
      };
  }
}

/** The clock.updated reason a list of moments stands for (the most significant one). */
export function reasonOfMoments(moments: readonly ClockMoment[], fallback: ClockUpdateReason): ClockUpdateReason {
  if (moments.some((m) => m.kind === 'met')) return 'met';
  if (moments.some((m) => m.kind === 'escalation')) return 'escalated';
  if (moments.some((m) => m.kind === 'breach')) return 'breached';
  if (moments.some((m) => m.kind === 'warning')) return 'warning';
  return fallback;
}
