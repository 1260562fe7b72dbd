import type { EntityManager } from 'typeorm';
import type { IndexedArticle } from './impact-index';

/** The columns the index reads; the lexemes by weight class as space-separated text (lexemes hold no spaces). */
const COLUMNS = `a.id, a.status, a.visibility, a.language, a.category, a.changed_xid::text AS version,
  array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{a}')), ' ') AS lexemes_a,
  array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{b}')), ' ') AS lexemes_b,
  array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{c,d}')), ' ') AS lexemes_c`;

interface Row {
  id: string;
  status: string;
  visibility: string;
  language: string | null;
  category: string | null;
  version: string | null;
  lexemes_a: string;
  lexemes_b: string;
  lexemes_c: string;
}

const split = (text: string) => (text === '' ? [] : text.split(' '));

function toArticle(row: Row): IndexedArticle {
  return {
    id: row.id,
    status: row.status,
    visibility: row.visibility,
    language: row.language,
    category: row.category,
    version: row.version,
    a: split(row.lexemes_a),
    b: split(row.lexemes_b),
    c: split(row.lexemes_c),
  };
}

/** The reads of the in-memory index: a change horizon, the table in id order, the rows changed since a horizon. */
export class IndexFeed {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The xmin of a fresh snapshot: every transaction not committed yet has an xid at or above it,
   * so reading `changed_xid >= horizon` later finds all writes not visible now.
   */
  async horizon(): Promise<string> {
    const rows = (await this.manager.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`)) as { horizon: string }[];
    return rows[0]?.horizon ?? '0';
  }

  /** Heap pages of the table and rows per page (from the statistics; at least 1), to cut the load into page ranges. */
  async extent(): Promise<{ pages: number; rowsPerPage: number }> {
    const rows = (await this.manager.query(
      `SELECT (pg_relation_size('knowledge_articles') / current_setting('block_size')::int)::int AS pages,
              GREATEST(1, reltuples / GREATEST(relpages, 1))::float8 AS rows_per_page
         FROM pg_class WHERE oid = 'knowledge_articles'::regclass`,
    )) as { pages: number; rows_per_page: number }[];
    return { pages: rows[0]?.pages ?? 0, rowsPerPage: rows[0]?.rows_per_page ?? 1 };
  }

  /**
   * The articles on heap pages [from, to): a TID range scan, so the load reads the table in
   * physical order (4× cheaper than primary-key order at 1 M rows) without a long transaction.
   * A row that an update moves to a page already read is missed here, but it was written after
   * the load's horizon, so the polls read it.
   */
  async pages(from: number, to: number): Promise<IndexedArticle[]> {
    const rows = (await this.manager.query(`SELECT ${COLUMNS} FROM knowledge_articles a WHERE a.ctid >= $1::tid AND a.ctid < $2::tid`, [`(${from},0)`, `(${to},0)`])) as Row[];
    return rows.map(toArticle);
  }

  /**
   * Articles written by transactions with an xid at or above `horizon` (btree on `changed_xid`),
   * in (changed_xid, id) order after `after` (null: from the start), at most `size`.
   */
  async changedSince(horizon: string, after: { version: string; id: string } | null, size: number): Promise<IndexedArticle[]> {
    const rows = (await this.manager.query(
      `SELECT ${COLUMNS} FROM knowledge_articles a
        WHERE a.changed_xid >= $1::xid8 AND ($2::xid8 IS NULL OR (a.changed_xid, a.id) > ($2::xid8, $3::uuid))
        ORDER BY a.changed_xid, a.id LIMIT $4`,
      [horizon, after?.version ?? null, after?.id ?? FIRST_ID, size],
    )) as Row[];
    return rows.map(toArticle);
  }
}

/** The smallest uuid, where the keyset paging of changes starts. */
export const FIRST_ID = '00000000-0000-0000-0000-000000000000';
