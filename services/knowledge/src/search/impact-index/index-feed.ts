import type { FeedColumns } from '../../articles/article-feed';
import type { IndexedArticle } from './impact-index';

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

/** What the search index reads of an article: its flags and its lexemes by weight class, as space-separated text (lexemes hold no spaces). */
export const INDEX_COLUMNS: FeedColumns<Row, IndexedArticle> = {
  sql: `a.id, a.status, a.visibility, a.language, a.category, a.changed_xid::text AS version,
    array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{a}')), ' ') AS lexemes_a,
    array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{b}')), ' ') AS lexemes_b,
    array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{c,d}')), ' ') AS lexemes_c`,
  toItem: (row) => ({
    id: row.id,
    status: row.status,
    visibility: row.visibility,
    language: row.language,
    category: row.category,
    version: row.version,
    a: split(row.lexemes_a),
    b: split(row.lexemes_b),
    c: split(row.lexemes_c),
  }),
};
