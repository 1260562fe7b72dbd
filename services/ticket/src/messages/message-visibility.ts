import type { CustomerScope } from '@helpdesk/auth';
import type { HistoryChange } from '../history/history-chain';
import { canReadMessage } from '../tickets/ticket-access';

/**
 * Whether a caller with `scope` may see a history entry as far as messages are concerned: a
 * `message_added` entry tells the message's audience, recipients, subject and file names, so a
 * customer sees it only for a customer-audience message (GetHistory must leave the others out
 * for customers, as ListMessages does). Entries of other kinds are not this feature's to judge.
 */
export function canReadMessageEntry(scope: CustomerScope, entry: Pick<HistoryChange, 'kind' | 'after'>): boolean {
  if (entry.kind !== 'message_added' || scope.kind === 'all') return true;
  const audience = entry.after['audience'];
  return audience === 'customer' && canReadMessage(scope, audience);
}
