import type { EntityManager } from 'typeorm';
import type { ArticleScope } from '../articles/articles.repository';
import { bestPassages, type ScoredPassage } from './passages';
import { normalizeWords, parseQuery, type ParsedQuery } from './query-syntax';
import type { PlanCandidates } from './impact-index/plan-candidates';
import { ExpiringCache } from './plan-cache';
import { indexedPage } from './indexed-page';
import { SearchRepository, type ArticleHit, type CompiledPlan, type Facets, type SearchFilters } from './search.repository';
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
/** Natural-language text (ticket descriptions) is cut to this many distinct words before searching. */
const MAX_TEXT_WORDS = 24;
/** Compiled queries kept per process, and for how long (see {@link ExpiringCache}). */
const PLAN_CACHE_ENTRIES = 5_000;
const PLAN_CACHE_TTL_MS = 30_000;

/** A query as the search statement needs it: its tsqueries and the typo corrections made. */
interface PreparedQuery {
  readonly compiled: CompiledPlan | null;
  readonly corrections: string[];
  /** For a query with a word not in the vocabulary: the vocabulary epoch it was prepared in (null: any). */
  readonly epoch: number | null;
}

/**
 * Search, similar-case suggestions and extractive answers over the articles and resolved tickets.
 * Every method takes the EntityManager to read with (the gRPC path the pool's, an event handler
 * its transaction's). Compiled queries are cached per process for half a minute, so a repeated
 * query costs one statement.
 */
export class SearchEngine {
  private readonly prepared = new ExpiringCache<PreparedQuery>(PLAN_CACHE_ENTRIES, PLAN_CACHE_TTL_MS);

  /** `index`: the in-memory candidate index (null: always the SQL plan). */
  constructor(private readonly index: PlanCandidates | null = null) {}

  /**
   * One statement when the query was prepared in the last half minute (and all its words were
   * known), else four. With the in-memory index loaded, the index ranks and PostgreSQL returns the
   * page's rows (see `indexed-page.ts`); else, and for what the index does not read (phrases,
   * prefixes), the SQL plan ranks with ts_rank over PostgreSQL's GIN indexes.
   */
  async search(manager: EntityManager, scope: ArticleScope, query: string, filters: SearchFilters, limit: number): Promise<SearchResult> {
    const repository = new SearchRepository(manager);
    const parsed = parseQuery(query);
    for (let attempt = 0; ; attempt += 1) {
      const { prepared, reused, key } = await this.prepare(repository, parsed);
      const { compiled, corrections } = prepared;
      const candidateQuery = compiled && this.index ? this.index.query(scope, compiled, filters, limit) : null;
      const indexed = candidateQuery && this.index ? this.index.candidates(candidateQuery) : null;
      if (!compiled || !candidateQuery || !indexed) {
        this.forgetCorrected(prepared, key);
        return { ...(await repository.page(scope, compiled, filters, limit, true)), corrections };
      }
      const page = await indexedPage(repository, { scope, plan: compiled, filters, limit, query: candidateQuery, indexed });
      // Articles written since the index last read may have brought a word this plan corrected
      // away (kept until the index reads them): prepare it again and search once more.
      if (page.changed && prepared.epoch !== null && reused && attempt === 0) {
        this.prepared.delete(key);
        continue;
      }
      return { hits: page.hits, facets: page.facets, corrections };
    }
  }

  /** Published articles and similar resolved tickets for a ticket's text, best first (staff view). */
  async suggest(manager: EntityManager, text: string, limit: number, excludeTicketId: string | null = null): Promise<Suggestion[]> {
    const repository = new SearchRepository(manager);
    const { compiled } = await this.prepareForSqlPlan(repository, naturalQuery(text));
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

  /** The best passages of the best articles for a question. */
  async passages(manager: EntityManager, scope: ArticleScope, question: string): Promise<ScoredPassage[]> {
    const repository = new SearchRepository(manager);
    const { compiled } = await this.prepareForSqlPlan(repository, naturalQuery(question));
    return bestPassages(question, await repository.articles(scope, compiled, NO_FILTERS, 3), 3);
  }

  /** The compiled query, from the cache when it was prepared recently (parsing, vocabulary and compiling cost three round trips). */
  private async prepare(repository: SearchRepository, parsed: ParsedQuery): Promise<{ prepared: PreparedQuery; reused: boolean; key: string }> {
    const key = JSON.stringify(parsed);
    const cached = this.prepared.get(key);
    const epoch = this.index?.vocabularyEpoch() ?? null;
    if (cached && (cached.epoch === null || cached.epoch === epoch)) return { prepared: cached, reused: true, key };
    const { plan, corrections, allKnown } = await this.plan(repository, parsed);
    // A word not (yet) in the vocabulary is searched with its nearest vocabulary words; once an
    // article brings the word itself, that correction is wrong. Only articles add words: such a
    // query is kept until the in-memory index reads written articles, and a search that finds
    // articles written since the index last read prepares it again (see `search`).
    const prepared = { compiled: await repository.compile(plan), corrections, epoch: allKnown ? null : epoch };
    if (allKnown || epoch !== null) this.prepared.set(key, prepared);
    return { prepared, reused: false, key };
  }

  /** A compiled query for the SQL plan, which cannot tell whether articles were written since the index last read. */
  private async prepareForSqlPlan(repository: SearchRepository, parsed: ParsedQuery): Promise<PreparedQuery> {
    const { prepared, key } = await this.prepare(repository, parsed);
    this.forgetCorrected(prepared, key);
    return prepared;
  }

  /** Drops a kept plan with corrections: only a search over the index can tell that it is still right. */
  private forgetCorrected(prepared: PreparedQuery, key: string): void {
    if (prepared.epoch !== null) this.prepared.delete(key);
  }

  private async plan(repository: SearchRepository, parsed: ParsedQuery): Promise<{ plan: SearchPlan; corrections: string[]; allKnown: boolean }> {
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
    const allKnown = words.every((word) => facts.get(word)?.known === true);
    return { plan: { clauses: clauses.filter((c) => c.length > 0), excluded, requireAll: parsed.explicit }, corrections, allKnown };
  }
}

/** A ticket text or question as a plain query: its distinct meaningful words, no operators. */
function naturalQuery(text: string): ParsedQuery {
  const words = [...new Set(normalizeWords(text).filter((w) => !isStopWord(w) && w.length >= 3))].slice(0, MAX_TEXT_WORDS);
  return { clauses: words.map((word) => [{ kind: 'word', word }]), excluded: [], explicit: false };
}
