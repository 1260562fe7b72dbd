import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import { preparedQuery, type SqlStatement } from '@helpdesk/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { Ticket } from './ticket';
import { TicketError } from './ticket.errors';
import { pageSize, type Page, type PageRequest, type TicketFilter } from './ticket-filter';
import { buildListQuery, cursorAfter, decodePageToken, encodePageToken, type SortExtras } from './ticket-list.query';
import { TICKET_COLUMNS, WRITE_COLUMNS, ticketFromRow, ticketValues, type TicketRow } from './ticket-row';
import { isUuid } from '../shared/uuid';

/** A ticket is addressed by its id or by its human-readable number. */
export type TicketKey = { readonly id: string } | { readonly number: string };


/**
 * Ticket queries. Every read takes the caller's {@link CustomerScope}; a ticket outside the scope
 * is "not found", so a customer cannot even learn that another customer's ticket exists.
 */
export class TicketsRepository {
  /** The next human-readable number: the sequence value behind the configured prefix. */
  async nextNumber(manager: EntityManager, prefix: string): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('ticket_number_seq')::text AS n`)) as { n: string }[];
    return `${prefix}${row?.n ?? ''}`;
  }

  /** `count` next numbers in one round trip, ascending (for creations grouped under load). */
  async nextNumbers(manager: EntityManager, prefix: string, count: number): Promise<string[]> {
    const rows = (await manager.query(`SELECT nextval('ticket_number_seq') AS n FROM generate_series(1, $1::int)`, [count])) as { n: string }[];
    const values = rows.map((row) => BigInt(row.n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return values.map((n) => `${prefix}${n}`);
  }

  /**
   * `count` next numbers outside any transaction, ascending, as one prepared statement (its
   * plan kept per connection): API creations draw their numbers this way, one or many at once.
   */
  async drawNumbers(dataSource: DataSource, prefix: string, count: number): Promise<string[]> {
    const rows = await preparedQuery<{ n: string }>(dataSource, `SELECT nextval('ticket_number_seq') AS n FROM generate_series(1, $1::int)`, [count]);
    const values = rows.map((row) => BigInt(row.n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return values.map((n) => `${prefix}${n}`);
  }

  async insert(manager: EntityManager, ticket: Ticket, actor: Actor): Promise<void> {
    const { text, values } = this.insertStatement(ticket, actor);
    await manager.query(text, [...values]);
  }

  /** The INSERT of a new ticket, for {@link insert} or a caller's combined statement. */
  insertStatement(ticket: Ticket, actor: Actor): SqlStatement {
    const values = [...ticketValues(ticket, JSON.stringify(actor)), JSON.stringify(actor)];
    const columns = [...WRITE_COLUMNS, 'created_by'];
    return { text: `INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, values };
  }

  /**
   * Writes the next state; the row must still be at `previousVersion` (it is, under the row lock
   * taken by {@link lockForChange}; the check keeps a forgotten lock from losing an update).
   */
  async update(manager: EntityManager, ticket: Ticket, previousVersion: number, actor: Actor): Promise<void> {
    const values = ticketValues(ticket, JSON.stringify(actor));
    const assignments = WRITE_COLUMNS.map((column, i) => `${column} = $${i + 1}`).filter((_, i) => i !== 0);
    values.push(previousVersion);
    const [, affected] = (await manager.query(
      `UPDATE tickets SET ${assignments.join(', ')} WHERE id = $1 AND version = $${values.length}`,
      values,
    )) as [unknown, number];
    if (affected !== 1) throw new TicketError('VERSION_CONFLICT', `ticket ${ticket.number} changed meanwhile; reload it and try again`);
  }

  /** Loads a ticket in scope and locks its row for the rest of the transaction. */
  lockForChange(manager: EntityManager, scope: CustomerScope, key: TicketKey): Promise<Ticket> {
    // NO KEY: the id never changes, so rows elsewhere that reference the ticket (history, links,
    // messages of another transaction) need not wait for this change to commit.
    return this.findOne(manager, scope, key, 'FOR NO KEY UPDATE');
  }

  /** Loads a ticket in scope; TICKET_NOT_FOUND otherwise. */
  get(manager: EntityManager, scope: CustomerScope, key: TicketKey): Promise<Ticket> {
    return this.findOne(manager, scope, key, '');
  }

  /** One page of the tickets in scope that match the filter. */
  async list(manager: EntityManager, scope: CustomerScope, filter: TicketFilter, page: PageRequest): Promise<Page<Ticket>> {
    const size = pageSize(page.size);
    const query = buildListQuery(scope, filter, decodePageToken(filter, page.token), size);
    const rows = (await manager.query(query.text, query.values)) as (TicketRow & SortExtras)[];
    const items = rows.slice(0, size);
    const last = items.at(-1);
    const nextToken = rows.length > size && last ? encodePageToken(filter, cursorAfter(last, filter.sort)) : '';
    return { items: items.map(ticketFromRow), nextToken };
  }

  private async findOne(manager: EntityManager, scope: CustomerScope, key: TicketKey, lock: '' | 'FOR NO KEY UPDATE'): Promise<Ticket> {
    const byId = 'id' in key;
    const label = byId ? key.id : key.number;
    if (byId && !isUuid(key.id)) throw new TicketError('TICKET_NOT_FOUND', `ticket ${label} not found`);
    const values: unknown[] = [label];
    let sql = `SELECT ${TICKET_COLUMNS} FROM tickets WHERE ${byId ? 'id' : 'number'} = $1`;
    if (scope.kind === 'customer') {
      values.push(scope.customerId);
      sql += ' AND customer_id = $2';
    }
    const [row] = (await manager.query(`${sql} ${lock}`, values)) as TicketRow[];
    if (!row) throw new TicketError('TICKET_NOT_FOUND', `ticket ${label} not found`);
    return ticketFromRow(row);
  }
}
