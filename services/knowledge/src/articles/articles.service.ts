import type { Caller } from '@helpdesk/auth';
import { knowledgeArticlePublishedV1, type Actor } from '@helpdesk/contracts';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { detectLanguage } from '../extraction/language';
import { draftArticle, editArticle, publishArticle, publishedEventData, type Article, type ArticleContent, type ArticleStatus } from './article';
import { ArticleError, articleNotFound, revisionConflict } from './article.errors';
import { ArticlesRepository, type ArticleCursor, type ArticleScope } from './articles.repository';

/** Article content as a request gives it: the language may be left to detection. */
export type ArticleInput = Omit<ArticleContent, 'language'> & { readonly language: 'de' | 'en' | null };

/** One page of articles. */
export interface ArticlePage {
  readonly items: readonly Article[];
  readonly next: ArticleCursor | null;
}

/** The article lifecycle: draft → published, versioned edits, `article.published` on publication. */
export class ArticlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly newId: () => string,
    readonly now: () => Date = () => new Date(),
  ) {}

  async create(caller: Caller, input: ArticleInput): Promise<Article> {
    staffOnly(caller);
    const article = draftArticle(this.newId(), withLanguage(input), [], this.now());
    return withTransaction(this.dataSource, async (manager) => {
      const articles = new ArticlesRepository(manager);
      await articles.save(article);
      await articles.recordRevision(article, actorOf(caller));
      return article;
    });
  }

  async update(caller: Caller, id: string, expectedRevision: number, input: ArticleInput): Promise<Article> {
    staffOnly(caller);
    return this.change(id, expectedRevision, async (article, manager) => {
      const next = editArticle(article, withLanguage(input), this.now());
      await new ArticlesRepository(manager).recordRevision(next, actorOf(caller));
      if (next.status === 'published') await this.announce(manager, next, false, actorOf(caller));
      return next;
    });
  }

  async publish(caller: Caller, id: string, expectedRevision: number): Promise<Article> {
    staffOnly(caller);
    return this.change(id, expectedRevision, async (article, manager) => {
      const next = publishArticle(article, this.now());
      await this.announce(manager, next, article.status === 'draft', actorOf(caller));
      return next;
    });
  }

  async get(caller: Caller, id: string): Promise<Article> {
    const article = await new ArticlesRepository(this.dataSource.manager).get(scopeOfCaller(caller), id);
    if (!article) throw articleNotFound(id);
    return article;
  }

  /** Staff list every article; a customer lists only published customer articles. */
  async list(caller: Caller, filter: { status: ArticleStatus | null; needsReviewOnly: boolean }, after: ArticleCursor | null, size: number): Promise<ArticlePage> {
    const effective = caller.kind === 'customer' ? { status: 'published' as const, needsReviewOnly: false } : filter;
    const rows = await new ArticlesRepository(this.dataSource.manager).list(effective, after, size + 1);
    const visible = caller.kind === 'customer' ? rows.filter((a) => a.visibility === 'customer') : rows;
    const items = visible.slice(0, size);
    const last = items.at(-1);
    return { items, next: rows.length > size && last ? { updatedAt: last.updatedAt.toISOString(), id: last.id } : null };
  }

  private async change(id: string, expectedRevision: number, apply: (article: Article, manager: EntityManager) => Promise<Article>): Promise<Article> {
    return withTransaction(this.dataSource, async (manager) => {
      const articles = new ArticlesRepository(manager);
      const article = await articles.get({ kind: 'staff' }, id, true);
      if (!article) throw articleNotFound(id);
      if (expectedRevision !== 0 && expectedRevision !== article.revision) throw revisionConflict(expectedRevision, article.revision);
      const next = await apply(article, manager);
      await articles.save(next);
      return next;
    });
  }

  private async announce(manager: EntityManager, article: Article, firstPublication: boolean, actor: Actor): Promise<void> {
    await this.publisher.add(manager, { event: knowledgeArticlePublishedV1, subject: article.id, data: publishedEventData(article, firstPublication, actor), time: article.updatedAt });
  }
}

/** The read scope of a caller. */
export function scopeOfCaller(caller: Caller): ArticleScope {
  return caller.kind === 'customer' ? { kind: 'customer' } : { kind: 'staff' };
}

function staffOnly(caller: Caller): void {
  if (caller.kind === 'customer') throw new ArticleError('CUSTOMER_NOT_ALLOWED', 'customers cannot change articles');
}

function actorOf(caller: Caller): Actor {
  return caller.kind === 'customer'
    ? { kind: 'contact', id: caller.contactId, displayName: caller.subject }
    : { kind: caller.roles.includes('integration') && caller.roles.length === 1 ? 'integration' : 'agent', id: isUuid(caller.subject) ? caller.subject : null, displayName: caller.subject };
}

function withLanguage(input: ArticleInput): ArticleContent {
  return { ...input, language: input.language ?? detectLanguage(`${input.title}\n${input.problem}\n${input.resolution}`) };
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
