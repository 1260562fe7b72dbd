import type { Actor, TicketReopenedV1, TicketResolvedV1 } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { attachSourceCase, draftArticle, editArticle, markForReview, type Article, type ArticleVisibility } from '../articles/article';
import { ArticlesRepository } from '../articles/articles.repository';
import { extractElement, type KnowledgeElement } from '../extraction/knowledge-element';
import type { Summariser } from '../extraction/summariser';
import type { SearchEngine } from '../search/search-engine';
import { CasesRepository, type KnowledgeCase } from './cases.repository';

/** How resolved tickets become articles. */
export interface LearningSettings {
  /** Visibility of an article extracted from a ticket (a draft until an agent publishes it). */
  readonly extractedVisibility: ArticleVisibility;
  /** Least trigram similarity of the whole text for a new case to join an existing article. */
  readonly duplicateSimilarity: number;
}

/** The knowledge service itself, as the editor of extracted articles. */
export const EXTRACTION_ACTOR: Actor = { kind: 'system', id: null, displayName: 'knowledge-extraction' };

/**
 * Learns from a resolved ticket: extracts the knowledge element (customer-visible text only),
 * lets the optional summariser phrase it, then attaches it to a closely matching article as
 * another source case, or writes a new draft article. Runs in the consuming transaction.
 */
export class CaseLearningService {
  constructor(
    private readonly settings: LearningSettings,
    private readonly summariser: Summariser,
    private readonly search: SearchEngine,
    private readonly newId: () => string,
  ) {}

  async learn(manager: EntityManager, data: TicketResolvedV1, now: Date): Promise<void> {
    const cases = new CasesRepository(manager);
    const known = await cases.apply(data.ticket, data.description);
    const element = await this.phrase(
      extractElement({
        ticketId: data.ticket.ticketId,
        summary: data.ticket.summary,
        description: data.description,
        category: data.ticket.category,
        tags: data.ticket.tags,
        products: data.products,
        language: data.language,
        problemMessage: data.problemMessage?.text ?? (await cases.firstCustomerMessage(data.ticket.ticketId)),
        resolution: data.resolution,
        decisiveMessage: data.decisiveMessage?.text ?? (await cases.lastAgentReply(data.ticket.ticketId)),
      }),
    );
    const article = await this.placeInArticle(manager, known, element, now);
    await cases.recordLearning(data.ticket.ticketId, { ...element, articleId: article.id });
  }

  /** A reopened ticket marks every article it is a source of for review. */
  async reopen(manager: EntityManager, data: TicketReopenedV1, now: Date): Promise<void> {
    await new CasesRepository(manager).apply(data.ticket, null);
    const articles = new ArticlesRepository(manager);
    const reason = `source ticket ${data.ticket.number} was reopened${data.reason ? `: ${data.reason}` : ''}`;
    for (const article of await articles.withSource(data.ticket.ticketId)) {
      const next = markForReview(article, reason, now);
      if (next !== article) await articles.save(next);
    }
  }

  /** Articles built from a merged-away ticket name the receiving ticket as a source case too. */
  async mergeSources(manager: EntityManager, sourceTicketId: string, targetTicketId: string, now: Date): Promise<void> {
    const articles = new ArticlesRepository(manager);
    for (const article of await articles.withSource(sourceTicketId)) {
      if (article.sourceTicketIds.includes(targetTicketId)) continue;
      await articles.save({ ...article, sourceTicketIds: [...article.sourceTicketIds, targetTicketId], updatedAt: now });
    }
  }

  private async placeInArticle(manager: EntityManager, known: KnowledgeCase, element: KnowledgeElement, now: Date): Promise<Article> {
    const articles = new ArticlesRepository(manager);
    const content = { ...element, visibility: this.settings.extractedVisibility };
    // An article may already name the ticket: learnt before a reopen, or inherited through a merge.
    const previous = known.articleId ? await articles.get({ kind: 'staff' }, known.articleId, true) : ((await articles.withSource(known.ticketId))[0] ?? null);
    if (previous) {
      // Resolved again after a reopen: an untouched draft of this ticket alone follows the new
      // resolution; anything an agent published or shares with other cases is left for review.
      const alone = previous.status === 'draft' && previous.sourceTicketIds.length === 1 && previous.revision === 1;
      const next = alone ? editArticle(previous, content, now) : markForReview(previous, `source ticket ${known.number} was resolved again`, now);
      await articles.save(next);
      if (alone) await articles.recordRevision(next, EXTRACTION_ACTOR);
      return next;
    }
    const match = await this.closestArticle(manager, element);
    if (match) {
      const next = markForReview(attachSourceCase(match, element.sourceTicketId, now), `similar case ${known.number} attached: consider merging its resolution`, now);
      await articles.save(next);
      return next;
    }
    const article = draftArticle(this.newId(), content, [element.sourceTicketId], now);
    await articles.save(article);
    await articles.recordRevision(article, EXTRACTION_ACTOR);
    return article;
  }

  private async closestArticle(manager: EntityManager, element: KnowledgeElement): Promise<Article | null> {
    const text = `${element.title}\n${element.problem}\n${element.resolution}`;
    const candidates = await this.search.similarArticles(manager, text, element.language, 5);
    if (candidates.length === 0) return null;
    const rows = (await manager.query(
      `SELECT id, similarity(lower(title || ' ' || problem || ' ' || resolution), lower($2)) AS sim
         FROM knowledge_articles WHERE id = ANY($1::uuid[]) ORDER BY sim DESC, id LIMIT 1`,
      [candidates, text],
    )) as { id: string; sim: number }[];
    const best = rows[0];
    if (!best || Number(best.sim) < this.settings.duplicateSimilarity) return null;
    return new ArticlesRepository(manager).get({ kind: 'staff' }, best.id, true);
  }

  private async phrase(element: KnowledgeElement): Promise<KnowledgeElement> {
    const rewritten = await this.summariser.rewriteElement(element);
    return rewritten ? { ...element, ...rewritten } : element;
  }
}
