import type { SlaTrafficLight, TicketPriority, TicketStatus } from '@helpdesk/contracts';

/** How a ticket list is ordered. */
export type TicketSortOrder =
  /** Red, yellow, green; then earliest due; then highest priority; then oldest. */
  | 'urgency'
  | 'updated_desc'
  | 'created_desc';

/** A ticket list selection; every given criterion must hold (AND), lists mean "any of". */
export interface TicketFilter {
  readonly statuses?: readonly TicketStatus[];
  readonly priorities?: readonly TicketPriority[];
  readonly categories?: readonly string[];
  readonly queueId?: string;
  readonly assigneeId?: string;
  readonly customerId?: string;
  readonly contactId?: string;
  readonly assetId?: string;
  readonly trafficLights?: readonly SlaTrafficLight[];
  readonly overdueOnly?: boolean;
  readonly tag?: string;
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
  readonly updatedAfter?: Date;
  readonly updatedBefore?: Date;
  /** Web-search syntax over summary and description: words, "phrases", OR, -exclusion. */
  readonly text?: string;
  readonly sort: TicketSortOrder;
}

/** A page request: at most `size` items after the opaque `token` (empty for the first page). */
export interface PageRequest {
  readonly size: number;
  readonly token: string;
}

/** A page of results and the token of the next one (empty on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken: string;
}

/** Default and maximum page sizes (common.v1.PageRequest: 0 → 50, capped at 500). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The page size to use for a requested one. */
export function pageSize(requested: number): number {
  if (!Number.isFinite(requested) || requested <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.floor(requested), MAX_PAGE_SIZE);
}
