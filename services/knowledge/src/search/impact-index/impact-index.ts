import { topFacetValues, type Facets } from '../facets';
import { IntList } from './int-list';

/** An article as the index needs it: its filter fields and its lexemes by weight class. */
export interface IndexedArticle {
  readonly id: string;
  readonly status: string;
  readonly visibility: string;
  readonly language: string | null;
  readonly category: string | null;
  readonly products: readonly string[];
  /** Lexemes of `search_vector` with weight A (title), B (problem, products, tags), C (resolution); a lexeme may repeat in a lower class. */
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly c: readonly string[];
  /** `changed_xid` of the row as read (null for rows written before the column existed). */
  readonly version: string | null;
}

/** Impact of a lexeme in an article: its highest weight class (A = 3, B = 2, C = 1), 0 when absent. */
export type Impact = 0 | 1 | 2 | 3;

export const ALIVE = 1;
export const PUBLISHED = 2;
export const CUSTOMER_VISIBLE = 4;
/** The low bit of every two-bit slot of a packed word (16 articles per 32-bit word). */
export const LOW_SLOT_BITS = 0x55555555;
/** The flag combinations a search requires (staff; published only; customer), kept as bitmaps. */
const SCOPES: readonly number[] = [ALIVE, ALIVE | PUBLISHED, ALIVE | PUBLISHED | CUSTOMER_VISIBLE];

