import type { Caller } from '@helpdesk/auth';
import type { DomainEvent, OutboxPublisher } from '@helpdesk/messaging';
import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { JsonObject } from '../history/canonical-json';
import { actorOf } from '../tickets/ticket-unit-of-work';
import { decideUpsert, type DirectoryRecord, type UpsertContent, type UpsertDecision, type UpsertKey } from './directory-record';
import type { DirectorySettings } from './directory-settings';
import type { DirectoryTable } from './directory-table';

/** How an upsert request names its record and what it expects. */
export interface UpsertTarget {
  readonly key: UpsertKey;
  /** When given, the stored version must equal it. */
  readonly expectedVersion?: number;
}

/**
 * What every directory use case needs: the database, the outbox, the clock and the settings.
 * Directory changes are not ticket changes, so they do not go through the TicketUnitOfWork: an
 * upsert is one transaction of its own with the record and its event.
 */
export class DirectoryStore {
  constructor(
    readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    readonly settings: DirectorySettings,
    readonly clock: () => Date,
    readonly newId: () => string = uuidv7,
  ) {}

  /** A read outside any transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs `work` in one transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, work);
  }

  /**
   * Upserts in the caller's transaction: lock the stored record, decide, write the new version
   * and its `upserted` event, or nothing at all when the content is unchanged.
   */
  async upsert<D extends JsonObject>(
    manager: EntityManager,
    caller: Caller,
    table: DirectoryTable<D>,
    target: UpsertTarget,
    content: UpsertContent<D>,
    event: (record: DirectoryRecord<D>) => DomainEvent,
  ): Promise<UpsertDecision<D>> {
    const existing = await table.forUpsert(manager, target.key);
    const ctx = { now: this.clock(), actor: actorOf(caller), newId: this.newId(), ...(target.expectedVersion ? { expectedVersion: target.expectedVersion } : {}) };
    const decision = decideUpsert(existing, target.key, content, ctx);
    if (decision.outcome === 'created') await table.insert(manager, decision.record);
    if (decision.outcome === 'updated' && existing) await table.update(manager, decision.record, existing.version);
    if (decision.outcome !== 'unchanged') await this.publisher.add(manager, event(decision.record));
    return decision;
  }
}
