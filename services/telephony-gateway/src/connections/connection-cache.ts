import type { DataSource } from 'typeorm';
import type { PbxConnection } from './pbx-connection';
import { PbxConnectionsRepository } from './pbx-connections.repository';

/**
 * PBX connections by id for the webhook's hot path, each kept for `ttlMs` so a burst of call
 * events costs one lookup. A disabled connection is refused by every replica within `ttlMs`.
 */
export class ConnectionCache {
  private readonly repository = new PbxConnectionsRepository();
  private readonly entries = new Map<string, { connection: PbxConnection | undefined; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 5_000,
  ) {}

  async get(id: string): Promise<PbxConnection | undefined> {
    const now = Date.now();
    const held = this.entries.get(id);
    if (held && held.until > now) return held.connection;
    const connection = await this.repository.find(this.dataSource.manager, id);
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(id, { connection, until: now + this.ttlMs });
    return connection;
  }

  /** Forgets a connection after this replica changed it. */
  forget(id: string): void {
    this.entries.delete(id);
  }
}
