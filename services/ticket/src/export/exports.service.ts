import { scopeOf, type Caller, type CustomerScope } from '@helpdesk/auth';
import type { DataSource } from 'typeorm';
import type { TicketFilter } from '../tickets/ticket-filter';
import { OPEN_STATUSES } from '../tickets/ticket-status';
import { TicketsRepository } from '../tickets/tickets.repository';
import { ExportNamesRepository } from './export-names.repository';
import { exportRow, type ExportRow } from './export-row';
import type { ExportSettings } from './export-settings';
import { localTime, type LocalTime } from './local-time';
import { renderOpenItems } from './open-items.pdf-renderer';
import { describeSelection } from './selection-summary';
import { ticketCsv } from './ticket-csv';

/** The export formats: a spreadsheet-ready CSV, or the printable "open items" PDF. */
export type ExportFormat = 'csv' | 'pdf';

/** An export being produced: its type and name, and its bytes as they are written. */
export interface ExportFile {
  readonly contentType: string;
  readonly fileName: string;
  /** Lazy: nothing is read from the database before the first piece is asked for. */
  readonly content: AsyncIterable<Buffer>;
}

/** Tickets read per database round trip (the list's largest page). */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Exports a ticket selection — the same filters and the same customer scope as `ListTickets` —
 * walking the list page by page with its keyset cursor, so an export of any size holds one page
 * at a time. Each page is read on its own (no long transaction is kept open for a slow reader);
 * a ticket whose sort key changes during the export may appear twice or not at all, as in paging
 * by hand.
 */
export class ExportsService {
  private readonly tickets = new TicketsRepository();
  private readonly names = new ExportNamesRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ExportSettings,
    private readonly clock: () => Date,
    private readonly pageSize = EXPORT_PAGE_SIZE,
  ) {}

  export(caller: Caller, filter: TicketFilter, format: ExportFormat): ExportFile {
    const scope = scopeOf(caller);
    const time = localTime(this.settings.timeZone);
    const now = this.clock();
    if (format === 'csv') {
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `tickets-${time.stamp(now)}.csv`,
        content: ticketCsv(this.rows(scope, filter, time), this.settings.csvDelimiter, time),
      };
    }
    const openItems = openItemsSelection(filter);
    return {
      contentType: 'application/pdf',
      fileName: `open-items-${time.stamp(now)}.pdf`,
      content: renderOpenItems(this.rows(scope, openItems, time), {
        title: 'Open items',
        generated: `${time.format(now)} (${time.zone})`,
        selection: describeSelection(openItems, time),
      }),
    };
  }

  private async *rows(scope: CustomerScope, filter: TicketFilter, time: LocalTime): AsyncGenerator<ExportRow[]> {
    const manager = this.dataSource.manager;
    let token = '';
    do {
      const page = await this.tickets.list(manager, scope, filter, { size: this.pageSize, token });
      const names = await this.names.namesFor(manager, page.items);
      yield page.items.map((ticket) => exportRow(ticket, names, time));
      token = page.nextToken;
    } while (token);
  }
}

/**
 * The "open items" list is the open tickets, most urgent first: without a status criterion it
 * takes the open statuses (new, open, in progress, pending), and it is always sorted by urgency.
 */
export function openItemsSelection(filter: TicketFilter): TicketFilter {
  return { ...filter, statuses: filter.statuses?.length ? filter.statuses : OPEN_STATUSES, sort: 'urgency' };
}
