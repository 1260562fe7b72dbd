import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { searchConfigFor, vocabularySql } from '../search/search-config';
import type { Article, ArticleStatus, ArticleVisibility } from './article';
import { knownWords } from './known-words';

/** Whose view a read is: staff see every article, customers only published customer-visible ones. */
export type ArticleScope = { readonly kind: 'staff' } | { readonly kind: 'customer' };

/** The SQL condition of a scope on `knowledge_articles a`. */
export function scopeCondition(scope: ArticleScope): string {
  return scope.kind === 'customer' ? `a.status = 'published' AND a.visibility = 'customer'` : 'true';
}

interface ArticleRow {
  id: string;
  revision: number;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  language: 'de' | 'en' | null;
  title: string;
  problem: string;
  resolution: string;
  category: string | null;
  products: string[];
  tags: string[];
  source_ticket_ids: string[];
  needs_review: boolean;
  review_reason: string | null;
  merge_suggestion_ticket_ids: string[];
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

const COLUMNS = `a.id, a.revision, a.status, a.visibility, a.language, a.title, a.problem, a.resolution, a.category, a.products, a.tags,
  a.source_ticket_ids, a.needs_review, a.review_reason, a.merge_suggestion_ticket_ids, a.created_at, a.updated_at, a.published_at`;

/** A page position in the article list (newest change first). */
export interface ArticleCursor {
  readonly updatedAt: string;
  readonly id: string;
}

/** Articles and their search index; every write re-indexes in the same statement. */
export class ArticlesRepository {
  constructor(private readonly manager: EntityManager) {}

