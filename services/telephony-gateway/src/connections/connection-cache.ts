import type { DataSource } from 'typeorm';
import type { PbxConnection } from './pbx-connection';
import { PbxConnectionsRepository } from './pbx-connections.repository';

/**
 * PBX connections by id for the webhook's hot path. An entry is refreshed after `ttlMs`; until the
 * refresh returns, requests keep getting the entry they had (one refresh in flight per id), so a
 * busy webhook never waits for the database once it knows the connection. A disabled connection
 * is refused by every replica within `ttlMs` plus one lookup.
 */
export class ConnectionCache {
  private readonly repository = new PbxConnectionsRepository();
  private readonly entries = new Map<string, { connection: PbxConnection | undefined; until: number }>();
  private readonly loading = new Map<string, Promise<PbxConnection | undefined>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 5_000,
  ) {}

  async get(id: string): Promise<PbxConnection | undefined> {
    const held = this.entries.get(id);
    if (held && held.until > Date.now()) return held.connection;
    const refresh = this.load(id);
    // A known connection is served from memory while it is looked up again; an unknown one waits.
    if (held) {
      refresh.catch(() => undefined);
      return held.connection;
    }
    return refresh;
  }

  /** Forgets a connection after this replica changed it (a lookup already in flight is not stored). */
  forget(id: string): void {
    this.entries.delete(id);
    this.loading.delete(id);
  }

  private load(id: string): Promise<PbxConnection | undefined> {
    const inFlight = this.loading.get(id);
    if (inFlight) return inFlight;
    const load: Promise<PbxConnection | undefined> = this.repository
      .find(this.dataSource.manager, id)
      .then((connection) => {
        if (this.loading.get(id) !== load) return connection;
        if (this.entries.size > 10_000) this.entries.clear();
        this.entries.set(id, { connection, until: Date.now() + this.ttlMs });
        return connection;
      })
      .finally(() => {
        if (this.loading.get(id) === load) this.loading.delete(id);
      });
    this.loading.set(id, load);
    return load;
  }
}
