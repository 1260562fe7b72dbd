import type { Actor, TicketReopenedV1, TicketResolvedV1 } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { attachSourceCase, draftArticle, editArticle, markForReview, type Article, type ArticleVisibility } from '../articles/article';
import { ArticlesRepository } from '../articles/articles.repository';
import { extractElement, type KnowledgeElement } from '../extraction/knowledge-element';
import type { Summariser } from '../extraction/summariser';
import { CasesRepository, type KnowledgeCase } from './cases.repository';
import type { LiveBandIndex } from './band-index/live-band-index';
import { SIGNATURE_BANDS, duplicateText, type SignatureBand } from './near-duplicate-signature';
import { duplicateProbe, nearDuplicates } from './near-duplicates';
import { TrigramIndex } from './trigram-similarity';

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
    private readonly newId: () => string,
    /** The LSH bands of the stored articles, where the near-duplicate check finds its candidates. */
    private readonly bands: LiveBandIndex,
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

  /**
   * {@link learn} for a batch of resolved tickets in one transaction, with set-based statements:
   * the read model, the stored-message fallbacks, the duplicate check against existing articles
   * (one statement for the batch), the new drafts and their revisions, the learnings. A case of
   * the batch is compared with the batch's earlier new drafts in memory (pg_trgm's similarity
   * in TypeScript), so two near-identical tickets of one batch still become one article. Tickets
   * that already have an article (resolved again, inherited through a merge) take the
   * single-event path; a batch naming a ticket twice is handled event by event.
   */
  async learnBatch(manager: EntityManager, batch: readonly TicketResolvedV1[], now: Date): Promise<void> {
    const ticketIds = batch.map((data) => data.ticket.ticketId);
    if (new Set(ticketIds).size !== ticketIds.length) {
      for (const data of batch) await this.learn(manager, data, now);
      return;
    }
    const cases = new CasesRepository(manager);
    const articles = new ArticlesRepository(manager);
    const known = await cases.applyAll(batch.map((data) => ({ ticket: data.ticket, description: data.description })));
    const sourced = await articles.sourcedAmong(ticketIds);
    const fresh: { data: TicketResolvedV1; known: KnowledgeCase }[] = [];
    for (const data of batch) {
      const held = known.get(data.ticket.ticketId);
      if (!held || held.articleId || sourced.has(held.ticketId)) await this.learn(manager, data, now);
      else fresh.push({ data, known: held });
    }
    if (fresh.length === 0) return;

    const needStored = fresh.filter(({ data }) => !data.problemMessage || !data.decisiveMessage).map(({ data }) => data.ticket.ticketId);
    const stored = await cases.storedMessages(needStored);
    const elements: KnowledgeElement[] = [];
    for (const { data } of fresh) {
      const fallback = stored.get(data.ticket.ticketId);
      elements.push(
        await this.phrase(
          extractElement({
            ticketId: data.ticket.ticketId,
            summary: data.ticket.summary,
            description: data.description,
            category: data.ticket.category,
            tags: data.ticket.tags,
            products: data.products,
            language: data.language,
            problemMessage: data.problemMessage?.text ?? fallback?.firstCustomer ?? null,
            resolution: data.resolution,
            decisiveMessage: data.decisiveMessage?.text ?? fallback?.lastAgentReply ?? null,
          }),
        ),
      );
    }

    const probes = elements.map((element) => duplicateProbe(duplicateText(element), element.language));
    const existing = await nearDuplicates(manager, this.bands, probes, this.settings.duplicateSimilarity);
    const matched = await articles.lockMany([...new Set([...existing.values()].map((m) => m.articleId))]);
    // Articles written by this batch, by id (the latest state), and the new drafts compared in memory.
    const changed = new Map<string, Article>();
    const drafts: Article[] = [];
    const draftBands = new Map<string, readonly SignatureBand[]>();
    const draftIndex = new TrigramIndex();
    const draftOf: Article[] = [];
    const learnings = elements.map((element, i) => {
      const { known: held } = fresh[i] ?? { known: null };
      const probe = probes[i];
      if (!held || !probe) throw new Error('batch element without its case');
      const inBatch = draftIndex.best(probe.trigrams, (id) => element.language === null || draftOf[id]?.language === element.language);
      const stored = existing.get(i);
      const target =
        inBatch && inBatch.similarity >= this.settings.duplicateSimilarity && inBatch.similarity > (stored?.similarity ?? -1)
          ? draftOf[inBatch.id]
          : stored
            ? matched.get(stored.articleId)
            : undefined;
      let article: Article;
      let ownDraft = false;
      if (target) {
        const current = changed.get(target.id) ?? target;
        article = markForReview(attachSourceCase(current, element.sourceTicketId, now), `similar case ${held.number} attached: consider merging its resolution`, now);
      } else {
        article = draftArticle(this.newId(), { ...element, visibility: this.settings.extractedVisibility }, [element.sourceTicketId], now);
        drafts.push(article);
        // A draft's own bands: those of its language, which its probe looked up first.
        draftBands.set(article.id, probe.lookup.slice(0, SIGNATURE_BANDS));
        draftOf[draftIndex.add(probe.trigrams)] = article;
        ownDraft = true;
      }
      changed.set(article.id, article);
      return { ...element, ticketId: element.sourceTicketId, articleId: article.id, vectorOfArticle: ownDraft };
    });
    await articles.saveAll([...changed.values()]);
    this.bands.addWritten(drafts.map((draft) => ({ ...draft, bands: draftBands.get(draft.id) ?? [] })));
    await articles.recordRevisions(drafts.map((draft) => changed.get(draft.id) ?? draft), EXTRACTION_ACTOR);
    await cases.recordLearnings(learnings);
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
    const found = await nearDuplicates(manager, this.bands, [duplicateProbe(duplicateText(element), element.language)], this.settings.duplicateSimilarity);
    const best = found.get(0);
    return best ? new ArticlesRepository(manager).get({ kind: 'staff' }, best.articleId, true) : null;
  }

  private async phrase(element: KnowledgeElement): Promise<KnowledgeElement> {
    const rewritten = await this.summariser.rewriteElement(element);
    return rewritten ? { ...element, ...rewritten } : element;
  }
}