  async get(scope: ArticleScope, id: string, lock = false): Promise<Article | null> {
    const rows = (await this.manager.query(
      `SELECT ${COLUMNS} FROM knowledge_articles a WHERE a.id = $1 AND ${scopeCondition(scope)}${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as ArticleRow[];
    return rows[0] ? toArticle(rows[0]) : null;
  }

  /** Articles that name `ticketId` as a source case, locked for an update. */
  async withSource(ticketId: string): Promise<Article[]> {
    const rows = (await this.manager.query(
      `SELECT ${COLUMNS} FROM knowledge_articles a WHERE a.source_ticket_ids @> ARRAY[$1::uuid] ORDER BY a.id FOR UPDATE`,
      [ticketId],
    )) as ArticleRow[];
    return rows.map(toArticle);
  }

  /** Which of the tickets some article names as a source case. */
  async sourcedAmong(ticketIds: readonly string[]): Promise<Set<string>> {
    if (ticketIds.length === 0) return new Set();
    // One GIN probe per ticket: for `source_ticket_ids && <250 ids>` the planner estimates a third
    // of the table and scans all of it.
    const rows = (await this.manager.query(
      `SELECT t.id FROM unnest($1::uuid[]) AS t(id)
        WHERE EXISTS (SELECT 1 FROM knowledge_articles a WHERE a.source_ticket_ids @> ARRAY[t.id])`,
      [ticketIds],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** The articles with these ids, locked for an update (in id order, so concurrent batches do not deadlock). */
  async lockMany(ids: readonly string[]): Promise<Map<string, Article>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.manager.query(`SELECT ${COLUMNS} FROM knowledge_articles a WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE`, [ids])) as ArticleRow[];
    return new Map(rows.map((row) => [row.id, toArticle(row)]));
  }

  async list(filter: { status: ArticleStatus | null; needsReviewOnly: boolean }, after: ArticleCursor | null, size: number): Promise<Article[]> {
    const rows = (await this.manager.query(
      `SELECT ${COLUMNS} FROM knowledge_articles a
        WHERE ($1::text IS NULL OR a.status = $1) AND (NOT $2 OR a.needs_review)
          AND ($3::timestamptz IS NULL OR (a.updated_at, a.id) < ($3::timestamptz, $4::uuid))
        ORDER BY a.updated_at DESC, a.id DESC LIMIT $5`,
      [filter.status, filter.needsReviewOnly, after?.updatedAt ?? null, after?.id ?? null, size],
    )) as ArticleRow[];
    return rows.map(toArticle);
  }

  /** Inserts or replaces the article (its search vectors are generated columns) and adds its words to the vocabulary. */
  async save(article: Article): Promise<void> {
    await this.manager.query(
      `INSERT INTO knowledge_articles (id, revision, status, visibility, language, title, problem, resolution, category, products, tags,
          source_ticket_ids, needs_review, review_reason, merge_suggestion_ticket_ids, created_at, updated_at, published_at, search_config)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::regconfig)
        ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, status = EXCLUDED.status, visibility = EXCLUDED.visibility,
          language = EXCLUDED.language, title = EXCLUDED.title, problem = EXCLUDED.problem, resolution = EXCLUDED.resolution,
          category = EXCLUDED.category, products = EXCLUDED.products, tags = EXCLUDED.tags, source_ticket_ids = EXCLUDED.source_ticket_ids,
          needs_review = EXCLUDED.needs_review, review_reason = EXCLUDED.review_reason,
          merge_suggestion_ticket_ids = EXCLUDED.merge_suggestion_ticket_ids, updated_at = EXCLUDED.updated_at,
          published_at = EXCLUDED.published_at, search_config = EXCLUDED.search_config`,
      [
        article.id, article.revision, article.status, article.visibility, article.language, article.title, article.problem, article.resolution,
        article.category, article.products, article.tags, article.sourceTicketIds, article.needsReview, article.reviewReason,
        article.mergeSuggestionTicketIds, article.createdAt, article.updatedAt, article.publishedAt, searchConfigFor(article.language),
      ],
    );
    await this.manager.query(vocabularySql(1), [vocabularyText(article)]);
  }

  /** {@link save} for many distinct articles: one upsert and one vocabulary statement. */
  async saveAll(articles: readonly Article[]): Promise<void> {
    if (articles.length === 0) return;
    const rows = [...articles]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((a) => ({
        id: a.id, revision: a.revision, status: a.status, visibility: a.visibility, language: a.language, title: a.title, problem: a.problem,
        resolution: a.resolution, category: a.category, products: a.products, tags: a.tags, source_ticket_ids: a.sourceTicketIds,
        needs_review: a.needsReview, review_reason: a.reviewReason, merge_suggestion_ticket_ids: a.mergeSuggestionTicketIds,
        created_at: a.createdAt, updated_at: a.updatedAt, published_at: a.publishedAt, search_config: searchConfigFor(a.language),
      }));
    await this.manager.query(
      `INSERT INTO knowledge_articles (id, revision, status, visibility, language, title, problem, resolution, category, products, tags,
          source_ticket_ids, needs_review, review_reason, merge_suggestion_ticket_ids, created_at, updated_at, published_at, search_config)
        SELECT r.id, r.revision, r.status, r.visibility, r.language, r.title, r.problem, r.resolution, r.category, r.products, r.tags,
               r.source_ticket_ids, r.needs_review, r.review_reason, r.merge_suggestion_ticket_ids, r.created_at, r.updated_at, r.published_at,
               r.search_config::regconfig
          FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, revision integer, status text, visibility text, language text, title text, problem text,
               resolution text, category text, products text[], tags text[], source_ticket_ids uuid[], needs_review boolean, review_reason text,
               merge_suggestion_ticket_ids uuid[], created_at timestamptz, updated_at timestamptz, published_at timestamptz, search_config text)
        ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, status = EXCLUDED.status, visibility = EXCLUDED.visibility,
          language = EXCLUDED.language, title = EXCLUDED.title, problem = EXCLUDED.problem, resolution = EXCLUDED.resolution,
          category = EXCLUDED.category, products = EXCLUDED.products, tags = EXCLUDED.tags, source_ticket_ids = EXCLUDED.source_ticket_ids,
          needs_review = EXCLUDED.needs_review, review_reason = EXCLUDED.review_reason,
          merge_suggestion_ticket_ids = EXCLUDED.merge_suggestion_ticket_ids, updated_at = EXCLUDED.updated_at,
          published_at = EXCLUDED.published_at, search_config = EXCLUDED.search_config`,
      [JSON.stringify(rows)],
    );
    const unknown = knownWords.unknownIn(articles.map(vocabularyText).join('\n'));
    if (unknown !== null) {
      await this.manager.query(vocabularySql(1), [unknown]);
      knownWords.remember(unknown);
    }
  }

  /** {@link recordRevision} for many articles in one statement. */
  async recordRevisions(articles: readonly Article[], editedBy: Actor): Promise<void> {
    if (articles.length === 0) return;
    const rows = articles.map((a) => ({
      article_id: a.id, revision: a.revision, title: a.title, problem: a.problem, resolution: a.resolution, visibility: a.visibility,
      category: a.category, products: a.products, tags: a.tags, edited_at: a.updatedAt,
    }));
    await this.manager.query(
      `INSERT INTO knowledge_article_revisions (article_id, revision, title, problem, resolution, visibility, category, products, tags, edited_by, edited_at)
        SELECT r.article_id, r.revision, r.title, r.problem, r.resolution, r.visibility, r.category, r.products, r.tags, $2::jsonb, r.edited_at
          FROM jsonb_to_recordset($1::jsonb) AS r(article_id uuid, revision integer, title text, problem text, resolution text, visibility text,
               category text, products text[], tags text[], edited_at timestamptz)
        ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows), JSON.stringify(editedBy)],
    );
  }

  /** Keeps the revision's content (edits are versioned); a revision is written once. */
  async recordRevision(article: Article, editedBy: Actor): Promise<void> {
    await this.manager.query(
      `INSERT INTO knowledge_article_revisions (article_id, revision, title, problem, resolution, visibility, category, products, tags, edited_by, edited_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [article.id, article.revision, article.title, article.problem, article.resolution, article.visibility, article.category, article.products, article.tags, JSON.stringify(editedBy), article.updatedAt],
    );
  }
}

/** The words of an article that go into the typo/compound vocabulary. */
function vocabularyText(article: Article): string {
  return `${article.title}\n${article.problem}\n${article.resolution}\n${article.products.join(' ')}\n${article.tags.join(' ')}`;
}

function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    visibility: row.visibility,
    language: row.language,
    title: row.title,
    problem: row.problem,
    resolution: row.resolution,
    category: row.category,
    products: row.products,
    tags: row.tags,
    sourceTicketIds: row.source_ticket_ids,
    needsReview: row.needs_review,
    reviewReason: row.review_reason,
    mergeSuggestionTicketIds: row.merge_suggestion_ticket_ids,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}
