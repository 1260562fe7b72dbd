// pg_trgm's similarity() in plain TypeScript, for comparing the resolved tickets of one batch with
// each other and a new case with its LSH candidates: lower-case words (letters and digits), each
// padded with two blanks in front and one behind, cut into distinct three-character trigrams;
// similarity = shared trigrams / all distinct trigrams of both.
//
// A trigram is kept as a small integer, not a string: a batch compares thousands of texts of
// hundreds of trigrams each, and three-character strings (allocated, hashed, collected) were most
// of the service's CPU per ticket. Three code points below 2⁹ (ASCII, Latin-1 with the umlauts
// and ß, Latin Extended-A) pack exactly into 27 bits; any other trigram is hashed into
// [2²⁷, 2³⁰), where two of them could collide (pg_trgm itself hashes every multi-byte trigram
// into three bytes). Both stay V8 small integers, which a Set holds without boxing.

const BLANK = 0x20;
const EXACT = 2 ** 9;
const HASHED = 2 ** 27;

/** The number of a trigram of three code points. */
function trigramCode(a: number, b: number, c: number): number {
  if (a < EXACT && b < EXACT && c < EXACT) return (a * EXACT + b) * EXACT + c;
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x27d4eb2f);
  h ^= h >>> 16;
  return HASHED + ((h >>> 0) % (2 ** 30 - HASHED));
}

/** The text of a trigram code from {@link trigramsOf} (only exact ones: code points below 2⁹). */
export function trigramText(code: number): string {
  const c = code % EXACT;
  const b = Math.floor(code / EXACT) % EXACT;
  const a = Math.floor(code / EXACT / EXACT);
  return String.fromCodePoint(a, b, c);
}

/** Word characters (letters and digits, `[\p{L}\p{N}]`) of the basic plane, looked up once each: 0 unknown, 1 word, 2 not. */
const WORD_CHARS = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordChar(c: number): boolean {
  if (c < 0x10000) {
    let known = WORD_CHARS[c] ?? 0;
    if (known === 0) {
      known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
      WORD_CHARS[c] = known;
    }
    return known === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(c));
}

/**
 * Calls `visit` with the code of every trigram of the text (repeats included): lower case, split
 * at every run of characters other than letters and digits, each word padded like pg_trgm. Scans
 * the text once, without splitting it into strings. (`TrigramComparer.similarity` has the same
 * scan written out.)
 */
function forEachTrigram(text: string, visit: (code: number) => void): void {
  const lower = text.toLowerCase();
  let a = BLANK;
  let b = BLANK;
  let inWord = false;
  for (let i = 0; i < lower.length; i += 1) {
    const c = lower.codePointAt(i) ?? BLANK;
    if (c > 0xffff) i += 1;
    if (isWordChar(c)) {
      visit(trigramCode(a, b, c));
      a = b;
      b = c;
      inWord = true;
    } else if (inWord) {
      visit(trigramCode(a, b, BLANK));
      a = BLANK;
      b = BLANK;
      inWord = false;
    }
  }
  if (inWord) visit(trigramCode(a, b, BLANK));
}

/** The distinct trigrams of a text, as pg_trgm's show_trgm() sees them, as numbers ({@link trigramText} shows one). */
export function trigramsOf(text: string): Set<number> {
  const trigrams = new Set<number>();
  forEachTrigram(text, (code) => trigrams.add(code));
  return trigrams;
}

/** pg_trgm's similarity of two trigram sets: shared / all distinct (0 for two empty texts). */
export function trigramSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const trigram of small) if (large.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * {@link trigramSimilarity} of a trigram set and a text, without building the text's set: the
 * text's trigrams go through one reused open-addressing table (stamped per call instead of
 * cleared). A batch checks thousands of candidate articles read only for this comparison.
 */
export class TrigramComparer {
  private codes = new Int32Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 0;
  /** `own` of the last call as an open-addressing table (-1 = empty): the candidates of one case come one after another. */
  private own: ReadonlySet<number> | null = null;
  private ownTable = new Int32Array(1024).fill(-1);

