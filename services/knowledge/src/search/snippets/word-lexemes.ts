import { createRequire } from 'node:module';
import { ENGLISH_STOP_WORDS, GERMAN_STOP_WORDS } from './stop-words';
import { UNACCENT_RULES } from './unaccent-rules';

/**
 * How PostgreSQL's parser classes a token, as far as the kn_* configurations treat the classes
 * differently: `ascii` (asciiword, asciihword, hword_asciipart: the snowball dictionary),
 * `word` (word, hword, hword_part — letters beyond ASCII: unaccent, then the snowball
 * dictionary), `other` (numbers, words with digits, hosts, e-mail addresses, paths: the simple
 * dictionary, lower case only).
 */
export type WordKind = 'ascii' | 'word' | 'other';

interface Stemmer {
  stem(word: string): string;
}
interface SnowballFactory {
  newStemmer(language: string): Stemmer;
}
// The package ships plain CommonJS without type declarations.
const snowball = createRequire(__filename)('snowball-stemmers') as SnowballFactory;

interface Dictionary {
  readonly stop: ReadonlySet<string>;
  readonly stemmer: Stemmer | null;
}
const SIMPLE: Dictionary = { stop: new Set(), stemmer: null };
const DICTIONARIES: ReadonlyMap<string, Dictionary> = new Map([
  ['kn_german', { stop: GERMAN_STOP_WORDS, stemmer: snowball.newStemmer('german') }],
  ['kn_english', { stop: ENGLISH_STOP_WORDS, stemmer: snowball.newStemmer('english') }],
  ['kn_simple', SIMPLE],
]);

/** Entries kept before the cache starts over: the working vocabulary of a busy service (the 1 M-article benchmark has ~60 000 words). */
const CACHE_LIMIT = 200_000;
/** Per configuration and kind, word → lexeme (null: a stop word). */
const caches = new Map<string, Record<WordKind, Map<string, string | null>>>();
let cached = 0;

/**
 * The lexeme PostgreSQL's configuration `config` ('kn_german', 'kn_english', 'kn_simple'; any
 * other name is read as kn_simple) gives a token of `kind`; null for a stop word. Cached: the
 * same words come back in every snippet and stemming costs microseconds.
 */
export function wordLexeme(config: string, kind: WordKind, word: string): string | null {
  return lexemesOf(config)(kind, word);
}

/**
 * {@link wordLexeme} for one configuration, its cache found once: a snippet's words all share
 * it, and looking it up per word hashed the configuration's name along with every word.
 */
export function lexemesOf(config: string): (kind: WordKind, word: string) => string | null {
  const dictionary = DICTIONARIES.get(config) ?? SIMPLE;
  let byKind = caches.get(config);
  if (byKind === undefined) {
    byKind = { ascii: new Map(), word: new Map(), other: new Map() };
    caches.set(config, byKind);
  }
  const kinds = byKind;
  return (kind, word) => {
    const cache = kinds[kind];
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    // Full: the next snippet starts from empty caches (this one keeps filling the maps it holds).
    if (cached >= CACHE_LIMIT) {
      caches.clear();
      cached = 0;
    }
    const lexeme = computeLexeme(dictionary, kind, word);
    cache.set(word, lexeme);
    cached += 1;
    return lexeme;
  };
}

function computeLexeme(dictionary: Dictionary, kind: WordKind, word: string): string | null {
  if (kind === 'other') return word.toLowerCase();
  // Like dict_snowball: lower case, then the stop list, then the stemmer. For `word` tokens the
  // stop list sees the unaccented word, so "für" (→ "fur") is no stop word in kn_german.
  const lower = (kind === 'word' ? unaccent(word) : word).toLowerCase();
  if (lower === '' || dictionary.stop.has(lower)) return null;
  return dictionary.stemmer ? dictionary.stemmer.stem(lower) : lower;
}

/** The text as PostgreSQL's unaccent dictionary folds it (ä→a, ß→ss, é→e, æ→ae …). */
export function unaccent(text: string): string {
  let out = '';
  for (const ch of text) out += UNACCENT_RULES.get(ch) ?? ch;
  return out;
}
