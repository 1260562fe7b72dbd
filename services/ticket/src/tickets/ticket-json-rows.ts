import type { Actor } from '@helpdesk/contracts';
import type { SqlStatement } from '@helpdesk/persistence';
import type { HistoryEntry } from '../history/history-chain';
import { insertRows } from '../shared/json-rows';
import type { Ticket } from './ticket';
import { WRITE_COLUMNS, ticketValues } from './ticket-row';

/** A `tickets` row as an object: the repository's values by column, jsonb columns as JSON (not as text). */
export function ticketRecord(ticket: Ticket, actor: Actor): Record<string, unknown> {
  const values = ticketValues(ticket, '');
  const row: Record<string, unknown> = Object.fromEntries(WRITE_COLUMNS.map((column, i) => [column, values[i]]));
  row['external_references'] = ticket.externalReferences;
  row['updated_by'] = actor;
  return row;
}

/** New tickets, each created (and so last updated) by its own actor: one INSERT from one JSON array. */
export function insertTickets(tickets: readonly { readonly ticket: Ticket; readonly actor: Actor }[]): SqlStatement {
  return insertRows('tickets', [...WRITE_COLUMNS, 'created_by'], tickets.map(({ ticket, actor }) => ({ ...ticketRecord(ticket, actor), created_by: actor })));
}

const HISTORY_COLUMNS = ['ticket_id', 'seq', 'at', 'actor', 'kind', 'before', 'after', 'prev_hash', 'hash'] as const;

/** History entries, in the given order: one INSERT from one JSON array. */
export function insertHistory(entries: readonly HistoryEntry[]): SqlStatement {
  return insertRows('ticket_history', HISTORY_COLUMNS, entries.map((entry) => ({
    ticket_id: entry.ticketId,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    kind: entry.kind,
    before: entry.before,
    after: entry.after,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  })));
}
