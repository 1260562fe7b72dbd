import { SIGNATURE_BANDS, type SignatureBand } from '../near-duplicate-signature';

// Pairs are stored as [entry, hash] in a Uint32Array so that a BigUint64Array over the same
// memory sorts them by (hash, entry) with the native sort: on a little-endian machine the second
// word is the high one.
if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('the band table needs a little-endian machine');

/** Bands added since the last merge, beyond which the next add merges them into the sorted arrays. */
const MERGE_AT = 1 << 18;

/** Band and unsigned hash as one Map key (exact in a double). */
const keyOf = (band: number, hash: number) => band * 0x1_0000_0000 + (hash >>> 0);

/**
 * The LSH bands of article texts in memory, for the near-duplicate check: per band the (hash,
 * entry) pairs of the texts sorted by hash (8 bytes per band and text, ~130 MB at a million
 * articles), binary-searched; the bands added since the last merge sit in a Map and are merged
 * in once there are {@link MERGE_AT} of them. An entry is one text added (an article's id, kept as
 * 16 bytes); an article whose text changes is added again, and its old bands stay (they name the
 * article as a candidate, which the similarity check then rejects on the current text).
 */
export class BandTable {
  private sorted: Uint32Array[] = Array.from({ length: SIGNATURE_BANDS }, () => new Uint32Array(0));
  /** Per band, the pairs added since the last merge (the first `pendingLength[band]` words). */
  private pending: Uint32Array[] = Array.from({ length: SIGNATURE_BANDS }, () => new Uint32Array(1024));
  private pendingLength: number[] = new Array<number>(SIGNATURE_BANDS).fill(0);
  private pendingCount = 0;
  /** The pending pairs by band and hash; not kept during a bulk load, which merges before it is read. */
  private pendingByKey: Map<number, number[]> | null = new Map();
  private ids = new Uint8Array(16 * 1024);
  private count = 0;

  /** Texts added. */
  get entries(): number {
    return this.count;
  }

  /** Bytes held by the sorted pairs and the ids. */
  get bytes(): number {
    return this.sorted.reduce((sum, pairs) => sum + pairs.byteLength, 0) + this.ids.byteLength;
  }

  /** Adds the bands of one article text. */
  add(articleId: string, bands: readonly SignatureBand[]): void {
    const entry = this.addId(articleId);
    for (const { band, hash } of bands) {
      this.push(band, entry, hash >>> 0);
      if (this.pendingByKey) {
        const key = keyOf(band, hash);
        const entries = this.pendingByKey.get(key);
        if (entries) entries.push(entry);
        else this.pendingByKey.set(key, [entry]);
      }
    }
    this.pendingCount += bands.length;
    if (this.pendingByKey && this.pendingCount >= MERGE_AT) this.merge();
  }

  /** Starts a bulk load: adds are only collected, and {@link endBulk} sorts them in at once. */
  beginBulk(): void {
    this.merge();
    this.pendingByKey = null;
  }

  endBulk(): void {
    this.merge();
    this.pendingByKey = new Map();
  }

  /** The ids of the articles whose texts have this band (an id may repeat). */
  lookup(band: number, hash: number): string[] {
    const found: string[] = [];
    const pairs = this.sorted[band];
    if (pairs) {
      const target = hash >>> 0;
      let low = 0;
      let high = pairs.length >>> 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((pairs[2 * middle + 1] ?? 0) < target) low = middle + 1;
        else high = middle;
      }
      for (let i = low; 2 * i < pairs.length && pairs[2 * i + 1] === target; i += 1) found.push(this.idOf(pairs[2 * i] ?? 0));
    }
    for (const entry of this.pendingByKey?.get(keyOf(band, hash)) ?? []) found.push(this.idOf(entry));
    return found;
  }

  /** Whether every band already names this article (its text was added before). */
  has(articleId: string, bands: readonly SignatureBand[]): boolean {
    return bands.length > 0 && bands.every(({ band, hash }) => this.lookup(band, hash).includes(articleId));
  }

  /** Sorts the pending pairs of every band into its sorted array. */
  private merge(): void {
    if (this.pendingCount === 0) return;
    for (let band = 0; band < SIGNATURE_BANDS; band += 1) {
      const pending = (this.pending[band] ?? new Uint32Array(0)).slice(0, this.pendingLength[band]);
      new BigUint64Array(pending.buffer).sort();
      this.sorted[band] = mergePairs(this.sorted[band] ?? new Uint32Array(0), pending);
      this.pending[band] = new Uint32Array(1024);
      this.pendingLength[band] = 0;
    }
    this.pendingCount = 0;
    this.pendingByKey?.clear();
  }

  private push(band: number, entry: number, hash: number): void {
    let pending = this.pending[band];
    const length = this.pendingLength[band];
    if (!pending || length === undefined) throw new RangeError(`band ${band} out of range`);
    if (length + 2 > pending.length) {
      const grown = new Uint32Array(pending.length * 2);
      grown.set(pending);
      this.pending[band] = pending = grown;
    }
    pending[length] = entry;
    pending[length + 1] = hash;
    this.pendingLength[band] = length + 2;
  }

  private addId(articleId: string): number {
    if ((this.count + 1) * 16 > this.ids.length) {
      const grown = new Uint8Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    const hex = articleId.replaceAll('-', '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`not a uuid: ${articleId}`);
    for (let i = 0; i < 16; i += 1) this.ids[this.count * 16 + i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return this.count++;
  }

  private idOf(entry: number): string {
    let hex = '';
    for (let i = 0; i < 16; i += 1) hex += (this.ids[entry * 16 + i] ?? 0).toString(16).padStart(2, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** Two arrays of [entry, hash] pairs sorted by (hash, entry), merged into one. */
function mergePairs(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const ha = a[i + 1] ?? 0;
    const hb = b[j + 1] ?? 0;
    const takeA = ha < hb || (ha === hb && (a[i] ?? 0) <= (b[j] ?? 0));
    const from = takeA ? a : b;
    const at = takeA ? i : j;
    merged[k] = from[at] ?? 0;
    merged[k + 1] = from[at + 1] ?? 0;
    k += 2;
    if (takeA) i += 2;
    else j += 2;
  }
  merged.set(a.subarray(i), k);
  merged.set(b.subarray(j), k + (a.length - i));
  return merged;
}
