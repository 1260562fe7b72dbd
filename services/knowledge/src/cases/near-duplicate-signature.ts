// MinHash signatures with LSH bands for the near-duplicate check of resolved tickets.
//
// A case is compared with the articles by trigram similarity (pg_trgm's measure, see
// trigram-similarity.ts), but only with candidates: the articles that agree with it on at least
// one band. A band is four MinHash values of the text's words folded into one 32-bit hash, so
// two texts share a band with probability J⁴ (J = Jaccard similarity of their word sets), and
// one of 16 bands with 1 − (1 − J⁴)¹⁶: 0.64 at J = 0.5, 0.89 at 0.6, 0.99 at 0.7 (a case with
// small wording differences), but ~10⁻⁵ for unrelated texts (J ≈ 0.03). The bands of every
// article are kept in each process's memory (`band-index/`), so a whole batch is probed without
// a full-text probe per case. While they lived in a btree, each band was a random leaf page to
// read and write (~40 % of the database's CPU per resolved ticket with 24 bands, hence 16 since
// migration 1764400000000; migration 1764500000000 dropped the table).
//
// Words: lower case, accents folded, at least three letters, common German/English function
// words dropped, cut to their first five characters (a crude stemmer: "druckt"/"drucker",
// "meeting"/"meetings" agree). Nothing here has to match PostgreSQL: signatures are only ever
// computed by this module (for new cases, new and changed articles, every process's start).

/**
 * Bands per text and MinHash values per band. Nothing stores them: every process computes the
 * bands at start (the down migration of 1764500000000 rebuilds the old table with these values).
 * Band k depends only on MinHash values 4k … 4k + 3.
 */
export const SIGNATURE_BANDS = 16;
export const ROWS_PER_BAND = 4;

const STOP_WORDS = new Set(
  ('und der die das ist nicht ich wir sie es ein eine einen mit auf für fur bei von zu im den dem des sich auch noch nach wenn kann wird ' +
    'werden haben hat habe seit mehr kein keine oder aber bitte danke unser unsere ihr ihre mein meine wieder dann dass jetzt ' +
    'the and is not we you it an with on for at from to in of this that our my your are was were be been have has had does do did ' +
    'no any or but please thanks can since when again still after before there then now').split(' '),
);

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a of a word or text (UTF-16 code units). */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One seed per MinHash function: h_k(x) = fmix32(x ⊕ seed_k), a different permutation of the word hashes each. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_BANDS * ROWS_PER_BAND }, (_, k) => fmix32(Math.imul(k + 1, 0x9e3779b9)));

/** The distinct word features of a text (see the file comment). */
export function signatureWords(text: string): Set<string> {
  const words = new Set<string>();
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    words.add(word.slice(0, 5));
  }
  return words;
}

/** One band of a text: its number (0 … SIGNATURE_BANDS − 1) and the hash of its MinHash values (a signed 32-bit integer, as stored). */
export interface SignatureBand {
  readonly band: number;
  readonly hash: number;
}

/** The languages an article can have besides none (`Article['language']`). */
const LANGUAGES = ['de', 'en'] as const;

/**
 * The LSH bands of a text in its language; none for a text without words (it matches nothing).
 * The language seeds each band's hash, so a case only ever shares bands with articles of its own
 * language (which the check requires anyway): in a bilingual base half the chance collisions,
 * each an article read and compared for nothing, disappear. A text without a language hashes
 * with seed 0, as before languages took part.
 */
export function signatureBands(text: string, language: string | null): SignatureBand[] {
  const minima = minHashes(text);
  return minima ? bandsOf(minima, language) : [];
}

/**
 * The bands a case looks up: those of its language, or, for a case of unknown language (which
 * may join an article of any language), the bands of the text in every language.
 */
export function lookupBands(text: string, language: string | null): SignatureBand[] {
  const minima = minHashes(text);
  if (!minima) return [];
  return language !== null ? bandsOf(minima, language) : [null, ...LANGUAGES].flatMap((l) => bandsOf(minima, l));
}

function minHashes(text: string): Uint32Array | null {
  const words = signatureWords(text);
  if (words.size === 0) return null;
  const minima = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const word of words) {
    const x = wordHash(word);
    for (let k = 0; k < SEEDS.length; k += 1) {
      const h = fmix32(x ^ (SEEDS[k] ?? 0));
      if (h < (minima[k] ?? 0)) minima[k] = h;
    }
  }
  return minima;
}

function bandsOf(minima: Uint32Array, language: string | null): SignatureBand[] {
  const seed = language === null ? 0 : wordHash(language);
  const bands: SignatureBand[] = [];
  for (let band = 0; band < SIGNATURE_BANDS; band += 1) {
    let h = fmix32((band + 1) ^ seed);
    for (let row = 0; row < ROWS_PER_BAND; row += 1) h = fmix32(Math.imul(h, 31) ^ (minima[band * ROWS_PER_BAND + row] ?? 0));
    bands.push({ band, hash: h | 0 });
  }
  return bands;
}

/** The text of a case or article compared for near-duplicates: title, problem and resolution. */
export function duplicateText(content: { readonly title: string; readonly problem: string; readonly resolution: string }): string {
  return `${content.title}\n${content.problem}\n${content.resolution}`;
}
