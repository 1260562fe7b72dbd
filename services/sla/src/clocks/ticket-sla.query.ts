import type { DataSource } from 'typeorm';
import { SlaError } from '../errors/sla.errors';
import { ClocksRepository } from './clocks.repository';
import type { Clock } from './clock';
import type { RulesRegistry } from './rules-registry';
import { clockUpdatedEvent, clockView } from './sla-events';
import type { SlaClock } from '@helpdesk/contracts';
import { SlaTicketsRepository } from './sla-tickets.repository';

/** A ticket's SLA as GetTicketSla shows it. */
export interface TicketSlaView {
  readonly ticketId: string;
  readonly version: number;
  readonly trafficLight: string | null;
  readonly overdue: boolean;
  readonly clocks: readonly { readonly view: SlaClock; readonly clock: Clock }[];
}

/** Reads a ticket's clocks with business time counted up to now. */
export class TicketSlaQuery {
  private readonly tickets = new SlaTicketsRepository();
  private readonly clocks = new ClocksRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RulesRegistry,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(ticketId: string): Promise<TicketSlaView> {
    const manager = this.dataSource.manager;
    const ticket = await this.tickets.find(manager, ticketId);
    if (!ticket) throw new SlaError('TICKET_NOT_FOUND', `the SLA service knows no ticket ${ticketId}`);
    const clocks = await this.clocks.ofTicket(manager, ticketId);
    const rules = await this.registry.load(manager, [], clocks.map((c) => c.calendarId));
    const now = this.clock();
    const views = clocks.map((clock) => ({ clock, view: clockView(clock, now, rules.calendar(clock.calendarId)) }));
    const summary = clockUpdatedEvent(ticket, views.map((v) => v.view), 'recomputed', now).data as { trafficLight: string | null; overdue: boolean };
    return { ticketId, version: ticket.slaVersion, trafficLight: summary.trafficLight, overdue: summary.overdue, clocks: views };
  }
}
