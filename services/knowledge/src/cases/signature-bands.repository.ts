import { duplicateText, signatureBands, type SignatureBand } from './near-duplicate-signature';

/** Whatever runs SQL: an EntityManager, a QueryRunner, a pg client wrapper. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** An article's text as the near-duplicate check compares it. */
export interface ComparedArticle {
  readonly id: string;
  readonly language: string | null;
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
}

/** The bands of one probe text, by its position in the batch. */
export interface BandProbe {
  readonly i: number;
  readonly language: string | null;
  readonly bands: readonly { readonly band: number; readonly hash: number }[];
}

/**
 * `knowledge_article_bands`: the LSH bands of every article text (btree on band, hash, article).
 * Bands are only added, never removed: after an edit the old text's bands stay and may name the
 * article as a candidate, which the in-code similarity check then rejects on the current text.
 * That keeps an edit one insert, with no second index on the article id to delete by.
 */
export class SignatureBandsRepository {
  constructor(private readonly manager: Queryable) {}

  /** Adds the bands of the articles' current texts (an edit, the backfill; bands already stored are skipped). */
  async add(articles: readonly ComparedArticle[]): Promise<void> {
    await this.insert(articles.map((a) => ({ id: a.id, bands: signatureBands(duplicateText(a), a.language) })), true);
  }

  /**
   * Adds the bands of articles that have none yet (new drafts), computed by the caller: a plain
   * insert, as no stored row can conflict; ON CONFLICT would first probe the unique index for
   * every row and then insert into it, two descents instead of one.
   */
  async addNew(articles: readonly { readonly id: string; readonly bands: readonly SignatureBand[] }[]): Promise<void> {
    await this.insert(articles, false);
  }

  /** Sorted, so concurrent writers take index locks in one order. */
  private async insert(articles: readonly { readonly id: string; readonly bands: readonly SignatureBand[] }[], skipStored: boolean): Promise<void> {
    const rows = articles.flatMap(({ id, bands }) => bands.map(({ band, hash }) => ({ band, hash, id })));
    if (rows.length === 0) return;
    rows.sort((x, y) => x.band - y.band || x.hash - y.hash || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    await this.manager.query(
      `INSERT INTO knowledge_article_bands (band, hash, article_id)
        SELECT * FROM unnest($1::smallint[], $2::integer[], $3::uuid[])${skipStored ? ' ON CONFLICT DO NOTHING' : ''}`,
      [rows.map((r) => r.band), rows.map((r) => r.hash), rows.map((r) => r.id)],
    );
  }

  /**
   * The articles sharing at least one band with each probe (in the probe's language when it has
   * one), with their texts: one join for the whole batch, a btree lookup per band.
   */
  async candidates(probes: readonly BandProbe[]): Promise<{ readonly i: number; readonly article: ComparedArticle }[]> {
    const keys = probes.flatMap((p) => p.bands.map((b) => ({ i: p.i, band: b.band, hash: b.hash, language: p.language })));
    if (keys.length === 0) return [];
    const rows = (await this.manager.query(
      `SELECT DISTINCT ON (p.i, a.id) p.i, a.id, a.language, a.title, a.problem, a.resolution
         FROM unnest($1::integer[], $2::smallint[], $3::integer[], $4::text[]) AS p(i, band, hash, language)
         JOIN knowledge_article_bands b ON b.band = p.band AND b.hash = p.hash
         JOIN knowledge_articles a ON a.id = b.article_id
        WHERE p.language IS NULL OR a.language = p.language
        ORDER BY p.i, a.id`,
      [keys.map((k) => k.i), keys.map((k) => k.band), keys.map((k) => k.hash), keys.map((k) => k.language)],
    )) as { i: number; id: string; language: string | null; title: string; problem: string; resolution: string }[];
    return rows.map((r) => ({ i: r.i, article: { id: r.id, language: r.language, title: r.title, problem: r.problem, resolution: r.resolution } }));
  }
}
