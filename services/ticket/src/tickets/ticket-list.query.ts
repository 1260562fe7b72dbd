import { createHash } from 'node:crypto';
import type { CustomerScope } from '@helpdesk/auth';
import { invalidField } from './ticket.errors';
import type { TicketFilter, TicketSortOrder } from './ticket-filter';
import { TICKET_COLUMNS, type TicketRow } from './ticket-row';

/** A parameterised SQL statement. */
export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

// Each order is one ascending key tuple (descending parts negated), so "after the cursor" is a
// single row comparison that the matching index answers.
const ORDER_KEYS: Record<TicketSortOrder, { readonly sql: string[]; readonly of: (row: TicketRow & SortExtras) => (string | number)[] }> = {
  urgency: {
    sql: ['-sla_rank', "COALESCE(due_at, 'infinity')", '-priority_rank', 'created_at', 'id'],
    of: (r) => [-r.sla_rank, r.due_at ? r.due_at.toISOString() : 'infinity', -r.priority_rank, r.created_at.toISOString(), r.id],
  },
  updated_desc: { sql: ['updated_at', 'id'], of: (r) => [r.updated_at.toISOString(), r.id] },
  created_desc: { sql: ['created_at', 'id'], of: (r) => [r.created_at.toISOString(), r.id] },
};
const DESCENDING: Record<TicketSortOrder, boolean> = { urgency: false, updated_desc: true, created_desc: true };
const KEY_TYPES: Record<TicketSortOrder, string[]> = {
  urgency: ['int', 'timestamptz', 'int', 'timestamptz', 'uuid'],
  updated_desc: ['timestamptz', 'uuid'],
  created_desc: ['timestamptz', 'uuid'],
};

/** Extra columns the list query selects for building the next cursor. */
export interface SortExtras {
  sla_rank: number;
  priority_rank: number;
}

/**
 * Builds the page query: the scope (a customer sees only its own tickets), the filter, keyset
 * pagination after the cursor, one row more than the page to know whether another page follows.
 */
export function buildListQuery(scope: CustomerScope, filter: TicketFilter, cursor: readonly (string | number)[] | undefined, limit: number): SqlQuery {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  if (scope.kind === 'customer') where.push(`customer_id = ${param(scope.customerId)}`);
  addFilters(filter, where, param);
  const keys = ORDER_KEYS[filter.sort].sql;
  if (cursor) {
    const types = KEY_TYPES[filter.sort];
    const cursorSql = cursor.map((value, i) => param(value, `::${types[i]}`)).join(', ');
    // ">= … AND id <>" selects the same rows as ">" (id ends every key), but the planner
    // estimates it far better near the end of a list, so later pages keep their index.
    where.push(`(${keys.join(', ')}) ${DESCENDING[filter.sort] ? '<=' : '>='} (${cursorSql})`);
    where.push(`id <> ${param(cursor.at(-1), '::uuid')}`);
  }
  const direction = DESCENDING[filter.sort] ? 'DESC' : 'ASC';
  const text = `SELECT ${TICKET_COLUMNS}, sla_rank, priority_rank FROM tickets
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${keys.map((k) => `${k} ${direction}`).join(', ')}
    LIMIT ${param(limit + 1)}`;
  return { text, values };
}

type Param = (value: unknown, cast?: string) => string;

function addFilters(f: TicketFilter, where: string[], param: Param): void {
  if (f.statuses?.length) where.push(`status = ANY(${param(f.statuses, '::text[]')})`);
  if (f.priorities?.length) where.push(`priority = ANY(${param(f.priorities, '::text[]')})`);
  if (f.categories?.length) where.push(`category = ANY(${param(f.categories, '::text[]')})`);
  if (f.trafficLights?.length) where.push(`sla_traffic_light = ANY(${param(f.trafficLights, '::text[]')})`);
  if (f.queueId) where.push(`queue_id = ${param(f.queueId)}`);
  if (f.assigneeId) where.push(`assignee_id = ${param(f.assigneeId)}`);
  if (f.customerId) where.push(`customer_id = ${param(f.customerId)}`);
  if (f.contactId) where.push(`contact_id = ${param(f.contactId)}`);
  if (f.assetId) where.push(`asset_ids @> ARRAY[${param(f.assetId, '::uuid')}]`);
  if (f.tag) where.push(`tags @> ARRAY[${param(f.tag, '::text')}]`);
  if (f.overdueOnly) where.push('sla_overdue');
  if (f.createdAfter) where.push(`created_at >= ${param(f.createdAfter)}`);
  if (f.createdBefore) where.push(`created_at < ${param(f.createdBefore)}`);
  if (f.updatedAfter) where.push(`updated_at >= ${param(f.updatedAfter)}`);
  if (f.updatedBefore) where.push(`updated_at < ${param(f.updatedBefore)}`);
  if (f.text?.trim()) where.push(`search @@ websearch_to_tsquery('simple', ${param(f.text.trim())})`);
}

/** The cursor after a row: its sort key values. */
export function cursorAfter(row: TicketRow & SortExtras, sort: TicketSortOrder): (string | number)[] {
  return ORDER_KEYS[sort].of(row);
}

/**
 * An opaque page token: the sort key of the last row plus a fingerprint of the selection, so a
 * token used with other filters is refused instead of silently returning the wrong page.
 */
export function encodePageToken(filter: TicketFilter, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ f: fingerprint(filter), k: key })).toString('base64url');
}

/** The sort key in a page token; INVALID_ARGUMENT naming `page.pageToken` when it does not fit. */
export function decodePageToken(filter: TicketFilter, token: string): (string | number)[] | undefined {
  if (!token) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('page.pageToken', 'is not a token this service issued');
  }
  const { f, k } = (parsed ?? {}) as { f?: unknown; k?: unknown };
  const expectedLength = ORDER_KEYS[filter.sort].sql.length;
  if (f !== fingerprint(filter)) throw invalidField('page.pageToken', 'belongs to a different filter or sort order');
  if (!Array.isArray(k) || k.length !== expectedLength || !k.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw invalidField('page.pageToken', 'is not a token this service issued');
  }
  return k as (string | number)[];
}

function fingerprint(filter: TicketFilter): string {
  return createHash('sha256').update(JSON.stringify(filter)).digest('base64url').slice(0, 16);
}
