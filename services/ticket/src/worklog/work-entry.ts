import type { Actor, WorkLogEntry } from '@helpdesk/contracts';
import { isoOrNull } from '../tickets/ticket';

/** A material or product used during the work. */
export interface MaterialUsage {
  /** Stock keeping unit as billing's material prices know it. */
  readonly sku: string;
  /** What was used, for the statement; may be empty. */
  readonly description: string;
  /** Exact decimal greater than zero, e.g. `1.5`; never a float. */
  readonly quantity: string;
  /** Unit of the quantity, e.g. `piece`. */
  readonly unit: string;
}

/**
 * Work done on a ticket: one append-only entry of the work log ("Leistungsprotokoll"). Never
 * changed once written; a correction is a {@link WorkVoid} plus, when needed, a new entry.
 */
export interface RecordedWork {
  readonly kind: 'work';
  /** UUIDv7; billing's de-duplication key. */
  readonly id: string;
  readonly ticketId: string;
  /** The agent who did the work. */
  readonly agentId: string;
  /** A key of the configured activity types. */
  readonly activityType: string;
  /** Start and end when entered as a time span; both null when only minutes were entered. */
  readonly startedAt: Date | null;
  readonly endedAt: Date | null;
  /** Whole minutes, more than zero, as entered (billing rounds by its plan). */
  readonly durationMinutes: number;
  /** When the work was done: the start when known, otherwise when it was recorded. */
  readonly performedOn: Date;
  readonly billable: boolean;
  readonly materials: readonly MaterialUsage[];
  /** Description of the work for the statement; may be empty. */
  readonly note: string;
  /** A task of the same ticket; null when none. */
  readonly taskId: string | null;
  /** The phone call this entry documents; null when not call-derived. */
  readonly callId: string | null;
  readonly recordedBy: Actor;
  readonly recordedAt: Date;
}

/**
 * A voiding entry: cancels one {@link RecordedWork} of the same ticket. It carries no work of its
 * own (no agent, minutes or materials); a work entry has at most one voiding entry.
 */
export interface WorkVoid {
  readonly kind: 'void';
  /** UUIDv7. */
  readonly id: string;
  readonly ticketId: string;
  /** The work entry it cancels. */
  readonly voidsEntryId: string;
  /** Why the entry was wrong; never blank. */
  readonly reason: string;
  readonly recordedBy: Actor;
  readonly recordedAt: Date;
}

/** One entry of the append-only work log. */
export type WorkLogEntryRecord = RecordedWork | WorkVoid;

/**
 * An entry as the work log lists it: work entries with `voided` derived from the existence of a
 * voiding entry (the row itself never changes), voiding entries as they are.
 */
export type WorkLogLine = (RecordedWork & { readonly voided: boolean }) | WorkVoid;

/** A work entry as `helpdesk.ticket.worklog.*` events carry it. */
export function toContractEntry(work: RecordedWork): WorkLogEntry {
  return {
    entryId: work.id,
    agentId: work.agentId,
    activityType: work.activityType,
    startedAt: isoOrNull(work.startedAt),
    endedAt: isoOrNull(work.endedAt),
    durationMinutes: work.durationMinutes,
    performedOn: work.performedOn.toISOString(),
    billable: work.billable,
    materials: work.materials.map(({ sku, description, quantity, unit }) => ({ sku, description, quantity, unit })),
    note: work.note,
    taskId: work.taskId,
    callId: work.callId,
    recordedBy: work.recordedBy,
    recordedAt: work.recordedAt.toISOString(),
  };
}