  /**
   * The similarity of `own` and `text`; with `atLeast`, a text that provably stays below it is
   * given up early and some value below `atLeast` returned. Most LSH candidates are chance
   * collisions sharing few trigrams, and the bound (every trigram still to come new and shared)
   * drops under the threshold about half-way through such a text. The scan of
   * {@link forEachTrigram} is written out here: this loop runs for every character of every
   * candidate, and the callback and the Set lookups were most of its time.
   */
  similarity(own: ReadonlySet<number>, text: string, atLeast = 0): number {
    const ownTable = this.tableOf(own);
    const ownMask = ownTable.length - 1;
    const lower = text.toLowerCase();
    // At most one trigram per character and one per word end: the table stays under half full.
    let capacity = this.codes.length;
    while (capacity < 2 * (lower.length + 2)) capacity *= 2;
    if (capacity !== this.codes.length || this.stamp === 0xffffffff) {
      this.codes = new Int32Array(capacity);
      this.stamps = new Uint32Array(capacity);
      this.stamp = 0;
    }
    this.stamp += 1;
    const { codes, stamps, stamp } = this;
    const mask = capacity - 1;
    const ownSize = own.size;
    let distinct = 0;
    let shared = 0;
    let a = BLANK;
    let b = BLANK;
    let inWord = false;
    for (let i = 0; ; i += 1) {
      let code: number;
      if (i >= lower.length) {
        // The end of the last word, then done.
        if (!inWord) break;
        code = trigramCode(a, b, BLANK);
        inWord = false;
      } else {
        const c = lower.codePointAt(i) ?? BLANK;
        if (c > 0xffff) i += 1;
        if (isWordChar(c)) {
          code = trigramCode(a, b, c);
          a = b;
          b = c;
          inWord = true;
        } else if (inWord) {
          code = trigramCode(a, b, BLANK);
          a = BLANK;
          b = BLANK;
          inWord = false;
        } else continue;
      }
      let slot = (Math.imul(code, 0x9e3779b1) >>> 0) & mask;
      let seen = false;
      while (stamps[slot] === stamp) {
        if (codes[slot] === code) {
          seen = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (seen) continue;
      stamps[slot] = stamp;
      codes[slot] = code;
      distinct += 1;
      let ownSlot = (Math.imul(code, 0x9e3779b1) >>> 0) & ownMask;
      for (let held = ownTable[ownSlot] ?? -1; held !== -1; held = ownTable[ownSlot] ?? -1) {
        if (held === code) {
          shared += 1;
          break;
        }
        ownSlot = (ownSlot + 1) & ownMask;
      }
      if (atLeast > 0) {
        // Best case from here: every trigram still to come (at most one per character left and
        // the last word's end) is new and one of `own`'s. A margin far below one trigram keeps a
        // text exactly at the threshold out of rounding's way.
        const best = shared + Math.min(Math.max(0, lower.length - i), ownSize - shared);
        if (best < atLeast * (ownSize + distinct - shared) - 1e-9) return 0;
      }
    }
    if (ownSize === 0 && distinct === 0) return 0;
    return shared / (ownSize + distinct - shared);
  }

  private tableOf(own: ReadonlySet<number>): Int32Array {
    if (own === this.own) return this.ownTable;
    let capacity = 1024;
    while (capacity < 2 * own.size) capacity *= 2;
    const table = capacity === this.ownTable.length ? this.ownTable.fill(-1) : new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (const code of own) {
      let slot = (Math.imul(code, 0x9e3779b1) >>> 0) & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = code;
    }
    this.own = own;
    this.ownTable = table;
    return table;
  }
}

/**
 * Texts compared with each other, each with the best earlier one it resembles. Built for a
 * batch: an inverted index from trigram to the texts added so far, so one lookup costs the
 * postings of its trigrams, not a comparison with every earlier text; shared trigrams are
 * counted in a typed array (a Map per lookup was most of the batch's in-memory time).
 */
export class TrigramIndex {
  private readonly sizes: number[] = [];
  private readonly postings = new Map<number, number[]>();
  private counts = new Int32Array(64);

  /** Adds a text; returns its number. */
  add(trigrams: ReadonlySet<number>): number {
    const id = this.sizes.length;
    this.sizes.push(trigrams.size);
    for (const trigram of trigrams) {
      const list = this.postings.get(trigram);
      if (list) list.push(id);
      else this.postings.set(trigram, [id]);
    }
    if (this.counts.length < this.sizes.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    return id;
  }

  /** The added text most similar to `trigrams` among those `accept` allows, with its similarity (null when none shares a trigram). */
  best(trigrams: ReadonlySet<number>, accept: (id: number) => boolean): { id: number; similarity: number } | null {
    const counts = this.counts;
    const touched: number[] = [];
    for (const trigram of trigrams) {
      const list = this.postings.get(trigram);
      if (!list) continue;
      for (const id of list) if ((counts[id] = (counts[id] ?? 0) + 1) === 1) touched.push(id);
    }
    // Ids in ascending order, as the Map of the first version iterated them (ties keep the earliest text).
    touched.sort((x, y) => x - y);
    let best: { id: number; similarity: number } | null = null;
    for (const id of touched) {
      const count = counts[id] ?? 0;
      counts[id] = 0;
      const similarity = count / (trigrams.size + (this.sizes[id] ?? 0) - count);
      if ((!best || similarity > best.similarity) && accept(id)) best = { id, similarity };
    }
    return best;
  }
}
