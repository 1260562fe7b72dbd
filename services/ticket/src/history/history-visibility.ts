import type { CustomerScope } from '@helpdesk/auth';
import { canReadMessageEntry } from '../messages/message-visibility';
import type { HistoryChange } from './history-chain';

// What a customer may learn from a ticket's history: that it was opened, how its status moved,
// and the messages addressed to them. Assignments (agent names), work, tasks, SLA phases and
// internal or supplier messages stay with the staff.
const CUSTOMER_KINDS = new Set<HistoryChange['kind']>(['created', 'status_changed', 'message_added']);

/** Whether a caller with `scope` may see a history entry. Staff see everything. */
export function canReadHistoryEntry(scope: CustomerScope, entry: Pick<HistoryChange, 'kind' | 'after'>): boolean {
  if (scope.kind === 'all') return true;
  return CUSTOMER_KINDS.has(entry.kind) && canReadMessageEntry(scope, entry);
}