function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, needed: number, make: (n: number) => T): T {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * The in-memory search index: every article version gets an ordinal (appended, never reused), and
 * every lexeme three postings lists of ordinals, one per impact class, each ascending because
 * ordinals only grow. A changed article is appended again under a new ordinal and its old one
 * marked dead, so an update never rewrites a list (dead ordinals are skipped by the search and
 * reclaimed by the next full load). Per ordinal: flags (alive, published, customer-visible), the
 * category and language as small dictionary codes.
 */
export class ImpactIndex {
  private readonly lexicon = new Map<string, number>();
  private readonly postings: IntList[] = [];
  private readonly categories = new Dictionary();
  private readonly languages = new Dictionary();
  private readonly productNames = new Dictionary();
  /** Per ordinal, where its product codes start in `productCodes` and how many (products are few per article). */
  private productStart = new Int32Array(1024);
  private productCount = new Uint8Array(1024);
  private readonly productCodes = new IntList();
  private readonly ordinalOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private flagsOf = new Uint8Array(1024);
  private categoryOf = new Int32Array(1024);
  private languageOf = new Int32Array(1024);
  private versionOf = new Float64Array(1024);
  /**
   * Per scope (alive; alive and published; alive, published and customer-visible), one bit per
   * ordinal (32 to a word, like the presence bits of common lexemes): the packed selection ANDs a
   * whole word of 32 articles with it instead of testing flags article by article.
   */
  private scopeBits: Uint32Array[] = SCOPES.map(() => new Uint32Array(32));
  /** Per lexeme, the ordinal last added (dedupes a lexeme repeated in a lower class). */
  private lastOrdinalOf = new Int32Array(1024).fill(-1);
  private dead = 0;
  /**
   * Per common lexeme (at least 1/64 of the articles when last compacted), its impact in every
   * ordinal packed in two bits: the probes of the selection are then one lookup instead of three
   * binary searches, and never a decode of the list. At most 4× the bytes of the lexeme's postings.
   */
  private readonly dense: (Uint8Array | undefined)[] = [];
  /**
   * Per common lexeme, one bit per ordinal that has it (any class), 32 to a word: the selection's
   * scan over every article ANDs these, half the words and bytes of the packed impacts.
   */
  private readonly presence: (Uint32Array | undefined)[] = [];
  /** Per common lexeme, the same for the ordinals having it in the title (impact 3): a title match outranks any without one. */
  private readonly title: (Uint32Array | undefined)[] = [];

  /** Adds or replaces an article; a row read again unchanged (the poll's overlap) is skipped. */
  upsert(article: IndexedArticle): void {
    const version = article.version === null ? -1 : Number(article.version);
    const previous = this.ordinalOf.get(article.id);
    if (previous !== undefined) {
      if (version !== -1 && this.versionOf[previous] === version) return;
      this.kill(previous);
    }
    const ordinal = this.ids.length;
    this.ids.push(article.id);
    this.ordinalOf.set(article.id, ordinal);
    const size = ordinal + 1;
    this.flagsOf = grown(this.flagsOf, size, (n) => new Uint8Array(n));
    this.categoryOf = grown(this.categoryOf, size, (n) => new Int32Array(n));
    this.languageOf = grown(this.languageOf, size, (n) => new Int32Array(n));
    this.versionOf = grown(this.versionOf, size, (n) => new Float64Array(n));
    this.productStart = grown(this.productStart, size, (n) => new Int32Array(n));
    this.productCount = grown(this.productCount, size, (n) => new Uint8Array(n));
    this.flagsOf[ordinal] = ALIVE | (article.status === 'published' ? PUBLISHED : 0) | (article.visibility === 'customer' ? CUSTOMER_VISIBLE : 0);
    this.setScopeBits(ordinal, this.flagsOf[ordinal] ?? 0);
    this.categoryOf[ordinal] = article.category === null ? 0 : this.categories.code(article.category);
    this.languageOf[ordinal] = article.language === null ? 0 : this.languages.code(article.language);
    const products = [...new Set(article.products)].slice(0, 255);
    this.productStart[ordinal] = this.productCodes.length;
    this.productCount[ordinal] = products.length;
    for (const product of products) this.productCodes.push(this.productNames.code(product));
    this.versionOf[ordinal] = version;
    this.addLexemes(ordinal, article.a, 3);
    this.addLexemes(ordinal, article.b, 2);
    this.addLexemes(ordinal, article.c, 1);
  }

  /** Marks an article as gone (e.g. deleted); its postings stay until the next full load. */
  remove(id: string): void {
    const ordinal = this.ordinalOf.get(id);
    if (ordinal === undefined) return;
    this.ordinalOf.delete(id);
    this.kill(ordinal);
  }

  private kill(ordinal: number): void {
    if (((this.flagsOf[ordinal] ?? 0) & ALIVE) === 0) return;
    this.flagsOf[ordinal] = 0;
    this.setScopeBits(ordinal, 0);
    this.dead += 1;
  }

  private setScopeBits(ordinal: number, flags: number): void {
    const word = ordinal >>> 5;
    const bit = 1 << (ordinal & 31);
    for (let i = 0; i < SCOPES.length; i += 1) {
      const required = SCOPES[i] ?? ALIVE;
      let bits = this.scopeBits[i] ?? new Uint32Array(0);
      if (word >= bits.length) {
        const next = new Uint32Array(Math.max(word + 1, bits.length * 2));
        next.set(bits);
        bits = next;
        this.scopeBits[i] = bits;
      }
      bits[word] = (flags & required) === required ? (bits[word] ?? 0) | bit : (bits[word] ?? 0) & ~bit;
    }
  }

  /**
   * The ordinals passing `required` flags (one of {@link SCOPES}) as words of 32 bits, bit
   * `ordinal & 31` of word `ordinal >>> 5` set when its article passes; null for another combination.
   */
  scopeWords(required: number): Uint32Array | null {
    const i = SCOPES.indexOf(required);
    return i < 0 ? null : (this.scopeBits[i] ?? null);
  }

  private addLexemes(ordinal: number, lexemes: readonly string[], impact: 1 | 2 | 3): void {
    for (const lexeme of lexemes) {
      let id = this.lexicon.get(lexeme);
      if (id === undefined) {
        id = this.lexicon.size;
        this.lexicon.set(lexeme, id);
        this.postings.push(new IntList(), new IntList(), new IntList());
        this.lastOrdinalOf = grown(this.lastOrdinalOf, id + 1, (n) => new Int32Array(n).fill(-1));
      }
      // Classes are added A, B, C: a lexeme already added for this ordinal has a higher class.
      if (this.lastOrdinalOf[id] === ordinal) continue;
      this.lastOrdinalOf[id] = ordinal;
      this.postings[id * 3 + impact - 1]?.push(ordinal);
      if (this.dense[id]) this.setDense(id, ordinal, impact);
    }
  }

  /** Drops the spare capacity of the postings lists and packs the impacts of common lexemes (after the initial load). */
  compact(): void {
    for (const list of this.postings) list.compact();
    const common = Math.max(1_024, this.capacity / 64);
    for (let id = 0; id < this.lexicon.size; id += 1) {
      if (this.dense[id] || this.sizeOf(id) < common) continue;
      this.dense[id] = new Uint8Array(wholeWords(Math.ceil((this.capacity * 1.25) / 4)));
      this.presence[id] = new Uint32Array(Math.ceil((this.capacity * 1.25) / 32));
      this.title[id] = new Uint32Array(Math.ceil((this.capacity * 1.25) / 32));
      for (const impact of [1, 2, 3] as const) for (const ordinal of this.postingsOf(id, impact)) this.setDense(id, ordinal, impact);
    }
  }

  private setDense(id: number, ordinal: number, impact: number): void {
    let packed = this.dense[id];
    if (!packed) return;
    const at = ordinal >> 2;
    if (at >= packed.length) {
      const grownPacked = new Uint8Array(wholeWords(Math.max(at + 1, Math.ceil(packed.length * 1.5))));
      grownPacked.set(packed);
      packed = grownPacked;
      this.dense[id] = packed;
    }
    packed[at] = (packed[at] ?? 0) | (impact << ((ordinal & 3) << 1));
    setBit(this.presence, id, ordinal);
    if (impact === 3) setBit(this.title, id, ordinal);
  }

  /** The packed impacts of a common lexeme as 32-bit words (16 ordinals each), or null for a rarer lexeme. */
  packedWords(lexemeId: number): Uint32Array | null {
    const packed = this.dense[lexemeId];
    return packed ? new Uint32Array(packed.buffer, packed.byteOffset, packed.length >> 2) : null;
  }

  /** Which ordinals have a common lexeme, one bit each (see {@link presence}), or null for a rarer lexeme. */
  presenceWords(lexemeId: number): Uint32Array | null {
    return this.presence[lexemeId] ?? null;
  }

  /** Which ordinals have a common lexeme in the title, one bit each, or null for a rarer lexeme. */
  titleWords(lexemeId: number): Uint32Array | null {
    return this.title[lexemeId] ?? null;
  }

  /** Bytes held by the packed impacts, presence and title bits of common lexemes. */
  get denseBytes(): number {
    const bytes = (arrays: readonly (ArrayBufferView | undefined)[]) => arrays.reduce((n, array) => n + (array?.byteLength ?? 0), 0);
    return bytes(this.dense) + bytes(this.presence) + bytes(this.title);
  }

  /** Bytes held by the postings lists. */
  get postingsBytes(): number {
    return this.postings.reduce((n, list) => n + list.bytes, 0);
  }

  /** The lexeme's id, or undefined when no article has it. */
  lexemeId(lexeme: string): number | undefined {
    return this.lexicon.get(lexeme);
  }

  /** Ordinals having the lexeme with exactly this impact, ascending. */
  postingsOf(lexemeId: number, impact: 1 | 2 | 3): Int32Array {
    return this.postings[lexemeId * 3 + impact - 1]?.view() ?? new Int32Array(0);
  }

  /** Postings of the lexeme over all classes. */
  sizeOf(lexemeId: number): number {
    return (this.postings[lexemeId * 3]?.length ?? 0) + (this.postings[lexemeId * 3 + 1]?.length ?? 0) + (this.postings[lexemeId * 3 + 2]?.length ?? 0);
  }

  /** The lexeme's impact in the article at `ordinal` (a packed lookup for common lexemes, else three binary searches). */
  impactOf(lexemeId: number, ordinal: number): Impact {
    const packed = this.dense[lexemeId];
    if (packed) return (((packed[ordinal >> 2] ?? 0) >> ((ordinal & 3) << 1)) & 3) as Impact;
    if (this.postings[lexemeId * 3 + 2]?.has(ordinal)) return 3;
    if (this.postings[lexemeId * 3 + 1]?.has(ordinal)) return 2;
    if (this.postings[lexemeId * 3]?.has(ordinal)) return 1;
    return 0;
  }

  flags(ordinal: number): number {
    return this.flagsOf[ordinal] ?? 0;
  }

  category(ordinal: number): number {
    return this.categoryOf[ordinal] ?? 0;
  }

  language(ordinal: number): number {
    return this.languageOf[ordinal] ?? 0;
  }

  /** Whether the article at `ordinal` names the product with this code. */
  hasProduct(ordinal: number, code: number): boolean {
    const start = this.productStart[ordinal] ?? 0;
    const end = start + (this.productCount[ordinal] ?? 0);
    const codes = this.productCodes.view();
    for (let i = start; i < end; i += 1) if (codes[i] === code) return true;
    return false;
  }

  /** The article's category, as written. */
  categoryValue(ordinal: number): string | null {
    return this.categories.value(this.categoryOf[ordinal] ?? 0);
  }

  /** The article's products, as written. */
  productValues(ordinal: number): string[] {
    const start = this.productStart[ordinal] ?? 0;
    const codes = this.productCodes.view().subarray(start, start + (this.productCount[ordinal] ?? 0));
    return Array.from(codes, (code) => this.productNames.value(code) ?? '');
  }

  /** Category and product counts over the articles at `ordinals`, most first (ties by value), at most {@link FACET_VALUES} each. */
  facets(ordinals: readonly number[]): Facets {
    const categories = new Map<number, number>();
    const products = new Map<number, number>();
    const codes = this.productCodes.view();
    for (const ordinal of ordinals) {
      const category = this.categoryOf[ordinal] ?? 0;
      if (category !== 0) categories.set(category, (categories.get(category) ?? 0) + 1);
      const start = this.productStart[ordinal] ?? 0;
      const end = start + (this.productCount[ordinal] ?? 0);
      for (let i = start; i < end; i += 1) {
        const product = codes[i] ?? 0;
        products.set(product, (products.get(product) ?? 0) + 1);
      }
    }
    const values = (counts: Map<number, number>, dictionary: Dictionary) => topFacetValues([...counts].map(([code, count]) => ({ value: dictionary.value(code) ?? '', count })));
    return { categories: values(categories, this.categories), products: values(products, this.productNames) };
  }

  /** `changed_xid` of the article version at `ordinal`, as read (-1: unknown). */
  version(ordinal: number): number {
    return this.versionOf[ordinal] ?? -1;
  }

  /** The dictionary code of a category, language or product value; -1 when no article has it (nothing can match). */
  categoryCode(value: string): number {
    return this.categories.lookup(value);
  }

  languageCode(value: string): number {
    return this.languages.lookup(value);
  }

  productCode(value: string): number {
    return this.productNames.lookup(value);
  }

  idOf(ordinal: number): string {
    return this.ids[ordinal] ?? '';
  }

  /** Ordinals handed out (live and dead). */
  get capacity(): number {
    return this.ids.length;
  }

  /** Live articles. */
  get articles(): number {
    return this.ids.length - this.dead;
  }

  get deadOrdinals(): number {
    return this.dead;
  }
}

/** Sets the ordinal's bit in the lexeme's bit array (32 ordinals a word), growing it by half when too short. */
function setBit(bitsOf: (Uint32Array | undefined)[], id: number, ordinal: number): void {
  let bits = bitsOf[id] ?? new Uint32Array(0);
  const word = ordinal >>> 5;
  if (word >= bits.length) {
    const grownBits = new Uint32Array(Math.max(word + 1, Math.ceil(bits.length * 1.5)));
    grownBits.set(bits);
    bits = grownBits;
    bitsOf[id] = bits;
  }
  bits[word] = (bits[word] ?? 0) | (1 << (ordinal & 31));
}

/** Rounds a byte count up to whole 32-bit words, so packed impacts can be read as words. */
function wholeWords(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}

/** Small codes for repeated values (categories, languages, products); code 0 means "none". */
class Dictionary {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [''];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  lookup(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  value(code: number): string | null {
    return code === 0 ? null : (this.values[code] ?? null);
  }
}
