import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { RecordedWork, WorkLogLine, WorkVoid } from './work-entry';

type Visible<T> = Omit<T, 'recordedBy'> & {
  /** Null when hidden from the caller. */
  readonly recordedBy: Actor | null;
};

/** A work log line as one caller may see it (see {@link visibleWorkLine}). */
export type VisibleWorkLine = Visible<RecordedWork & { readonly voided: boolean }> | Visible<WorkVoid>;

/**
 * Whether a customer sees a line of one of its own tickets: only billable work that stands (not
 * voided), i.e. what its statement will show. Voided entries, voiding entries and non-billable
 * effort are the support team's bookkeeping. The work log repository applies the same rule in SQL.
 */
export function customerSeesWork(line: WorkLogLine): boolean {
  return line.kind === 'work' && line.billable && !line.voided;
}

/**
 * The line as a caller with `scope` sees it. Staff see everything. A customer sees agent,
 * activity, times, minutes, materials and the note (the note is the statement text, which the
 * customer reads on the statement anyway), but not who typed the entry, nor the task and call
 * references, which point at records a customer cannot read.
 */
export function visibleWorkLine(scope: CustomerScope, line: WorkLogLine): VisibleWorkLine {
  if (scope.kind === 'all') return line;
  if (line.kind === 'void') return { ...line, recordedBy: null };
  return { ...line, recordedBy: null, taskId: null, callId: null };
}
