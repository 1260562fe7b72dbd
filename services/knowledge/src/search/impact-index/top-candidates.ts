import { ClauseUnions } from './clause-unions';
import { ALIVE, CUSTOMER_VISIBLE, PUBLISHED, type ImpactIndex } from './impact-index';
import { TopHeap } from './top-heap';
import type { LexemeClause } from './tsquery-clauses';

/** What to select candidates for: the compiled plan's clauses as lexemes, filters, the page size and the cap. */
export interface CandidateQuery {
  readonly clauses: readonly LexemeClause[];
  /** Excluded alternatives; single lexemes are removed here, phrases only by PostgreSQL. */
  readonly excluded: LexemeClause;
  readonly requireAll: boolean;
  readonly customer: boolean;
  readonly publishedOnly: boolean;
  readonly category: string | null;
  readonly language: string | null;
  readonly product: string | null;
  /** The page size: the loose tier is only looked at when the strict one has fewer. */
  readonly limit: number;
  /** Most candidates per tier (like the SQL plan's ranking caps). */
  readonly cap: number;
}

/** A kept candidate: its ordinal and its key (see {@link CandidateSelector}). */
export interface ScoredOrdinal {
  readonly ordinal: number;
  readonly key: number;
}

/** The kept candidates of both tiers, best first. */
export interface ScoredCandidates {
  readonly strict: readonly ScoredOrdinal[];
  readonly loose: readonly ScoredOrdinal[];
}

/**
 * What a clause found with impact C, B or A adds to a candidate's key: ts_rank's default weights
 * (0.2, 0.4, 1.0) times ten, so a title match outweighs two in the problem, as it does there.
 */
export const IMPACT_WEIGHT: readonly number[] = [0, 2, 4, 10];
const TITLE_WEIGHT = 10;
/** A loose key counts the clauses matched first: this is more than any sum of weights (24 clauses × 10). */
export const MATCHED_CLAUSE_KEY = 256;

/** A clause over lexeme ids, alternatives with an unknown lexeme dropped, each alternative's rarest lexeme first. */
interface ResolvedClause {
  readonly alternatives: readonly (readonly number[])[];
  readonly size: number;
  readonly multi: boolean;
}

type Probe = (ordinal: number) => number;

/**
 * What an article must pass: `required` flags (answered by `scope`, or word-wise by the index's
 * scope bitmaps) and, when set, the `rest` (category, language, product, single-word exclusions).
 */
interface Filters {
  readonly required: number;
  readonly scope: (ordinal: number) => boolean;
  readonly rest: ((ordinal: number) => boolean) | null;
}

/**
 * The words (of 32 articles) where both clauses and the scope have an article, with those bits,
 * into `present` and `words`; returns how many. Every word is written and the count only moves
 * on a nonzero one: with common clauses a fifth or more of the words are kept, in no pattern a
 * branch predictor could follow, and the branch-free loop is ~30 % faster.
 */
function scanPair(first: Uint32Array, second: Uint32Array, scope: Uint32Array | null, count: number, present: Uint32Array, words: Int32Array): number {
  const end = Math.min(count, first.length, second.length, scope ? scope.length : count);
  let left = 0;
  for (let w = 0; w < end; w += 1) {
    const all = (first[w] ?? 0) & (second[w] ?? 0) & (scope ? (scope[w] ?? 0) : -1);
    present[left] = all;
    words[left] = w;
    // 1 when any bit is set (the sign bit of `all | -all`), else 0.
    left += (all | -all) >>> 31;
  }
  return left;
}

/**
 * Top-k candidate selection over an {@link ImpactIndex}. Key of a strict candidate: the sum over
 * clauses of the weight of the lexeme's impact ({@link IMPACT_WEIGHT}: A 10, B 4, C 2); of a loose
 * one: clauses matched first ({@link MATCHED_CLAUSE_KEY} each), then that sum. The rarest clause drives: its
 * postings are read class A, then B, then C, and the reading stops once `cap` candidates are kept
 * whose scores the rest can no longer reach. The other clauses are only probed per visited
 * article (a packed lookup for a common lexeme, binary searches for a rarer one), never decoded.
 * On a tie at the cap's edge the packed intersection keeps the older articles (it offers them in
 * article order); the postings-driven reading keeps those it met first, as it stops once nothing
 * unread can score higher. Single-threaded and synchronous, so the visited-marks array is shared
 * between searches.
 */
export class CandidateSelector {
  private seen = new Uint32Array(0);
  private stamp = 0;
  private readonly unions = new ClauseUnions();
  private present = new Uint32Array(0);
  private words = new Int32Array(0);

  constructor(private readonly index: ImpactIndex) {}

