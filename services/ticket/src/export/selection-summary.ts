import type { TicketFilter, TicketSortOrder } from '../tickets/ticket-filter';
import { statusLabel } from './export-row';
import type { LocalTime } from './local-time';

const SORT_LABELS: Record<TicketSortOrder, string> = {
  urgency: 'most urgent first',
  updated_desc: 'last changed first',
  created_desc: 'newest first',
};

/** The selection in words for the head of a printed list, e.g. `status: new, open · tag: vip`. */
export function describeSelection(filter: TicketFilter, time: LocalTime): string {
  const parts: string[] = [];
  const list = (label: string, values: readonly string[] | undefined) => {
    if (values?.length) parts.push(`${label}: ${values.join(', ')}`);
  };
  const one = (label: string, value: string | undefined) => {
    if (value) parts.push(`${label}: ${value}`);
  };
  list('status', filter.statuses?.map(statusLabel));
  list('priority', filter.priorities);
  list('category', filter.categories);
  list('traffic light', filter.trafficLights);
  if (filter.overdueOnly) parts.push('overdue only');
  one('queue', filter.queueId);
  one('assignee', filter.assigneeId);
  one('customer', filter.customerId);
  one('contact', filter.contactId);
  one('asset', filter.assetId);
  one('tag', filter.tag);
  one('text', filter.text && `"${filter.text}"`);
  one('created from', filter.createdAfter && time.format(filter.createdAfter));
  one('created before', filter.createdBefore && time.format(filter.createdBefore));
  one('changed from', filter.updatedAfter && time.format(filter.updatedAfter));
  one('changed before', filter.updatedBefore && time.format(filter.updatedBefore));
  const criteria = parts.length ? parts.join(' · ') : 'all tickets';
  return `${criteria} · ${SORT_LABELS[filter.sort]}`;
}
