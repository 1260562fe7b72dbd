import type { EntityManager } from 'typeorm';

/** Whatever runs SQL: an EntityManager (the pool or a transaction's). */
type Manager = Pick<EntityManager, 'query'>;

/** What an in-memory view of the articles reads per row: the columns (alias `a`, and `version`: `a.changed_xid::text`) and the mapping of a row. */
export interface FeedColumns<Row, T> {
  readonly sql: string;
  readonly toItem: (row: Row) => T;
}

/** The smallest uuid, where the keyset paging of changes starts. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** An item the feed returns, with the row's id and version (for keyset paging). */
export interface FeedItem {
  readonly id: string;
  readonly version: string | null;
}

/**
 * The reads of an in-memory view of `knowledge_articles` (the search index, the near-duplicate
 * bands): a change horizon, the whole table in physical order, the rows changed since a horizon.
 * `changed_xid` is the id of the transaction that last wrote the row (trigger, btree).
 */
export class ArticleFeed<Row, T extends FeedItem> {
  constructor(
    private readonly manager: Manager,
    private readonly columns: FeedColumns<Row, T>,
  ) {}

  /**
   * The xmin of a fresh snapshot: every transaction not committed yet has an xid at or above it,
   * so reading `changed_xid >= horizon` later finds all writes not visible now.
   */
  async horizon(): Promise<string> {
    const rows = (await this.manager.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`)) as { horizon: string }[];
    return rows[0]?.horizon ?? '0';
  }

  /**
   * Every article, `batchSize` rows at a time, in heap page ranges: a TID range scan reads the
   * table in physical order (4× cheaper than primary-key order at 1 M rows) without a long
   * transaction. A row that an update moves to a page already read is missed here, but it was
   * written after a horizon taken before, so reading the changes since that horizon finds it.
   * The table may grow meanwhile: reads on until a range past the end comes back empty.
   */
  async readAll(batchSize: number, onItems: (items: T[]) => void, stopped: () => boolean = () => false): Promise<void> {
    const { pages, rowsPerPage } = await this.extent();
    const step = Math.max(1, Math.ceil(batchSize / rowsPerPage));
    for (let from = 0; !stopped(); from += step) {
      const rows = (await this.manager.query(`SELECT ${this.columns.sql} FROM knowledge_articles a WHERE a.ctid >= $1::tid AND a.ctid < $2::tid`, [
        `(${from},0)`,
        `(${from + step},0)`,
      ])) as Row[];
      onItems(rows.map(this.columns.toItem));
      if (rows.length === 0 && from >= pages) return;
    }
  }

  /**
   * Articles written by transactions with an xid at or above `horizon` (btree on `changed_xid`),
   * `batchSize` at a time in (changed_xid, id) order.
   */
  async readChangedSince(horizon: string, batchSize: number, onItems: (items: T[]) => void): Promise<void> {
    let after: FeedItem | null = null;
    for (;;) {
      const rows = (await this.manager.query(
        `SELECT ${this.columns.sql} FROM knowledge_articles a
          WHERE a.changed_xid >= $1::xid8 AND ($2::xid8 IS NULL OR (a.changed_xid, a.id) > ($2::xid8, $3::uuid))
          ORDER BY a.changed_xid, a.id LIMIT $4`,
        [horizon, after?.version ?? null, after?.id ?? FIRST_ID, batchSize],
      )) as Row[];
      const items = rows.map(this.columns.toItem);
      onItems(items);
      const last = items.at(-1);
      if (!last || items.length < batchSize) return;
      after = { version: last.version ?? '0', id: last.id };
    }
  }

  /** Heap pages of the table and rows per page (from the statistics; at least 1), to cut the full read into page ranges. */
  private async extent(): Promise<{ pages: number; rowsPerPage: number }> {
    const rows = (await this.manager.query(
      `SELECT (pg_relation_size('knowledge_articles') / current_setting('block_size')::int)::int AS pages,
              GREATEST(1, reltuples / GREATEST(relpages, 1))::float8 AS rows_per_page
         FROM pg_class WHERE oid = 'knowledge_articles'::regclass`,
    )) as { pages: number; rows_per_page: number }[];
    return { pages: rows[0]?.pages ?? 0, rowsPerPage: rows[0]?.rows_per_page ?? 1 };
  }
}
