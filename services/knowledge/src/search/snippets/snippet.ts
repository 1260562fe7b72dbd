import { matchesQuery, type QueryLexemes } from './query-lexemes';
import { countsAsWord, isComposite, isNoEnd, kindOf, textTokens, type TextToken } from './text-tokens';
import { lexemesOf } from './word-lexemes';

/** Words in a fragment at most (ts_headline's MaxWords). */
const MAX_WORDS = 30;
/** Words shown when nothing matches (ts_headline's MinWords). */
const MIN_WORDS = 12;
const MAX_FRAGMENTS = 2;
/** Words of at most this many UTF-8 bytes make poor fragment ends (ts_headline's ShortWord). */
const SHORT_WORD = 3;
const START = '«';
const STOP = '»';
const DELIMITER = ' … ';

/** A token with the query lexeme it matches (null: none). */
interface Scanned {
  readonly token: TextToken;
  readonly match: string | null;
  readonly word: boolean;
  /** A poor place to end a fragment unless it matches (a blank, a number, a short word). */
  readonly badEnd: boolean;
}

/** A run of tokens, both ends matching, and what it holds. */
interface Cover {
  start: number;
  end: number;
  words: number;
  readonly distinct: number;
  excluded: boolean;
}

/**
 * The highlighted snippet of a hit, as PostgreSQL's `ts_headline(config, text, query,
 * 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`
 * would mark it: up to two fragments of at most 30 words around matching words, joined by " … "
 * in text order, every matching word «marked» (in a hyphenated word, the matching parts). The
 * fragments are those with the most distinct query lexemes (ts_headline takes the first matches).
 * When nothing matches: the first 12 words, unmarked.
 */
export function snippetOf(text: string, config: string, query: QueryLexemes): string {
  const scanned = scan(text, config, query);
  const shown = new Uint8Array(scanned.length);
  const covers = coversOf(scanned);
  let chosen = 0;
  while (chosen < MAX_FRAGMENTS) {
    const best = bestCover(covers);
    if (best === null) break;
    stretch(scanned, shown, best);
    shown.fill(1, best.start, best.end + 1);
    for (const other of covers) {
      if (other.start <= best.end && other.end >= best.start) other.excluded = true;
    }
    chosen += 1;
  }
  if (chosen === 0) {
    let words = 0;
    let end = 0;
    while (end < scanned.length && words < MIN_WORDS) {
      if (scanned[end]?.word) words += 1;
      end += 1;
    }
    shown.fill(1, 0, end);
  }
  return render(scanned, shown, ' ');
}

/** The whole text with every matching word «marked» (ts_headline with HighlightAll=true). */
export function highlightAll(text: string, config: string, query: QueryLexemes): string {
  const scanned = scan(text, config, query);
  return render(scanned, new Uint8Array(scanned.length).fill(1), null);
}

function scan(text: string, config: string, query: QueryLexemes): Scanned[] {
  const lexemeOf = lexemesOf(config);
  return textTokens(text).map((token) => {
    const kind = kindOf(token.type);
    const lexeme = kind === null ? null : lexemeOf(kind, token.text);
    const match = lexeme !== null && matchesQuery(lexeme, query) ? lexeme : null;
    const badEnd = match === null && (isNoEnd(token.type) || isShort(token.text));
    return { token, match, word: countsAsWord(token.type), badEnd };
  });
}

/** Whether a word has at most SHORT_WORD bytes in UTF-8, as ts_headline counts. */
function isShort(word: string): boolean {
  if (word.length > SHORT_WORD) return false;
  let bytes = 0;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes <= SHORT_WORD;
}

/** For every matching token, the longest run from it to a later match within the word limit. */
function coversOf(scanned: readonly Scanned[]): Cover[] {
  // Words before each token, so a run's length is one subtraction.
  const wordsBefore = new Int32Array(scanned.length + 1);
  const matches: number[] = [];
  scanned.forEach((t, i) => {
    wordsBefore[i + 1] = (wordsBefore[i] ?? 0) + (t.word ? 1 : 0);
    if (t.match !== null) matches.push(i);
  });
  const covers: Cover[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < matches.length; k += 1) {
    const start = matches[k] ?? 0;
    seen.clear();
    let end = start;
    for (let j = k; j < matches.length; j += 1) {
      const i = matches[j] ?? 0;
      if ((wordsBefore[i + 1] ?? 0) - (wordsBefore[start] ?? 0) > MAX_WORDS) break;
      seen.add(scanned[i]?.match ?? '');
      end = i;
    }
    covers.push({ start, end, words: (wordsBefore[end + 1] ?? 0) - (wordsBefore[start] ?? 0), distinct: seen.size, excluded: false });
  }
  return covers;
}

/** The cover with the most distinct lexemes, then the fewest words, then the earliest; marks it taken. */
function bestCover(covers: Cover[]): Cover | null {
  let best: Cover | null = null;
  for (const c of covers) {
    if (c.excluded) continue;
    if (best === null || c.distinct > best.distinct || (c.distinct === best.distinct && c.words < best.words)) best = c;
  }
  if (best !== null) best.excluded = true;
  return best;
}

/**
 * Widens a cover to the word limit like ts_headline: half the room to the left (not into a
 * fragment already shown), the rest to the right, each end moved back to a word worth ending on.
 */
function stretch(scanned: readonly Scanned[], shown: Uint8Array, cover: Cover): void {
  if (cover.words >= MAX_WORDS) return;
  let words = cover.words;
  const room = Math.floor((MAX_WORDS - words) / 2);
  let added = 0;
  let start = cover.start;
  for (let i = cover.start - 1; i >= 0 && added < room && shown[i] === 0; i -= 1) {
    if (scanned[i]?.word) {
      words += 1;
      added += 1;
    }
    start = i;
  }
  while (start < cover.start && scanned[start]?.badEnd) {
    if (scanned[start]?.word) words -= 1;
    start += 1;
  }
  let end = cover.end;
  for (let i = cover.end + 1; i < scanned.length && words < MAX_WORDS && shown[i] === 0; i += 1) {
    if (scanned[i]?.word) words += 1;
    end = i;
  }
  while (end > cover.end && scanned[end]?.badEnd) {
    if (scanned[end]?.word) words -= 1;
    end -= 1;
  }
  cover.start = start;
  cover.end = end;
  cover.words = words;
}

/**
 * The shown tokens in text order, matches marked, fragments joined by the delimiter; XML tags
 * replaced by `tagAs` (ts_headline puts a space for them in a snippet, keeps them with HighlightAll).
 */
function render(scanned: readonly Scanned[], shown: Uint8Array, tagAs: string | null): string {
  let out = '';
  let fragments = 0;
  let inFragment = false;
  scanned.forEach((t, i) => {
    if (shown[i] === 0) {
      inFragment = false;
      return;
    }
    if (!inFragment) {
      if (fragments > 0) out += DELIMITER;
      fragments += 1;
      inFragment = true;
    }
    if (isComposite(t.token.type)) return;
    if (tagAs !== null && t.token.type === 'tag') out += tagAs;
    else out += t.match === null ? t.token.text : START + t.token.text + STOP;
  });
  return out;
}
