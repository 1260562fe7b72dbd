import type { WordKind } from './word-lexemes';

/** Token types of PostgreSQL's default text search parser (the aliases `ts_debug` shows). */
export type TokenType =
  | 'asciiword' | 'word' | 'numword' | 'asciihword' | 'hword' | 'numhword' | 'hword_asciipart' | 'hword_part' | 'hword_numpart'
  | 'uint' | 'int' | 'float' | 'version' | 'file' | 'host' | 'email' | 'url' | 'url_path' | 'protocol' | 'tag' | 'entity' | 'blank';

/** One token of a text, in PostgreSQL's order: a hyphenated word comes first whole, then its parts. */
export interface TextToken {
  readonly type: TokenType;
  readonly text: string;
}

/**
 * Splits a text like PostgreSQL's default parser does for ordinary prose: words (letters incl.
 * umlauts and ß), words with digits, hyphenated words (whole, then each part), numbers, versions,
 * hosts, e-mail addresses, URLs, paths, XML tags and entities; everything else is blank.
 * Concatenating the tokens that are not whole hyphenated words or URLs gives back the text.
 */
export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let blankStart = 0;
  let i = 0;
  const flushBlank = () => {
    if (i > blankStart) tokens.push({ type: 'blank', text: text.slice(blankStart, i) });
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const kind = CLASSES[code] || classOf(code);
    if (kind === OTHER && code !== MINUS && code !== PLUS && code !== SLASH && code !== LESS && code !== AMPERSAND) {
      i += 1;
      continue;
    }
    // Fast path, by character codes (most words of prose): letters and digits up to a character
    // that cannot join them to a host, path, address, number or hyphenated word.
    if (kind !== OTHER) {
      let end = i;
      let digits = false;
      let nonAscii = false;
      let letters = false;
      for (; end < text.length; end += 1) {
        const c = text.charCodeAt(end);
        const k = CLASSES[c] || classOf(c);
        if (k === OTHER) break;
        if (k === DIGIT_CLASS) digits = true;
        else {
          letters = true;
          if (c >= 0x80) nonAscii = true;
        }
      }
      if (!joinsOn(text, end)) {
        flushBlank();
        tokens.push({ type: !letters ? 'uint' : digits ? 'numword' : nonAscii ? 'word' : 'asciiword', text: text.slice(i, end) });
        i = end;
        blankStart = i;
        continue;
      }
    }
    const found = tokensAt(text, i);
    if (found === null) {
      i += 1;
      continue;
    }
    flushBlank();
    tokens.push(...found.tokens);
    i = found.end;
    blankStart = i;
  }
  flushBlank();
  return tokens;
}

/** Whether the character at `at` may join the letters and digits before it to a longer token. */
function joinsOn(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (!JOINERS.has(code)) return false;
  const next = text.charCodeAt(at + 1);
  return code === COLON ? next === SLASH : classOf(next) !== OTHER;
}

const LETTER_CLASS = 1;
const DIGIT_CLASS = 2;
const OTHER = 3;
const MINUS = 0x2d;
const PLUS = 0x2b;
const SLASH = 0x2f;
const COLON = 0x3a;
const LESS = 0x3c;
const AMPERSAND = 0x26;
/** Character classes of UTF-16 code units, filled as met (0: not yet known). Surrogates are OTHER. */
const CLASSES = new Uint8Array(0x10000);
const LETTER_TEST = /\p{L}/u;
function classOf(code: number): number {
  let k = CLASSES[code] ?? OTHER;
  if (k === 0) {
    k = code >= 0x30 && code <= 0x39 ? DIGIT_CLASS : LETTER_TEST.test(String.fromCharCode(code)) ? LETTER_CLASS : OTHER;
    CLASSES[code] = k;
  }
  return k;
}

/** Whether a token stands for a word of the snippet length (not blank, not a tag, not a whole hyphenated word or URL). */
export const countsAsWord = (type: TokenType): boolean => type !== 'blank' && type !== 'tag' && !isComposite(type);

/** Whole hyphenated words and URLs: matched as a whole, shown through their parts. */
export const isComposite = (type: TokenType): boolean => type === 'asciihword' || type === 'hword' || type === 'numhword' || type === 'url';

/** Tokens a fragment should not end on (PostgreSQL's NOENDTOKEN): blanks, tags, composites, numbers, protocols, entities. */
export const isNoEnd = (type: TokenType): boolean =>
  !countsAsWord(type) || type === 'uint' || type === 'int' || type === 'float' || type === 'version' || type === 'protocol' || type === 'entity';

/** How a configuration turns the token into a lexeme; null: it gives none. */
export function kindOf(type: TokenType): WordKind | null {
  switch (type) {
    case 'asciiword':
    case 'asciihword':
    case 'hword_asciipart':
      return 'ascii';
    case 'word':
    case 'hword':
    case 'hword_part':
      return 'word';
    case 'blank':
    case 'protocol':
    case 'tag':
    case 'entity':
      return null;
    default:
      return 'other';
  }
}

