import { knowledgeV1 } from '@helpdesk/contracts';
import { decodePageToken, encodePageToken, toTimestamp } from '@helpdesk/grpc';
import { z } from 'zod';
import type { Article, ArticleStatus, ArticleVisibility } from './article';
import type { ArticleInput } from './articles.service';
import type { ArticleCursor } from './articles.repository';

const { ArticleStatus: ProtoStatus, ArticleVisibility: ProtoVisibility } = knowledgeV1;

export const STATUS_TO_PROTO: Record<ArticleStatus, knowledgeV1.ArticleStatus> = {
  draft: ProtoStatus.ARTICLE_STATUS_DRAFT,
  published: ProtoStatus.ARTICLE_STATUS_PUBLISHED,
};
export const VISIBILITY_TO_PROTO: Record<ArticleVisibility, knowledgeV1.ArticleVisibility> = {
  internal: ProtoVisibility.ARTICLE_VISIBILITY_INTERNAL,
  customer: ProtoVisibility.ARTICLE_VISIBILITY_CUSTOMER,
};

const label = z.string().trim().min(1).max(200);
const visibility = z.enum([ProtoVisibility.ARTICLE_VISIBILITY_INTERNAL, ProtoVisibility.ARTICLE_VISIBILITY_CUSTOMER], { message: 'must be ARTICLE_VISIBILITY_INTERNAL or ARTICLE_VISIBILITY_CUSTOMER' });
const uuid = z.uuid({ message: 'must be a UUID' });

const articleInputSchema = z
  .object({
    title: z.string().trim().min(1, { message: 'must not be empty' }).max(300),
    problem: z.string().trim().min(1, { message: 'must not be empty' }).max(20_000),
    resolution: z.string().trim().min(1, { message: 'must not be empty' }).max(20_000),
    language: z.enum(['', 'de', 'en'], { message: 'must be de, en or empty to detect it' }),
    category: z.string().trim().max(200),
    products: z.array(label).max(50),
    tags: z.array(label).max(50),
    visibility,
  })
  .transform(
    (a): ArticleInput => ({
      title: a.title,
      problem: a.problem,
      resolution: a.resolution,
      language: a.language === '' ? null : a.language,
      category: a.category === '' ? null : a.category,
      products: [...new Set(a.products)],
      tags: [...new Set(a.tags)],
      visibility: a.visibility === ProtoVisibility.ARTICLE_VISIBILITY_CUSTOMER ? 'customer' : 'internal',
    }),
  );

export const createArticleRequestSchema = z.object({ article: articleInputSchema });
export const updateArticleRequestSchema = z.object({ id: uuid, expectedRevision: z.int().min(0), article: articleInputSchema });
export const publishArticleRequestSchema = z.object({ id: uuid, expectedRevision: z.int().min(0) });
export const getArticleRequestSchema = z.object({ id: uuid });
export const listArticlesRequestSchema = z
  .object({
    page: z.object({ pageSize: z.int().min(0), pageToken: z.string() }).nullish(),
    status: z.enum(ProtoStatus),
    needsReviewOnly: z.boolean(),
  })
  .transform((r) => ({
    size: Math.min(r.page?.pageSize || 50, 500),
    after: decodeCursor(r.page?.pageToken ?? ''),
    filter: {
      status: r.status === ProtoStatus.ARTICLE_STATUS_DRAFT ? ('draft' as const) : r.status === ProtoStatus.ARTICLE_STATUS_PUBLISHED ? ('published' as const) : null,
      needsReviewOnly: r.needsReviewOnly,
    },
  }));

export function toArticleMessage(article: Article): knowledgeV1.Article {
  return {
    id: article.id,
    revision: article.revision,
    status: STATUS_TO_PROTO[article.status],
    visibility: VISIBILITY_TO_PROTO[article.visibility],
    language: article.language ?? '',
    title: article.title,
    problem: article.problem,
    resolution: article.resolution,
    category: article.category ?? '',
    products: [...article.products],
    tags: [...article.tags],
    sourceTicketIds: [...article.sourceTicketIds],
    needsReview: article.needsReview,
    reviewReason: article.reviewReason ?? '',
    mergeSuggestionTicketIds: [...article.mergeSuggestionTicketIds],
    createdAt: toTimestamp(article.createdAt),
    updatedAt: toTimestamp(article.updatedAt),
    publishedAt: toTimestamp(article.publishedAt),
  };
}

/** The page token after an article. */
export function encodeCursor(cursor: ArticleCursor): string {
  return encodePageToken('articles', [cursor.updatedAt, cursor.id]);
}

function decodeCursor(token: string): ArticleCursor | null {
  const key = decodePageToken('articles', token, 2);
  return key ? { updatedAt: key[0] ?? '', id: key[1] ?? '' } : null;
}
