import type { FeedColumns } from '../../articles/article-feed';
import type { IndexedArticle } from './impact-index';

/** A row read with {@link INDEX_COLUMNS}. */
export interface IndexRow {
  id: string;
  status: string;
  visibility: string;
  language: string | null;
  category: string | null;
  products: string[];
  version: string | null;
  lexemes_a: string;
  lexemes_b: string;
  lexemes_c: string;
}

const split = (text: string) => (text === '' ? [] : text.split(' '));

/** An article's lexemes by weight class (`lexemes_a`, `_b`, `_c`), as space-separated text (lexemes hold no spaces). */
export const LEXEME_COLUMNS = `array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{a}')), ' ') AS lexemes_a,
    array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{b}')), ' ') AS lexemes_b,
    array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{c,d}')), ' ') AS lexemes_c`;

/** What the search index reads of an article: its flags, filter fields and lexemes by weight class. */
export const INDEX_COLUMNS: FeedColumns<IndexRow, IndexedArticle> = {
  sql: `a.id, a.status, a.visibility, a.language, a.category, a.products, a.changed_xid::text AS version, ${LEXEME_COLUMNS}`,
  toItem: indexedArticle,
};

/** A row with the index columns as the index takes it. */
export function indexedArticle(row: IndexRow): IndexedArticle {
  return {
    id: row.id,
    status: row.status,
    visibility: row.visibility,
    language: row.language,
    category: row.category,
    products: row.products,
    version: row.version,
    a: split(row.lexemes_a),
    b: split(row.lexemes_b),
    c: split(row.lexemes_c),
  };
}
