import type { PendingEvent } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import type { Clock, ClockMoment } from './clock';
import { ClocksRepository } from './clocks.repository';
import { RecipientsResolver } from './recipients.resolver';
import type { RulesSnapshot } from './rules-registry';
import { clockUpdatedEvent, clockView, momentEvent, type ClockUpdateReason } from './sla-events';
import type { SlaTicket } from './sla-ticket';
import { SlaTicketsRepository } from './sla-tickets.repository';

/** Where a transaction's events go (a handler's outbox or the publisher bound to a manager). */
export type AddEvents = (events: readonly PendingEvent[]) => Promise<unknown>;

/** The outcome of a decision on one ticket, ready to be written. */
export interface TicketWrite {
  readonly ticket: SlaTicket;
  /** Whether the ticket's read-model fields changed (otherwise only its SLA version may move). */
  readonly ticketChanged: boolean;
  readonly clocks: readonly Clock[];
  readonly changedClockIds: ReadonlySet<string>;
  readonly moments: readonly { readonly clockId: string; readonly moment: ClockMoment }[];
  readonly reason: ClockUpdateReason | null;
}

/**
 * Writes decided clock changes of many tickets with a few statements: clocks in one upsert, SLA
 * versions in one update, and every event in one outbox insert, all in the caller's transaction.
 */
export class SlaWriter {
  private readonly clocksRepo = new ClocksRepository();
  private readonly tickets = new SlaTicketsRepository();
  private readonly recipients = new RecipientsResolver();

  async write(manager: EntityManager, addEvents: AddEvents, writes: readonly TicketWrite[], rules: RulesSnapshot, now: Date): Promise<void> {
    const reported = writes.filter((w) => w.reason !== null);
    const versions = reported.length ? await this.tickets.bumpVersions(manager, reported.map((w) => w.ticket.ticketId)) : new Map<string, number>();
    const changedClocks: Clock[] = [];
    const events: PendingEvent[] = [];
    for (const w of writes) {
      const version = versions.get(w.ticket.ticketId);
      const ticket = version === undefined ? w.ticket : { ...w.ticket, slaVersion: version };
      if (w.ticketChanged) await this.tickets.update(manager, ticket);
      changedClocks.push(...w.clocks.filter((c) => w.changedClockIds.has(c.id)));
      if (w.reason === null) continue;
      const views = new Map(w.clocks.map((c) => [c.id, clockView(c, now, rules.calendar(c.calendarId))]));
      for (const { clockId, moment } of w.moments) {
        const view = views.get(clockId);
        if (!view) continue;
        const recipients = moment.kind === 'escalation' ? await this.recipients.resolve(manager, moment.level.recipients, ticket) : [];
        events.push(momentEvent(ticket, view, moment, recipients) as PendingEvent);
      }
      events.push(clockUpdatedEvent(ticket, [...views.values()], w.reason, now) as PendingEvent);
    }
    await this.clocksRepo.save(manager, changedClocks);
    if (events.length) await addEvents(events);
  }
}
