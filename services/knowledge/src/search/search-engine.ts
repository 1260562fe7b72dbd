import type { EntityManager } from 'typeorm';
import type { ArticleScope } from '../articles/articles.repository';
import { bestPassages, type ScoredPassage } from './passages';
import { normalizeWords, parseQuery, type ParsedQuery } from './query-syntax';
import { SearchRepository, type ArticleHit, type Facets, type SearchFilters } from './search.repository';
import type { SearchPlan, SearchTerm } from './search-plan';
import { compoundSplits, expandWord, isStopWord } from './term-expansion';

/** A search result page. */
export interface SearchResult {
  readonly hits: readonly ArticleHit[];
  readonly facets: Facets;
  /** Query words replaced by typo correction, as "original→corrected". */
  readonly corrections: readonly string[];
}

/** One suggestion for a ticket: an article or a similar resolved ticket. */
export interface Suggestion {
  readonly kind: 'article' | 'ticket';
  readonly articleId: string | null;
  readonly ticketId: string | null;
  readonly title: string;
  readonly snippet: string;
  readonly score: number;
  readonly visibility: 'internal' | 'customer';
}

export const NO_FILTERS: SearchFilters = { category: null, product: null, language: null, publishedOnly: false };
/** Words of a new case compared with existing articles for duplicate detection. */
const DUPLICATE_WORDS = 16;
/** Natural-language text (ticket descriptions) is cut to this many distinct words before searching. */
const MAX_TEXT_WORDS = 24;

/**
 * Search, similar-case suggestions and extractive answers over the articles and resolved tickets.
 * Every method takes the EntityManager of a transaction to read in (the gRPC path opens a
 * read-only one, an event handler passes its own), so the index scan bound applies.
 */
export class SearchEngine {
  async search(manager: EntityManager, scope: ArticleScope, query: string, filters: SearchFilters, limit: number): Promise<SearchResult> {
    const repository = new SearchRepository(manager);
    await repository.boundIndexScans();
    const { plan, corrections } = await this.plan(repository, parseQuery(query));
    const compiled = await repository.compile(plan);
    const [hits, facets] = await Promise.all([repository.articles(scope, compiled, filters, limit), repository.facets(scope, compiled, filters)]);
    return { hits, facets, corrections };
  }

  /** Published articles and similar resolved tickets for a ticket's text, best first (staff view). */
  async suggest(manager: EntityManager, text: string, limit: number, excludeTicketId: string | null = null): Promise<Suggestion[]> {
    const repository = new SearchRepository(manager);
    await repository.boundIndexScans();
    const compiled = await repository.compile((await this.plan(repository, naturalQuery(text))).plan);
    const [articles, cases] = await Promise.all([
      repository.articles({ kind: 'staff' }, compiled, { ...NO_FILTERS, publishedOnly: true }, limit),
      repository.cases(compiled, limit, excludeTicketId),
    ]);
    const suggestions: Suggestion[] = [
      ...articles.map((a) => ({ kind: 'article' as const, articleId: a.articleId, ticketId: null, title: a.title, snippet: a.snippet, score: a.score, visibility: a.visibility })),
      ...cases.map((c) => ({ kind: 'ticket' as const, articleId: null, ticketId: c.ticketId, title: `${c.number}: ${c.title}`, snippet: c.snippet, score: c.score, visibility: 'internal' as const })),
    ];
    return suggestions.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => ({ ...s, score: Math.min(1, Math.max(0, s.score)) }));
  }

  /**
   * Ids of the articles (any status) best matching a text in a language, for duplicate detection:
   * its words as they are (a near-duplicate shares them; no typo or compound expansion) and few
   * loose candidates, since only close matches matter.
   */
  async similarArticles(manager: EntityManager, text: string, language: string | null, limit: number): Promise<string[]> {
    const repository = new SearchRepository(manager);
    await repository.boundIndexScans();
    const words = naturalQuery(text).clauses.slice(0, DUPLICATE_WORDS);
    const plan: SearchPlan = { clauses: words.map((c) => c.flatMap((a) => (a.kind === 'word' ? [{ kind: 'word' as const, text: a.word }] : []))), excluded: [], requireAll: false };
    const hits = await repository.articles({ kind: 'staff' }, await repository.compile(plan), { ...NO_FILTERS, language }, limit, { strict: 200, loose: 100 });
    return hits.map((h) => h.articleId);
  }

  /** The best passages of the best articles for a question. */
  async passages(manager: EntityManager, scope: ArticleScope, question: string): Promise<ScoredPassage[]> {
    const repository = new SearchRepository(manager);
    await repository.boundIndexScans();
    const compiled = await repository.compile((await this.plan(repository, naturalQuery(question))).plan);
    return bestPassages(question, await repository.articles(scope, compiled, NO_FILTERS, 3), 3);
  }

  private async plan(repository: SearchRepository, parsed: ParsedQuery): Promise<{ plan: SearchPlan; corrections: string[] }> {
    const meaningful = parsed.clauses.map((c) => c.filter((a) => a.kind === 'phrase' || !isStopWord(a.word))).filter((c) => c.length > 0);
    const words = [...new Set(meaningful.flatMap((c) => c.flatMap((a) => (a.kind === 'word' ? [a.word] : []))))];
    const facts = await repository.vocabulary(words);
    const knownParts = await repository.knownTerms([...new Set(words.flatMap((w) => compoundSplits(w).flat()))]);
    const corrections: string[] = [];
    const clauses = meaningful.map((clause) =>
      clause.flatMap((alternative): SearchTerm[] => {
        if (alternative.kind === 'phrase') return [{ kind: 'phrase', text: alternative.words.join(' ') }];
        const fact = facts.get(alternative.word) ?? { known: false, near: [], containing: [] };
        const { words: expanded, corrected } = expandWord(alternative.word, fact, knownParts);
        if (corrected) corrections.push(`${alternative.word}→${corrected}`);
        return expanded.map((text) => ({ kind: 'word', text }));
      }),
    );
    const excluded = parsed.excluded.map((a): SearchTerm => (a.kind === 'word' ? { kind: 'word', text: a.word } : { kind: 'phrase', text: a.words.join(' ') }));
    return { plan: { clauses: clauses.filter((c) => c.length > 0), excluded, requireAll: parsed.explicit }, corrections };
  }
}

/** A ticket text or question as a plain query: its distinct meaningful words, no operators. */
function naturalQuery(text: string): ParsedQuery {
  const words = [...new Set(normalizeWords(text).filter((w) => !isStopWord(w) && w.length >= 3))].slice(0, MAX_TEXT_WORDS);
  return { clauses: words.map((word) => [{ kind: 'word', word }]), excluded: [], explicit: false };
}
