import type { DataSource } from 'typeorm';
import { ImpactIndex } from './impact-index';
import { ArticleFeed } from '../../articles/article-feed';
import { INDEX_COLUMNS } from './index-feed';
import type { Facets } from '../facets';
import { scoreOfKey, type FacetValues, type RankedCandidate } from './ranked-candidates';
import { CandidateSelector, type CandidateQuery, type ScoredOrdinal } from './top-candidates';

/** Timing of the background work. */
export interface LiveIndexSettings {
  /** Rows per load batch. */
  readonly batchSize: number;
  /** Pause between change polls. */
  readonly pollMs: number;
}

export const DEFAULT_LIVE_INDEX_SETTINGS: LiveIndexSettings = { batchSize: 5_000, pollMs: 200 };

/** What the index reports once loaded (logged, and read by the benchmark through the log). */
export interface LoadReport {
  readonly articles: number;
  readonly seconds: number;
  readonly postingsMb: number;
  readonly packedMb: number;
  readonly rssMb: number;
}

/**
 * The ranked candidates (strict, then loose; best first), their facets, and the horizon the page
 * must still look past (rows changed since may be missing or stale here).
 */
export interface IndexedCandidates {
  readonly candidates: readonly RankedCandidate[];
  readonly facets: Facets;
  readonly horizon: string;
  /** The facet values of an ordinal (for facets counted again after rows read from the table joined). */
  readonly valuesOf: (ordinal: number) => FacetValues;
}

/**
 * The in-memory search index of this process, loaded in the background and kept fresh by
 * polling. Until it is loaded (or when stopped) `candidates` answers null and the SQL plan serves.
 * Freshness: every `pollMs` it reads the rows written by transactions with an xid at or above its
 * horizon (the xmin of the previous poll's snapshot), so a write is in the index at most ~one poll
 * plus one read after it commits — and the SQL step also reads the rows changed since the horizon
 * (see `candidate-page.ts`), so a committed write is found even before that.
 */
export class LiveSearchIndex {
  private index = new ImpactIndex();
  private selector = new CandidateSelector(this.index);
  private loaded = false;
  private stopped = false;
  private horizon = '0';
  /** Polls that read written rows. */
  private changes = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private dataSource: DataSource | null = null;

  constructor(
    private readonly settings: LiveIndexSettings = DEFAULT_LIVE_INDEX_SETTINGS,
    private readonly onLoaded: (report: LoadReport) => void = () => undefined,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts loading from `dataSource` in the background; returns at once. */
  start(dataSource: DataSource): void {
    this.dataSource = dataSource;
    this.running = this.load().catch((error: unknown) => this.onError(error));
  }

  /** Resolves once the initial load has finished (or failed). */
  async whenLoaded(): Promise<void> {
    await this.running;
  }

  /** Grows with every poll that read written rows. */
  get changesRead(): number {
    return this.changes;
  }

  get ready(): boolean {
    return this.loaded && !this.stopped;
  }

  /** The ranked candidates, or null when the index is not loaded. */
  candidates(query: CandidateQuery): IndexedCandidates | null {
    if (!this.ready) return null;
    const { strict, loose } = this.selector.selectScored(query);
    const clauses = query.clauses.length;
    const ranked = (tier: 0 | 1) => (c: ScoredOrdinal): RankedCandidate => ({
      id: this.index.idOf(c.ordinal),
      tier,
      key: c.key,
      score: scoreOfKey(tier, c.key, clauses),
      version: this.index.version(c.ordinal),
      ordinal: c.ordinal,
      values: null,
    });
    const index = this.index;
    return {
      candidates: [...strict.map(ranked(1)), ...loose.map(ranked(0))],
      facets: index.facets((strict.length > 0 ? strict : loose).map((c) => c.ordinal)),
      horizon: this.horizon,
      valuesOf: (ordinal) => ({ category: index.categoryValue(ordinal), products: index.productValues(ordinal) }),
    };
  }

  /** Stops polling; waits for a poll in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Reads the changes now (tests; the timer does it every `pollMs`). */
  async refresh(): Promise<void> {
    const feed = this.feed();
    const next = await feed.horizon();
    await feed.readChangedSince(this.horizon, this.settings.batchSize, (rows) => {
      rows.forEach((row) => this.index.upsert(row));
      if (rows.length > 0) this.changes += 1;
    });
    this.horizon = next;
  }

  private async load(): Promise<void> {
    const startedAt = performance.now();
    const feed = this.feed();
    // Taken before the first batch: whatever commits during the load is read again by the polls.
    this.horizon = await feed.horizon();
    await feed.readAll(this.settings.batchSize, (rows) => rows.forEach((row) => this.index.upsert(row)), () => this.stopped);
    if (this.stopped) return;
    this.index.compact();
    await this.refresh();
    this.loaded = true;
    this.onLoaded({
      articles: this.index.articles,
      seconds: (performance.now() - startedAt) / 1_000,
      postingsMb: this.index.postingsBytes / 2 ** 20,
      packedMb: this.index.denseBytes / 2 ** 20,
      rssMb: process.memoryUsage().rss / 2 ** 20,
    });
    this.schedule();
  }

  private feed() {
    if (!this.dataSource) throw new Error('the search index was not started');
    return new ArticleFeed(this.dataSource.manager, INDEX_COLUMNS);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.refresh()
        .catch((error: unknown) => this.onError(error))
        .finally(() => this.schedule());
    }, this.settings.pollMs);
    this.timer.unref();
  }
}
