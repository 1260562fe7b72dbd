import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { searchConfigFor, vocabularySql, weightedVectorSql } from '../search/search-config';
import type { Article, ArticleStatus, ArticleVisibility } from './article';

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

  /** Inserts or replaces the article, its search vector and vocabulary. */
  async save(article: Article): Promise<void> {
    const vector = weightedVectorSql({ config: 19, title: 6, problem: 7, resolution: 8, products: 10, tags: 11 });
    await this.manager.query(
      `INSERT INTO knowledge_articles (id, revision, status, visibility, language, title, problem, resolution, category, products, tags,
          source_ticket_ids, needs_review, review_reason, merge_suggestion_ticket_ids, created_at, updated_at, published_at, search_config, search_vector)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::regconfig, ${vector})
        ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, status = EXCLUDED.status, visibility = EXCLUDED.visibility,
          language = EXCLUDED.language, title = EXCLUDED.title, problem = EXCLUDED.problem, resolution = EXCLUDED.resolution,
          category = EXCLUDED.category, products = EXCLUDED.products, tags = EXCLUDED.tags, source_ticket_ids = EXCLUDED.source_ticket_ids,
          needs_review = EXCLUDED.needs_review, review_reason = EXCLUDED.review_reason,
          merge_suggestion_ticket_ids = EXCLUDED.merge_suggestion_ticket_ids, updated_at = EXCLUDED.updated_at,
          published_at = EXCLUDED.published_at, search_config = EXCLUDED.search_config, search_vector = EXCLUDED.search_vector`,
      [
        article.id, article.revision, article.status, article.visibility, article.language, article.title, article.problem, article.resolution,
        article.category, article.products, article.tags, article.sourceTicketIds, article.needsReview, article.reviewReason,
        article.mergeSuggestionTicketIds, article.createdAt, article.updatedAt, article.publishedAt, searchConfigFor(article.language),
      ],
    );
    await this.manager.query(vocabularySql(1), [`${article.title}\n${article.problem}\n${article.resolution}\n${article.products.join(' ')}\n${article.tags.join(' ')}`]);
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
