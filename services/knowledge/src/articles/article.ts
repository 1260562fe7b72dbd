import type { Actor } from '@helpdesk/contracts';

export type ArticleStatus = 'draft' | 'published';
export type ArticleVisibility = 'internal' | 'customer';

/** The editable content of an article. */
export interface ArticleContent {
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
  readonly language: 'de' | 'en' | null;
  readonly category: string | null;
  readonly products: readonly string[];
  readonly tags: readonly string[];
  readonly visibility: ArticleVisibility;
}

/** A knowledge article. */
export interface Article extends ArticleContent {
  readonly id: string;
  readonly revision: number;
  readonly status: ArticleStatus;
  readonly sourceTicketIds: readonly string[];
  readonly needsReview: boolean;
  readonly reviewReason: string | null;
  readonly mergeSuggestionTicketIds: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly publishedAt: Date | null;
}

/** A new draft article. */
export function draftArticle(id: string, content: ArticleContent, sourceTicketIds: readonly string[], now: Date): Article {
  return {
    ...content,
    id,
    revision: 1,
    status: 'draft',
    sourceTicketIds: [...new Set(sourceTicketIds)],
    needsReview: false,
    reviewReason: null,
    mergeSuggestionTicketIds: [],
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
}

/** An edit: the next revision with the new content; a published article stays published. */
export function editArticle(article: Article, content: ArticleContent, now: Date): Article {
  return {
    ...article,
    ...content,
    revision: article.revision + 1,
    needsReview: false,
    reviewReason: null,
    updatedAt: now,
    publishedAt: article.status === 'published' ? now : null,
  };
}

/** Publication; publishing again confirms the article after a review. */
export function publishArticle(article: Article, now: Date): Article {
  return { ...article, status: 'published', needsReview: false, reviewReason: null, updatedAt: now, publishedAt: now };
}

/** Marks the article for an agent to check, keeping the first reason until it is reviewed. */
export function markForReview(article: Article, reason: string, now: Date): Article {
  if (article.needsReview && article.reviewReason !== null) return article;
  return { ...article, needsReview: true, reviewReason: reason, updatedAt: now };
}

/**
 * A new resolved case that closely matches the article: it becomes another source case and a
 * merge suggestion for the reviewer instead of a duplicate article. Attaching twice changes nothing.
 */
export function attachSourceCase(article: Article, ticketId: string, now: Date): Article {
  if (article.sourceTicketIds.includes(ticketId)) return article;
  return {
    ...article,
    sourceTicketIds: [...article.sourceTicketIds, ticketId],
    mergeSuggestionTicketIds: [...article.mergeSuggestionTicketIds, ticketId],
    updatedAt: now,
  };
}

/** The `helpdesk.knowledge.article.published.v1` data of a published article. */
export function publishedEventData(article: Article, firstPublication: boolean, actor: Actor) {
  return {
    articleId: article.id,
    revision: article.revision,
    firstPublication,
    visibility: article.visibility,
    language: article.language ?? 'und',
    title: article.title,
    problem: article.problem,
    resolution: article.resolution,
    category: article.category,
    products: [...article.products],
    tags: [...article.tags],
    sourceTicketIds: [...article.sourceTicketIds],
    publishedBy: actor,
    publishedAt: (article.publishedAt ?? article.updatedAt).toISOString(),
  };
}