  /** The kept candidates with their keys, best first (ties: the older article first). */
  selectScored(query: CandidateQuery): ScoredCandidates {
    this.prepareSeen();
    const clauses = query.clauses.map((c) => this.resolve(c)).sort((x, y) => x.size - y.size);
    const excluded = query.excluded.filter((a) => a.length === 1).flatMap((a) => {
      const id = this.index.lexemeId(a[0] ?? '');
      return id === undefined ? [] : [id];
    });
    const filters = this.filter(query, excluded);
    const rest = filters.rest;
    const passes = rest ? (ordinal: number) => filters.scope(ordinal) && rest(ordinal) : filters.scope;
    const strict = this.strict(clauses, filters, passes, query.cap);
    const loose = query.requireAll || strict.length >= query.limit ? [] : this.loose(clauses, passes, query.cap);
    return { strict, loose };
  }

  private strict(clauses: readonly ResolvedClause[], filters: Filters, passes: (ordinal: number) => boolean, cap: number): ScoredOrdinal[] {
    const driver = clauses[0];
    if (!driver || clauses.some((c) => c.alternatives.length === 0)) return [];
    // Every clause common: AND their packed impacts word by word (16 articles per word) instead
    // of visiting the driver's postings one by one (which cost 5–12 ms for three common words).
    if (clauses.length > 1 && driver.size > this.index.capacity / 16) {
      const words = this.packedClauses(clauses);
      if (words) return this.strictPacked(clauses, words, filters, cap);
    }
    const probes = clauses.slice(1).map((c) => this.probe(c));
    const heap = new TopHeap(cap);
    const stamp = this.nextStamp();
    const others = clauses.length - 1;
    for (const impact of [3, 2, 1] as const) {
      const bound = (IMPACT_WEIGHT[driver.multi ? 3 : impact] ?? 0) + TITLE_WEIGHT * others;
      if (heap.full && heap.minKey >= bound) break;
      if (!this.drive(driver, impact, stamp, passes, (ordinal, own) => {
        let score = IMPACT_WEIGHT[own] ?? 0;
        for (const probe of probes) {
          const found = probe(ordinal);
          if (found === 0) return true;
          score += IMPACT_WEIGHT[found] ?? 0;
        }
        heap.offer(score, ordinal);
        return !(heap.full && heap.minKey >= bound);
      })) break;
    }
    return heap.sorted();
  }

  /** Each clause's alternatives as packed words, or null when one is not a single common lexeme. */
  private packedClauses(clauses: readonly ResolvedClause[]): Uint32Array[][] | null {
    const result: Uint32Array[][] = [];
    for (const clause of clauses) {
      const words: Uint32Array[] = [];
      for (const alternative of clause.alternatives) {
        const packed = alternative.length === 1 ? this.index.packedWords(alternative[0] ?? 0) : null;
        if (!packed) return null;
        words.push(packed);
      }
      result.push(words);
    }
    return result;
  }

