import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageRequest } from '../directory-page';
import type { LifeRecordAttachment, LifeRecordEntry, LifeRecordKind, LifeRecordSource } from './life-record';

interface EntryRow {
  id: string;
  asset_id: string;
  kind: LifeRecordKind;
  occurred_at: Date;
  recorded_at: Date;
  author: Actor;
  title: string;
  text: string;
  ticket_id: string | null;
  ticket_number: string | null;
  attachments: LifeRecordAttachment[];
  source_system: string | null;
  source_ref: string | null;
  event_id: string | null;
}

const COLUMNS = `id, asset_id, kind, occurred_at, recorded_at, author, title, text, ticket_id, ticket_number, attachments,
  source_system, source_ref, event_id`;

/**
 * The life record table. Entries are only ever inserted (a trigger refuses updates and
 * deletes). Callers check the asset against the caller's scope before they read or write here.
 */
export class LifeRecordRepository {
  /**
   * Inserts an entry unless one with the same ticket event or the same source reference exists
   * for the asset, or the asset does not exist (a ticket may name an asset id the directory
   * does not know); returns whether it was written.
   */
  async insert(manager: EntityManager, entry: LifeRecordEntry): Promise<boolean> {
    const values = [
      entry.id,
      entry.assetId,
      entry.kind,
      entry.occurredAt,
      entry.recordedAt,
      JSON.stringify(entry.author),
      entry.title,
      entry.text,
      entry.ticketId,
      entry.ticketNumber,
      JSON.stringify(entry.attachments),
      entry.source?.system ?? null,
      entry.source?.ref ?? null,
      entry.eventId,
    ];
    const rows = (await manager.query(
      `INSERT INTO asset_life_record (${COLUMNS})
       SELECT $1, a.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM assets a WHERE a.id = $2
       ON CONFLICT DO NOTHING RETURNING id`,
      values,
    )) as unknown[];
    return rows.length === 1;
  }

  /** The entry an integration wrote under this source reference for the asset, if any. */
  async findBySource(manager: EntityManager, assetId: string, source: LifeRecordSource): Promise<LifeRecordEntry | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM asset_life_record WHERE asset_id = $1 AND source_system = $2 AND source_ref = $3`, [
      assetId,
      source.system,
      source.ref,
    ])) as EntryRow[];
    return row ? fromRow(row) : undefined;
  }

  /** One page of an asset's entries by time of occurrence (keyset on occurred_at, id). */
  async page(manager: EntityManager, assetId: string, newestFirst: boolean, page: PageRequest): Promise<Page<LifeRecordEntry>> {
    const size = pageSize(page.size);
    const selection = { assetId, newestFirst };
    const cursor = decodeCursor(selection, page.token, 2);
    const values: unknown[] = [assetId];
    let where = 'asset_id = $1';
    if (cursor) {
      values.push(cursor[0], cursor[1]);
      where += ` AND (occurred_at, id) ${newestFirst ? '<' : '>'} ($2::timestamptz, $3::uuid)`;
    }
    values.push(size + 1);
    const direction = newestFirst ? 'DESC' : 'ASC';
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM asset_life_record WHERE ${where} ORDER BY occurred_at ${direction}, id ${direction} LIMIT $${values.length}`,
      values,
    )) as EntryRow[];
    const items = rows.slice(0, size).map(fromRow);
    const last = items.at(-1);
    return { items, nextToken: rows.length > size && last ? encodeCursor(selection, [last.occurredAt.toISOString(), last.id]) : '' };
  }
}

function fromRow(row: EntryRow): LifeRecordEntry {
  return {
    id: row.id,
    assetId: row.asset_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    author: row.author,
    title: row.title,
    text: row.text,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    attachments: row.attachments,
    source: row.source_system !== null && row.source_ref !== null ? { system: row.source_system, ref: row.source_ref } : null,
    eventId: row.event_id,
  };
}
