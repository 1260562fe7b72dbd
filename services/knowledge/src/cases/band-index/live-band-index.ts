import type { DataSource, EntityManager } from 'typeorm';
import { ArticleFeed, type FeedColumns } from '../../articles/article-feed';
import { duplicateText, signatureBands, wordHash, type SignatureBand } from '../near-duplicate-signature';
import { BandTable } from './band-table';

/** The bands one text of a batch looks up, by its position in the batch. */
export interface BandProbe {
  readonly i: number;
  readonly bands: readonly SignatureBand[];
}

/** What the index reports once loaded (logged). */
export interface BandLoadReport {
  readonly articles: number;
  readonly seconds: number;
  readonly mb: number;
}

/** An article's text as its bands are computed from it. */
interface ArticleText {
  readonly id: string;
  readonly version: string | null;
  readonly language: string | null;
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
}

const TEXT_COLUMNS: FeedColumns<ArticleText, ArticleText> = {
  sql: 'a.id, a.changed_xid::text AS version, a.language, a.title, a.problem, a.resolution',
  toItem: (row) => row,
};

/** Identifies a text cheaply (a MinHash costs ~25 µs, this ~1 µs). */
const fingerprintOf = (article: Omit<ArticleText, 'id' | 'version'>) => wordHash(`${article.language ?? ''}\n${duplicateText(article)}`);

/** Rows per read of the load and of a catch-up. */
const BATCH = 5_000;
/** Pause between the background catch-ups of a started index, which keep the one before each probe short. */
const POLL_MS = 1_000;
/** Pause before a started index tries a failed load again. */
const RETRY_MS = 2_000;
/** Articles whose last added text is remembered, so a row read twice by overlapping catch-ups is added once. */
const REMEMBERED = 100_000;

/**
 * The LSH bands of every article in memory (see `near-duplicate-signature.ts`), in place of a
 * table of 16 rows per article whose random btree inserts and probes were ~40 % of the
 * database's work per resolved ticket. Nothing is stored: the bands are computed from the
 * articles' texts, once at start (`start`, in the background) and then for every article written
 * since: every second in the background, and before every probe (`candidates` first reads the
 * rows whose `changed_xid` is at or above its horizon, with the caller's connection), so a probe
 * sees every article committed before it, as the table did, whichever replica wrote it. Bands of
 * a text written or read inside a transaction that then rolls back stay, and can only name a
 * candidate that the similarity check (on the stored text) drops.
 */
export class LiveBandIndex {
  private table = new BandTable();
  private horizon = '0';
  private loading: Promise<void> | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private catchingUp: Promise<void> = Promise.resolve();
  /** Id → the fingerprint of its text last added here (bounded, oldest first out). */
  private readonly added = new Map<string, number>();

  constructor(
    private readonly onLoaded: (report: BandLoadReport) => void = () => undefined,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Starts loading in the background (the service, at bootstrap; `candidates` waits for it), then
   * reads the articles written since every {@link POLL_MS}. A failed load (the database not
   * reachable at start: a restart, a failover) is tried again every {@link RETRY_MS}, so it is not
   * left to the first resolved ticket's transaction.
   */
  start(dataSource: DataSource): void {
    const later = (run: () => void, ms: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(run, ms);
      this.timer.unref();
    };
    const poll = (): void =>
      later(() => {
        this.catchUp(dataSource.manager)
          .catch((error: unknown) => this.onError(error))
          .finally(poll);
      }, POLL_MS);
    const load = (): void => {
      this.ensureLoaded(dataSource.manager).then(poll, (error: unknown) => {
        if (this.stopped) return;
        this.onError(error);
        later(load, RETRY_MS);
      });
    };
    load();
  }

  /** Ends a load in progress and the polling (shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.loading?.catch(() => undefined);
    await this.catchingUp;
  }

  /**
   * For each probe, the ids of the articles sharing at least one band with it (each once).
   * Loads the index with `manager` when it was not started, and first adds the articles written
   * since the last call.
   */
  async candidates(manager: EntityManager, probes: readonly BandProbe[]): Promise<{ readonly i: number; readonly articleId: string }[]> {
    await this.ensureLoaded(manager);
    await this.catchUp(manager);
    return probes.flatMap(({ i, bands }) => [...new Set(bands.flatMap(({ band, hash }) => this.table.lookup(band, hash)))].map((articleId) => ({ i, articleId })));
  }

  private ensureLoaded(manager: EntityManager): Promise<void> {
    this.loading ??= this.load(manager).catch((error: unknown) => {
      // A failed load is tried again by the next caller rather than leaving the check without bands.
      this.loading = null;
      this.table = new BandTable();
      throw error;
    });
    return this.loading;
  }

  private async load(manager: EntityManager): Promise<void> {
    const startedAt = performance.now();
    const feed = new ArticleFeed(manager, TEXT_COLUMNS);
    // Taken before the first read: whatever commits during the load is read by the catch-ups.
    this.horizon = await feed.horizon();
    this.table.beginBulk();
    await feed.readAll(BATCH, (articles) => articles.forEach((a) => this.table.add(a.id, signatureBands(duplicateText(a), a.language))), () => this.stopped);
    if (this.stopped) throw new Error('the near-duplicate bands were stopped while loading');
    this.table.endBulk();
    this.onLoaded({ articles: this.table.entries, seconds: (performance.now() - startedAt) / 1_000, mb: this.table.bytes / 2 ** 20 });
  }

  /** One catch-up at a time: two running side by side would both add the same rows. */
  private catchUp(manager: EntityManager): Promise<void> {
    const run = this.catchingUp.then(() => this.readChanges(manager));
    this.catchingUp = run.catch(() => undefined);
    return run;
  }

  private async readChanges(manager: EntityManager): Promise<void> {
    const feed = new ArticleFeed(manager, TEXT_COLUMNS);
    const next = await feed.horizon();
    await feed.readChangedSince(this.horizon, BATCH, (articles) => articles.forEach((article) => this.addOnce(article)));
    this.horizon = next;
  }

  /**
   * Adds the bands of articles this process has just written (new drafts, in the writing
   * transaction), computed by the caller: the probes of the same process see them at once, and
   * the catch-up that reads them back recognises their texts without hashing them again.
   */
  addWritten(articles: readonly (Omit<ArticleText, 'version'> & { readonly bands: readonly SignatureBand[] })[]): void {
    for (const article of articles) {
      this.remember(article.id, fingerprintOf(article));
      this.table.add(article.id, article.bands);
    }
  }

  /**
   * Adds an article's bands unless its text is the one last added here (a row read again, a
   * draft this process wrote) or every band already names it (an article whose other columns
   * changed, e.g. a case attached).
   */
  private addOnce(article: ArticleText): void {
    const fingerprint = fingerprintOf(article);
    if (this.added.get(article.id) === fingerprint) return;
    this.remember(article.id, fingerprint);
    const bands = signatureBands(duplicateText(article), article.language);
    if (!this.table.has(article.id, bands)) this.table.add(article.id, bands);
  }

  private remember(id: string, fingerprint: number): void {
    this.added.delete(id);
    this.added.set(id, fingerprint);
    if (this.added.size > REMEMBERED) {
      const oldest = this.added.keys().next();
      if (!oldest.done) this.added.delete(oldest.value);
    }
  }
}
