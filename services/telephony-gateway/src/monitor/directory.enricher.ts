import type { Call } from '../calls/call';
import type { Caller } from '../directory/caller-directory.repository';
import type { CallerLookup } from '../directory/caller-lookup';
import type { MonitorEntry } from './monitor-entry';
import type { MonitorEnricher } from './monitor-hub';

/** How many open tickets of a caller the monitor shows. */
export const MONITOR_OPEN_TICKETS = 5;

/** Names and open tickets of a call's recognised caller, from the caller index (memory; the tables only for a contact it lacks). */
export class DirectoryEnricher implements MonitorEnricher {
  constructor(private readonly callers: CallerLookup) {}

  async enrich(call: Call, awaitingCallback: boolean, known?: Caller | null): Promise<MonitorEntry> {
    if (call.contactId === null) return { call, caller: null, openTickets: [], awaitingCallback };
    const caller = known?.contactId === call.contactId ? known : await this.callers.byId(call.contactId);
    return { call, caller, openTickets: this.callers.openTickets(call.contactId, MONITOR_OPEN_TICKETS), awaitingCallback };
  }
}
