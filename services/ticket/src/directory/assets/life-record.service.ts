import { scopeOf, type Caller, type CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import { TicketError, invalidField } from '../../tickets/ticket.errors';
import { actorOf } from '../../tickets/ticket-unit-of-work';
import { TicketsRepository } from '../../tickets/tickets.repository';
import type { Page, PageRequest } from '../directory-page';
import type { DirectoryStore } from '../directory-store';
import { AssetsRepository, type AssetKey } from './assets.repository';
import type { LifeRecordAttachment, LifeRecordEntry, LifeRecordSource } from './life-record';
import { LifeRecordRepository } from './life-record.repository';

/** A manual or integration entry as AddLifeRecordEntry sends it. */
export interface LifeRecordInput {
  readonly asset: AssetKey;
  readonly title: string;
  readonly text: string;
  /** Null for now. */
  readonly occurredAt: Date | null;
  readonly attachments: readonly LifeRecordAttachment[];
  readonly ticketId: string | null;
  /** An idempotency key: the same source for the same asset returns the first entry. */
  readonly source: LifeRecordSource | null;
}

/**
 * Manual and integration entries of an asset's life record, and reading it. (Ticket entries are
 * written by the ticket event handlers.) Attachments are references by SHA-256 into the ticket
 * service's file store; the entry keeps name, type and size as the writer gave them.
 */
export class LifeRecordService {
  private readonly entries = new LifeRecordRepository();
  private readonly assets = new AssetsRepository();
  private readonly tickets = new TicketsRepository();

  constructor(private readonly store: DirectoryStore) {}

  add(caller: Caller, input: LifeRecordInput): Promise<LifeRecordEntry> {
    return this.store.transaction(async (manager) => {
      const scope = scopeOf(caller);
      const asset = await this.assets.get(manager, scope, input.asset);
      const earlier = input.source ? await this.entries.findBySource(manager, asset.id, input.source) : undefined;
      if (earlier) return earlier;
      const ticketNumber = input.ticketId ? await this.ticketNumber(manager, scope, input.ticketId) : null;
      const author = actorOf(caller);
      const now = this.store.clock();
      const entry: LifeRecordEntry = {
        id: this.store.newId(),
        assetId: asset.id,
        kind: author.kind === 'integration' ? 'integration' : 'manual',
        occurredAt: input.occurredAt ?? now,
        recordedAt: now,
        author,
        title: input.title,
        text: input.text,
        ticketId: input.ticketId,
        ticketNumber,
        attachments: input.attachments,
        source: input.source,
        eventId: null,
      };
      if (await this.entries.insert(manager, entry)) return entry;
      // A concurrent call with the same source reference won the insert; answer with its entry.
      const winner = input.source ? await this.entries.findBySource(manager, asset.id, input.source) : undefined;
      if (!winner) throw new Error(`life record entry for asset ${asset.id} was neither written nor found`);
      return winner;
    });
  }

  async list(caller: Caller, asset: AssetKey, newestFirst: boolean, page: PageRequest): Promise<Page<LifeRecordEntry>> {
    const found = await this.assets.get(this.store.reader, scopeOf(caller), asset);
    return this.entries.page(this.store.reader, found.id, newestFirst, page);
  }

  private async ticketNumber(manager: EntityManager, scope: CustomerScope, ticketId: string): Promise<string> {
    try {
      return (await this.tickets.get(manager, scope, { id: ticketId })).number;
    } catch (error) {
      if (error instanceof TicketError && error.code === 'TICKET_NOT_FOUND') throw invalidField('ticketId', 'no ticket with this id exists');
      throw error;
    }
  }
}
