import type { DataSource } from 'typeorm';
import type { Call } from '../calls/call';
import { CallerDirectoryRepository, type Caller } from '../directory/caller-directory.repository';
import type { MonitorEntry } from './monitor-entry';
import type { MonitorEnricher } from './monitor-hub';

/** How many open tickets of a caller the monitor shows. */
export const MONITOR_OPEN_TICKETS = 5;

/** Names and open tickets of a call's recognised caller, from the directory read model. */
export class DirectoryEnricher implements MonitorEnricher {
  private readonly directory = new CallerDirectoryRepository();

  constructor(private readonly dataSource: DataSource) {}

  async enrich(call: Call, awaitingCallback: boolean, known?: Caller | null): Promise<MonitorEntry> {
    if (call.contactId === null) return { call, caller: null, openTickets: [], awaitingCallback };
    const manager = this.dataSource.manager;
    const [caller, openTickets] = await Promise.all([
      known?.contactId === call.contactId ? known : this.directory.callerById(manager, call.contactId),
      this.directory.openTickets(manager, call.contactId, MONITOR_OPEN_TICKETS),
    ]);
    return { call, caller, openTickets, awaitingCallback };
  }
}
