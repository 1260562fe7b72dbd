import { toSnapshot, type Ticket } from '../tickets/ticket';
import { assertChangeable, nextVersion, type ChangeContext, type TicketDecision } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { invalidFieldUnless } from '../tickets/ticket-fields';
import { TicketError } from '../tickets/ticket.errors';
import { toContractEntry, type WorkLogLine, type WorkVoid } from './work-entry';
import './work-events';

/** Longest void reason. */
export const VOID_REASON_MAX = 2_000;

/** Which entry to void and why. */
export interface VoidWorkInput {
  readonly entryId: string;
  /** Required: why the entry is wrong, e.g. "booked on the wrong ticket". */
  readonly reason: string;
}

/** The moment of voiding plus the new voiding entry's id. */
export interface VoidWorkContext extends ChangeContext {
  readonly voidId: string;
}

/**
 * Decides voiding a work entry: a new voiding entry that names it (the entry itself stays as it
 * was), the ticket's next version, `ticket.worklog.voided` for billing and a `work_voided`
 * history entry. `original` is the entry as the log lists it (with `voided` derived), or null
 * when the ticket has no such entry. Refused: an unknown entry (WORK_ENTRY_NOT_FOUND), a voiding
 * entry (WORK_ENTRY_NOT_VOIDABLE: record the work again instead), an entry voided before
 * (WORK_ENTRY_ALREADY_VOIDED), and a closed or cancelled ticket (TICKET_CLOSED).
 */
export function voidWork(
  ticket: Ticket,
  original: WorkLogLine | null,
  input: VoidWorkInput,
  ctx: VoidWorkContext,
): { readonly decision: TicketDecision; readonly result: WorkVoid } {
  const reason = input.reason.trim();
  invalidFieldUnless(reason.length > 0, 'reason', 'must not be empty: say why the entry is wrong');
  invalidFieldUnless(reason.length <= VOID_REASON_MAX, 'reason', `must be at most ${VOID_REASON_MAX} characters`);
  if (!original || original.ticketId !== ticket.id) {
    throw new TicketError('WORK_ENTRY_NOT_FOUND', `work entry ${input.entryId} not found on ticket ${ticket.number}`);
  }
  if (original.kind === 'void') {
    throw new TicketError('WORK_ENTRY_NOT_VOIDABLE', `work entry ${original.id} is a voiding entry and cannot be voided; record the work again instead`);
  }
  if (original.voided) throw new TicketError('WORK_ENTRY_ALREADY_VOIDED', `work entry ${original.id} is already voided`);
  assertChangeable(ticket);
  const voiding: WorkVoid = {
    kind: 'void',
    id: ctx.voidId,
    ticketId: ticket.id,
    voidsEntryId: original.id,
    reason,
    recordedBy: ctx.actor,
    recordedAt: ctx.now,
  };
  const next = nextVersion(ticket, ticket.version, ctx.now);
  const { voided: _voided, ...voidedEntry } = original;
  const event = ticketEvent('helpdesk.ticket.worklog.voided.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    voidEntryId: voiding.id,
    voidedEntry: toContractEntry(voidedEntry),
    reason,
    voidedAt: ctx.now.toISOString(),
  });
  const history = {
    kind: 'work_voided' as const,
    before: { entryId: original.id, voided: false },
    after: { entryId: original.id, voided: true, voidEntryId: voiding.id, reason },
  };
  return { decision: { ticket: next, events: [event], history: [history] }, result: voiding };
}