const SEGMENT = String.raw`[\p{L}0-9](?:[\p{L}0-9_-]*[\p{L}0-9])?`;
const PROTOCOL = /[A-Za-z]+:\/\//y;
const EMAIL = new RegExp(String.raw`[\p{L}0-9](?:[\p{L}0-9_.+-]*[\p{L}0-9])?@(?:${SEGMENT}\.)+\p{L}{2,}(?![\p{L}0-9])`, 'uy');
const NUMBER = /[0-9]+(?:\.[0-9]+)*/y;
const DOTTED = new RegExp(String.raw`${SEGMENT}(?:[./]${SEGMENT})+`, 'uy');
const ABSOLUTE_PATH = /\/[\p{L}0-9_.-]*[\p{L}0-9](?:\/[\p{L}0-9_.-]*[\p{L}0-9])*/uy;
const URL_PATH = /\/[^\s]*/y;
const SIGNED_INT = /[-+][0-9]+(?!\p{L})/uy;
const CHUNK = /[\p{L}0-9]+/uy;
const TAG = /<(?:!--[\s\S]*?--|\/?[A-Za-z][A-Za-z0-9_:.-]*(?:\s+[A-Za-z_:][A-Za-z0-9_:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*\/?)>/y;
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/y;
const HOST = /^(?:[\p{L}0-9_-]+\.)+\p{L}{2,}$/u;
const ALNUM = /[\p{L}0-9]/u;
const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;
/** Characters that may continue a token past its first letters and digits: . / @ : - _ + */
const JOINERS: ReadonlySet<number> = new Set([0x2e, 0x2f, 0x40, 0x3a, 0x2d, 0x5f, 0x2b]);
const NON_ASCII = /[\u0080-\u{10ffff}]/u;

const sticky = (pattern: RegExp, text: string, at: number): string | null => {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
};

/** The tokens starting at `at`, or null when the character there is blank. */
function tokensAt(text: string, at: number): { tokens: TextToken[]; end: number } | null {
  const ch = text[at] ?? '';
  const one = (type: TokenType, token: string) => ({ tokens: [{ type, text: token }], end: at + token.length });
  if (!ALNUM.test(ch)) {
    if (ch === '-' || ch === '+') {
      const signed = sticky(SIGNED_INT, text, at);
      if (signed !== null) return one('int', signed);
    } else if (ch === '/') {
      const path = sticky(ABSOLUTE_PATH, text, at);
      if (path !== null) return one('file', path);
    } else if (ch === '<') {
      const tag = sticky(TAG, text, at);
      if (tag !== null) return one('tag', tag);
    } else if (ch === '&') {
      const entity = sticky(ENTITY, text, at);
      if (entity !== null) return one('entity', entity);
    }
    return null;
  }
  const protocol = sticky(PROTOCOL, text, at);
  if (protocol !== null) return one('protocol', protocol);
  const email = sticky(EMAIL, text, at);
  if (email !== null) return one('email', email);
  const number = sticky(NUMBER, text, at);
  if (number !== null && number.includes('.')) return one(number.split('.').length === 2 ? 'float' : 'version', number);
  const dotted = sticky(DOTTED, text, at);
  if (dotted !== null) return dottedTokens(text, at, dotted);
  return wordTokens(text, at);
}

/** Words joined by dots or slashes: a host, a URL without protocol (host and path), or a file name. */
function dottedTokens(text: string, at: number, dotted: string): { tokens: TextToken[]; end: number } {
  const slash = dotted.indexOf('/');
  const host = slash < 0 ? dotted : dotted.slice(0, slash);
  if (!HOST.test(host)) {
    // PostgreSQL backs off to the longest host at the start ("helpdesk.ticket.resolved" of
    // "helpdesk.ticket.resolved.v1"); without one the whole is a file name.
    const prefix = slash < 0 ? hostPrefix(host) : null;
    if (prefix !== null) return { tokens: [{ type: 'host', text: prefix }], end: at + prefix.length };
    return { tokens: [{ type: 'file', text: dotted }], end: at + dotted.length };
  }
  if (slash < 0) return { tokens: [{ type: 'host', text: host }], end: at + host.length };
  const path = sticky(URL_PATH, text, at + host.length) ?? '';
  return {
    tokens: [
      { type: 'url', text: host + path },
      { type: 'host', text: host },
      { type: 'url_path', text: path },
    ],
    end: at + host.length + path.length,
  };
}

/** The longest run of leading dot-separated segments that is a host name, if any. */
function hostPrefix(dotted: string): string | null {
  for (let dot = dotted.lastIndexOf('.'); dot > 0; dot = dotted.lastIndexOf('.', dot - 1)) {
    const prefix = dotted.slice(0, dot);
    if (HOST.test(prefix)) return prefix;
  }
  return null;
}

/** A word, or a hyphenated word (whole, then its parts and hyphens) when parts with letters follow. */
function wordTokens(text: string, at: number): { tokens: TextToken[]; end: number } {
  const first = sticky(CHUNK, text, at) ?? '';
  const parts = [first];
  let end = at + first.length;
  if (LETTER.test(first)) {
    while (text[end] === '-') {
      const next = sticky(CHUNK, text, end + 1);
      if (next === null || !LETTER.test(next)) break;
      parts.push(next);
      end += 1 + next.length;
    }
  }
  if (parts.length === 1) return { tokens: [{ type: chunkType(first), text: first }], end };
  const whole = text.slice(at, end);
  const wholeType: TokenType = parts.some((p) => DIGIT.test(p)) ? 'numhword' : NON_ASCII.test(whole) ? 'hword' : 'asciihword';
  const tokens: TextToken[] = [{ type: wholeType, text: whole }];
  parts.forEach((part, n) => {
    if (n > 0) tokens.push({ type: 'blank', text: '-' });
    tokens.push({ type: DIGIT.test(part) ? 'hword_numpart' : NON_ASCII.test(part) ? 'hword_part' : 'hword_asciipart', text: part });
  });
  return { tokens, end };
}

function chunkType(chunk: string): TokenType {
  if (!LETTER.test(chunk)) return 'uint';
  if (DIGIT.test(chunk)) return 'numword';
  return NON_ASCII.test(chunk) ? 'word' : 'asciiword';
}
