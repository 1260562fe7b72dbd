import type { Actor } from '@helpdesk/contracts';
import type { SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from './canonical-json';
import type { HistoryEntry, HistoryKind } from './history-chain';

/** A `ticket_history` row as PostgreSQL returns it. */
export interface HistoryRow {
  ticket_id: string;
  seq: number;
  at: Date;
  actor: Actor;
  kind: string;
  before: JsonObject;
  after: JsonObject;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'ticket_id, seq, at, actor, kind, before, after, prev_hash, hash';

export function entryFromRow(row: HistoryRow): HistoryEntry {
  return {
    ticketId: row.ticket_id,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    kind: row.kind as HistoryKind,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The append-only, hash-chained `ticket_history`. Callers hold the ticket's row lock. */
export class HistoryRepository {
  /** The newest entry of a ticket (the one the next entry chains to), if any. */
  async last(manager: EntityManager, ticketId: string): Promise<HistoryEntry | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM ticket_history WHERE ticket_id = $1 ORDER BY seq DESC LIMIT 1`, [
      ticketId,
    ])) as HistoryRow[];
    return row ? entryFromRow(row) : undefined;
  }

  async append(manager: EntityManager, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { text, values } = this.appendStatement(entries);
    await manager.query(text, [...values]);
  }

  /** The INSERT of at least one entry, for {@link append} or a caller's combined statement. */
  appendStatement(entries: readonly HistoryEntry[]): SqlStatement {
    const values: unknown[] = [];
    const tuples = entries.map((e) => {
      values.push(e.ticketId, e.seq, e.at, JSON.stringify(e.actor), e.kind, JSON.stringify(e.before), JSON.stringify(e.after), e.prevHash, e.hash);
      const base = values.length - 9;
      return `(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    return { text: `INSERT INTO ticket_history (${COLUMNS}) VALUES ${tuples.join(', ')}`, values };
  }

  /** Entries after `afterSeq`, oldest first. */
  async page(manager: EntityManager, ticketId: string, afterSeq: number, limit: number): Promise<HistoryEntry[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM ticket_history WHERE ticket_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [
      ticketId,
      afterSeq,
      limit,
    ])) as HistoryRow[];
    return rows.map(entryFromRow);
  }

  /** The whole chain of a ticket, oldest first. */
  async all(manager: EntityManager, ticketId: string): Promise<HistoryEntry[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM ticket_history WHERE ticket_id = $1 ORDER BY seq`, [ticketId])) as HistoryRow[];
    return rows.map(entryFromRow);
  }
}
