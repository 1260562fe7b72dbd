import { ticketStatusSchema, type TicketStatus } from '@helpdesk/contracts';
import {
  OPEN_STATUSES,
  allowedTransitions,
  assertTransition,
  canTransition,
  reopenDeadline,
  type TransitionContext,
} from './ticket-status';
import { TicketError } from './ticket.errors';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ctx: TransitionContext = { now: NOW, closedAt: NOW, reopenWindowDays: 7 };
const ALL: readonly TicketStatus[] = ticketStatusSchema.options;

const ALLOWED: readonly [TicketStatus, TicketStatus][] = [
  ['new', 'open'],
  ['new', 'in_progress'],
  ['new', 'resolved'],
  ['new', 'cancelled'],
  ['open', 'in_progress'],
  ['open', 'pending'],
  ['open', 'resolved'],
  ['open', 'cancelled'],
  ['in_progress', 'pending'],
  ['in_progress', 'open'],
  ['in_progress', 'resolved'],
  ['in_progress', 'cancelled'],
  ['pending', 'in_progress'],
  ['pending', 'open'],
  ['pending', 'resolved'],
  ['pending', 'cancelled'],
  ['resolved', 'closed'],
  ['resolved', 'open'],
  ['closed', 'open'],
];

function errorOf(run: () => void): TicketError {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error;
    throw error;
  }
  throw new Error('expected a TicketError');
}

describe('ticket status machine', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to, ctx)).not.toThrow();
  });

  const forbidden = ALL.flatMap((from) => ALL.map((to): [TicketStatus, TicketStatus] => [from, to])).filter(
    ([from, to]) => !ALLOWED.some(([a, b]) => a === from && b === to),
  );

  it.each(forbidden)('forbids %s → %s, naming both states', (from, to) => {
    const error = errorOf(() => assertTransition(from, to, ctx));
    expect(error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(error.message).toBe(`cannot change status from ${from} to ${to}`);
  });

  it('lists exactly the allowed edges', () => {
    const listed = ALL.flatMap((from) => allowedTransitions(from).map((to) => [from, to]));
    expect(listed).toEqual(expect.arrayContaining(ALLOWED));
    expect(listed).toHaveLength(ALLOWED.length);
  });

  it('has no self transitions and cancelled is final', () => {
    for (const status of ALL) expect(canTransition(status, status)).toBe(false);
    expect(allowedTransitions('cancelled')).toEqual([]);
  });

  it('cancels from every open status and from nothing else', () => {
    const cancellable = ALL.filter((status) => canTransition(status, 'cancelled'));
    expect(cancellable).toEqual(OPEN_STATUSES);
  });

  it('names the states in the message the issue quotes', () => {
    expect(() => assertTransition('closed', 'in_progress', ctx)).toThrow('cannot change status from closed to in_progress');
  });
});

describe('reopen window', () => {
  const closedAt = new Date('2026-11-01T12:00:00.000Z');
  const at = (iso: string): TransitionContext => ({ now: new Date(iso), closedAt, reopenWindowDays: 7 });

  it('ends exactly window days after closing', () => {
    expect(reopenDeadline(closedAt, 7).toISOString()).toBe('2026-11-08T12:00:00.000Z');
  });

  it.each(['2026-11-01T12:00:00.000Z', '2026-11-05T00:00:00.000Z', '2026-11-08T12:00:00.000Z'])(
    'reopens a closed ticket at %s (inside, deadline inclusive)',
    (now) => {
      expect(() => assertTransition('closed', 'open', at(now))).not.toThrow();
    },
  );

  it.each(['2026-11-08T12:00:00.001Z', '2026-12-01T00:00:00.000Z'])('refuses to reopen at %s', (now) => {
    const error = errorOf(() => assertTransition('closed', 'open', at(now)));
    expect(error.code).toBe('REOPEN_WINDOW_PASSED');
    expect(error.message).toContain('2026-11-08T12:00:00.000Z');
  });

  it('never reopens closed tickets with a window of 0 days', () => {
    const error = errorOf(() => assertTransition('closed', 'open', { now: closedAt, closedAt, reopenWindowDays: 0 }));
    expect(error.code).toBe('REOPEN_WINDOW_PASSED');
  });

  it('treats a closed ticket without a closing time as final', () => {
    expect(errorOf(() => assertTransition('closed', 'open', { ...at('2026-11-02T00:00:00.000Z'), closedAt: null })).code).toBe(
      'REOPEN_WINDOW_PASSED',
    );
  });

  it('does not limit reopening a resolved ticket', () => {
    expect(() => assertTransition('resolved', 'open', { now: new Date('2030-01-01T00:00:00Z'), closedAt: null, reopenWindowDays: 0 })).not.toThrow();
  });
});