  /**
   * The strict candidates of common clauses: per word of 32 articles, the clauses' presence bits
   * ANDed with each other and with the scope's bits; only the articles left are scored, from the
   * packed impacts. A clause with several alternatives is read as their slot-wise maximum (see
   * {@link ClauseUnions}), so every clause is one array of impacts, one of presence bits and one
   * of title bits. With up to three clauses, an article with some clause in its title outranks
   * every article without (10 + 2 per further clause against at most 4 per clause): those are
   * scored first, and the rest only when they are fewer than `cap`.
   */
  private strictPacked(clauses: readonly ResolvedClause[], packed: readonly Uint32Array[][], filters: Filters, cap: number): ScoredOrdinal[] {
    const heap = new TopHeap(cap);
    const capacity = this.index.capacity;
    // Words of 32 articles to scan: past a lone alternative's bits no article has the clause, so nothing further can match.
    let count = Math.ceil(capacity / 32);
    for (const clause of clauses) {
      const only = clause.alternatives.length === 1 ? clause.alternatives[0]?.[0] : undefined;
      if (only !== undefined) count = Math.min(count, this.index.presenceWords(only)?.length ?? 0);
    }
    const impacts: Uint32Array[] = [];
    const presences: Uint32Array[] = [];
    const titles: Uint32Array[] = [];
    packed.forEach((alternatives, i) => {
      const only = alternatives.length === 1 ? alternatives[0] : undefined;
      const lexemes = clauses[i]?.alternatives.map((alternative) => alternative[0] ?? 0) ?? [];
      if (only) {
        impacts.push(only);
        presences.push(this.index.presenceWords(lexemes[0] ?? 0) ?? new Uint32Array(0));
        titles.push(this.index.titleWords(lexemes[0] ?? 0) ?? new Uint32Array(0));
        return;
      }
      const union = this.unions.of(lexemes, alternatives, Math.min(count * 2, Math.ceil(capacity / 16)), capacity);
      impacts.push(union.words);
      presences.push(union.presence);
      titles.push(union.title);
    });
    const scope = this.index.scopeWords(filters.required);
    // The first two clauses and the scope over all words in one tight loop, keeping the words
    // left (a loop over all clauses per word was 3–4× slower); each further clause then only
    // reads those, a tenth or less of the words for common words.
    const { present, words } = this.accumulators(count);
    let left = scanPair(presences[0] ?? new Uint32Array(0), presences[1] ?? new Uint32Array(0), scope, count, present, words);
    for (let c = 2; c < presences.length; c += 1) {
      const clause = presences[c] ?? new Uint32Array(0);
      let kept = 0;
      for (let i = 0; i < left; i += 1) {
        const w = words[i] ?? 0;
        const all = (present[i] ?? 0) & (clause[w] ?? 0);
        if (all === 0) continue;
        present[kept] = all;
        words[kept] = w;
        kept += 1;
      }
      left = kept;
    }
    const score = (w: number, bits: number) => this.scoreBits(heap, impacts, w, bits, scope, filters);
    const titleBitsOf = (w: number) => {
      let bits = 0;
      for (let c = 0; c < titles.length; c += 1) bits |= titles[c]?.[w] ?? 0;
      return bits;
    };
    const best = TITLE_WEIGHT * clauses.length;
    if (clauses.length <= 3) {
      for (let i = 0; i < left; i += 1) {
        const w = words[i] ?? 0;
        const titled = (present[i] ?? 0) & titleBitsOf(w);
        if (titled === 0) continue;
        score(w, titled);
        // Ties keep the earlier article, so once every kept candidate has the best possible score nothing later can enter.
        if (heap.full && heap.minKey >= best) break;
      }
      if (heap.full) return heap.sorted();
      for (let i = 0; i < left; i += 1) {
        const w = words[i] ?? 0;
        score(w, (present[i] ?? 0) & ~titleBitsOf(w));
      }
      return heap.sorted();
    }
    const problemOnly = (IMPACT_WEIGHT[2] ?? 0) * clauses.length;
    for (let i = 0; i < left; i += 1) {
      const w = words[i] ?? 0;
      let bits = present[i] ?? 0;
      // Once the kept keys are at least B's weight per clause, only an article with some clause in its title can still enter.
      if (heap.full && heap.minKey >= problemOnly) bits &= titleBitsOf(w);
      score(w, bits);
      if (heap.full && heap.minKey >= best) break;
    }
    return heap.sorted();
  }

  /** Offers the articles of word `w` (32 articles) whose bits are set, scored by their clauses' packed impacts. */
  private scoreBits(heap: TopHeap, impacts: readonly Uint32Array[], w: number, bits: number, scope: Uint32Array | null, filters: Filters): void {
    let all = bits;
    while (all !== 0) {
      const low = all & -all;
      all ^= low;
      const ordinal = w * 32 + (31 - Math.clz32(low));
      if (!scope && !filters.scope(ordinal)) continue;
      if (filters.rest && !filters.rest(ordinal)) continue;
      const at = ordinal >>> 4;
      const shift = (ordinal & 15) << 1;
      let score = 0;
      for (let c = 0; c < impacts.length; c += 1) score += IMPACT_WEIGHT[((impacts[c]?.[at] ?? 0) >>> shift) & 3] ?? 0;
      heap.offer(score, ordinal);
    }
  }

  private loose(clauses: readonly ResolvedClause[], passes: (ordinal: number) => boolean, cap: number): ScoredOrdinal[] {
    const present = clauses.filter((c) => c.alternatives.length > 0);
    if (present.length === 0) return [];
    const probes = present.map((c, i) => (i === 0 ? null : this.probe(c)));
    const heap = new TopHeap(cap);
    const stamp = this.nextStamp();
    for (let i = 0; i < present.length; i += 1) {
      const clause = present[i];
      if (!clause) continue;
      // An article first met in clause i has none of the rarer clauses before it.
      const rest = present.length - i;
      for (const impact of [3, 2, 1] as const) {
        const bound = rest * MATCHED_CLAUSE_KEY + (IMPACT_WEIGHT[clause.multi ? 3 : impact] ?? 0) + TITLE_WEIGHT * (rest - 1);
        if (heap.full && heap.minKey >= bound) return heap.sorted();
        const going = this.drive(clause, impact, stamp, passes, (ordinal, own) => {
          let matched = 1;
          let score = IMPACT_WEIGHT[own] ?? 0;
          for (let j = i + 1; j < present.length; j += 1) {
            const found = probes[j]?.(ordinal) ?? 0;
            if (found > 0) {
              matched += 1;
              score += IMPACT_WEIGHT[found] ?? 0;
            }
          }
          // Matching every clause makes it a strict candidate, not a loose one.
          if (matched === clauses.length) return true;
          heap.offer(matched * MATCHED_CLAUSE_KEY + score, ordinal);
          return !(heap.full && heap.minKey >= bound);
        });
        if (!going) return heap.sorted();
      }
    }
    return heap.sorted();
  }

