import type { Caller } from '@helpdesk/auth';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOfCaller } from '../articles/articles.service';
import type { Summariser } from '../extraction/summariser';
import type { ScoredPassage } from './passages';
import type { SearchEngine, SearchResult, Suggestion } from './search-engine';
import type { SearchFilters } from './search.repository';

/** An answer to a question. */
export interface Answer {
  readonly answer: string;
  readonly passages: readonly ScoredPassage[];
  readonly summarised: boolean;
}

/** The search use cases for API callers, in the caller's scope. */
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: SearchEngine,
    private readonly summariser: Summariser,
  ) {}

  search(caller: Caller, query: string, filters: SearchFilters, limit: number): Promise<SearchResult> {
    return this.read((manager) => this.engine.search(manager, scopeOfCaller(caller), query, filters, limit));
  }

  suggest(text: string, limit: number): Promise<Suggestion[]> {
    return this.read((manager) => this.engine.suggest(manager, text, limit));
  }

  /** The best passages; the summariser may phrase an answer from them only, citing them. */
  async ask(caller: Caller, question: string): Promise<Answer> {
    const passages = await this.read((manager) => this.engine.passages(manager, scopeOfCaller(caller), question));
    const phrased = passages.length > 0 ? await this.summariser.answer(question, passages) : null;
    return { answer: phrased ?? passages[0]?.text ?? '', passages, summarised: phrased !== null };
  }

  /** Searches read outside a transaction: a search is one statement, and BEGIN/COMMIT would triple its round trips. */
  private read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
