import type { TicketPolicy } from './ticket-decisions';

/** The ticket feature's configuration, as `TicketsModule.forRoot` receives it. */
export interface TicketSettings extends TicketPolicy {
  /** Prefix of the human-readable ticket number (`T-` → `T-100000`). */
  readonly numberPrefix: string;
}

/** Injection token of the {@link TicketSettings}. */
export const TICKET_SETTINGS = Symbol('TICKET_SETTINGS');