  /**
   * Calls `visit` for each article of the clause first met at this impact (alive, passing the
   * filters, not excluded); stops and returns false when `visit` does.
   */
  private drive(clause: ResolvedClause, impact: 1 | 2 | 3, stamp: number, passes: (ordinal: number) => boolean, visit: (ordinal: number, own: number) => boolean): boolean {
    const seen = this.seen;
    for (const alternative of clause.alternatives) {
      const lead = alternative[0] ?? 0;
      for (const ordinal of this.index.postingsOf(lead, impact)) {
        if (seen[ordinal] === stamp) continue;
        let own: number = impact;
        if (alternative.length > 1) {
          own = this.alternativeImpact(alternative, ordinal);
          if (own === 0) continue;
        }
        seen[ordinal] = stamp;
        if (!passes(ordinal)) continue;
        if (!visit(ordinal, own)) return false;
      }
    }
    return true;
  }

  /** The clause's impact in an article: packed lookups for common lexemes, binary searches for the rest. */
  private probe(clause: ResolvedClause): Probe {
    const only = clause.alternatives.length === 1 && clause.alternatives[0]?.length === 1 ? clause.alternatives[0][0] : undefined;
    if (only !== undefined) return (ordinal) => this.index.impactOf(only, ordinal);
    return (ordinal) => this.clauseImpact(clause, ordinal);
  }

  private clauseImpact(clause: ResolvedClause, ordinal: number): number {
    let best = 0;
    for (const alternative of clause.alternatives) best = Math.max(best, this.alternativeImpact(alternative, ordinal));
    return best;
  }

  /** An alternative needs all its lexemes; its impact is their highest. */
  private alternativeImpact(alternative: readonly number[], ordinal: number): number {
    let best = 0;
    for (const lexeme of alternative) {
      const impact = this.index.impactOf(lexeme, ordinal);
      if (impact === 0) return 0;
      if (impact > best) best = impact;
    }
    return best;
  }

  private filter(query: CandidateQuery, excluded: readonly number[]): Filters {
    const index = this.index;
    const required = ALIVE | (query.customer ? PUBLISHED | CUSTOMER_VISIBLE : 0) | (query.publishedOnly ? PUBLISHED : 0);
    const category = query.category === null ? null : index.categoryCode(query.category);
    const language = query.language === null ? null : index.languageCode(query.language);
    const product = query.product === null ? null : index.productCode(query.product);
    const rest =
      category === null && language === null && product === null && excluded.length === 0
        ? null
        : (ordinal: number) =>
            (category === null || index.category(ordinal) === category) &&
            (language === null || index.language(ordinal) === language) &&
            (product === null || index.hasProduct(ordinal, product)) &&
            excluded.every((lexeme) => index.impactOf(lexeme, ordinal) === 0);
    return { required, scope: (ordinal) => (index.flags(ordinal) & required) === required, rest };
  }

  private resolve(clause: LexemeClause): ResolvedClause {
    const alternatives: number[][] = [];
    for (const lexemes of clause) {
      const ids = lexemes.map((l) => this.index.lexemeId(l));
      if (ids.some((id) => id === undefined)) continue;
      alternatives.push((ids as number[]).sort((x, y) => this.index.sizeOf(x) - this.index.sizeOf(y)));
    }
    const size = alternatives.reduce((n, a) => n + this.index.sizeOf(a[0] ?? 0), 0);
    return { alternatives, size, multi: alternatives.some((a) => a.length > 1) };
  }

  /** The packed selection's words left and their candidate slots, reused between searches. */
  private accumulators(count: number): { present: Uint32Array; words: Int32Array } {
    if (this.present.length < count) {
      this.present = new Uint32Array(Math.ceil(count * 1.25));
      this.words = new Int32Array(this.present.length);
    }
    return { present: this.present, words: this.words };
  }

  private prepareSeen(): void {
    if (this.seen.length < this.index.capacity) {
      this.seen = new Uint32Array(Math.max(1024, Math.ceil(this.index.capacity * 1.25)));
      this.stamp = 0;
    }
  }

  private nextStamp(): number {
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}
