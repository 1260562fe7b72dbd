import type { DataSource } from 'typeorm';
import { CallerDirectoryRepository, type Caller, type OpenTicket } from './caller-directory.repository';
import type { CallerIndex } from './caller-index';

/**
 * Who is calling, for the ringing path and the monitor: the in-memory caller index first (no
 * round trip); a number the index does not know is looked up in the read-model tables once (one
 * indexed query) — the index may have missed a directory event its plain NATS subscription did
 * not receive — and what is found there is added to the index.
 */
export class CallerLookup {
  private readonly directory = new CallerDirectoryRepository();

  constructor(
    private readonly index: CallerIndex,
    private readonly dataSource: DataSource,
  ) {}

  async byNumber(e164: string | null): Promise<Caller | null> {
    if (e164 === null) return null;
    const known = this.index.callerByNumber(e164);
    if (known) return known;
    for (const contact of await this.directory.contactsWithNumber(this.dataSource.manager, e164)) this.index.putContact(contact);
    return this.index.callerByNumber(e164) ?? null;
  }

  async byId(contactId: string): Promise<Caller | null> {
    return this.index.callerById(contactId) ?? (await this.directory.callerById(this.dataSource.manager, contactId));
  }

  agentByExtension(extension: string | null): string | null {
    return extension === null ? null : this.index.agentByExtension(extension);
  }

  openTickets(contactId: string, limit: number): OpenTicket[] {
    return this.index.openTickets(contactId, limit);
  }
}
