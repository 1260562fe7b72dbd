import { duplicateText, signatureBands } from './near-duplicate-signature';
import type { ComparedArticle } from './near-duplicates';

/** Whatever runs SQL: an EntityManager, a QueryRunner, a pg client wrapper. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * `knowledge_article_bands`, the table the LSH bands lived in until migration 1764500000000 (they
 * are in memory now, see `band-index/`): what the migrations that built and rebuilt it still run.
 */
export class SignatureBandsRepository {
  constructor(private readonly manager: Queryable) {}

  /** Adds the bands of the articles' current texts (bands already stored are skipped), sorted so concurrent writers take index locks in one order. */
  async add(articles: readonly ComparedArticle[]): Promise<void> {
    const rows = articles.flatMap((a) => signatureBands(duplicateText(a), a.language).map(({ band, hash }) => ({ band, hash, id: a.id })));
    if (rows.length === 0) return;
    rows.sort((x, y) => x.band - y.band || x.hash - y.hash || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    await this.manager.query(
      `INSERT INTO knowledge_article_bands (band, hash, article_id)
        SELECT * FROM unnest($1::smallint[], $2::integer[], $3::uuid[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.band), rows.map((r) => r.hash), rows.map((r) => r.id)],
    );
  }
}
