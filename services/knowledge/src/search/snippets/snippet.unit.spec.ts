import { queryLexemes, type QueryLexemes } from './query-lexemes';
import { highlightAll, snippetOf } from './snippet';
import { textTokens } from './text-tokens';
import { unaccent, wordLexeme } from './word-lexemes';

const query = (...lexemes: string[]): QueryLexemes => queryLexemes(lexemes.map((l) => `'${l}'`).join(' | '));
const marked = (snippet: string) => [...snippet.matchAll(/«([^»]*)»/g)].map((m) => m[1]);
const wordCount = (fragment: string) => fragment.match(/[\p{L}0-9]+/gu)?.length ?? 0;
/** n filler words (long enough to end a fragment on): word1 word2 … */
const filler = (from: number, n: number) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(' ');

describe('queryLexemes', () => {
  it('reads exact and prefix lexemes, with weights, quotes and escapes', () => {
    const q = queryLexemes(`'druck' | 'drucker':* & 'toner':*AB <-> 'o''brien' <2> 'x\\y':C | ( 'a' & 'b' )`);
    expect([...q.exact].sort()).toEqual(['a', 'b', 'druck', "o'brien", 'xy']);
    expect(q.prefixes).toEqual(['drucker', 'toner']);
  });

  it('leaves out operands under a negation, a negated group included', () => {
    const q = queryLexemes(`'drucker' & !'fax' & !( 'scan' | 'kopie':* ) & ( 'toner' | !'tinte' )`);
    expect([...q.exact].sort()).toEqual(['drucker', 'toner']);
    expect(q.prefixes).toEqual([]);
  });

  it('reads an empty query as no lexemes', () => {
    expect(queryLexemes('')).toEqual({ exact: new Set(), prefixes: [] });
  });
});

describe('wordLexeme', () => {
  it('stems like the snowball dictionaries and drops their stop words', () => {
    expect(wordLexeme('kn_german', 'ascii', 'Drucker')).toBe('druck');
    expect(wordLexeme('kn_german', 'ascii', 'nicht')).toBeNull();
    expect(wordLexeme('kn_english', 'ascii', 'Printers')).toBe('printer');
    expect(wordLexeme('kn_english', 'ascii', 'the')).toBeNull();
    expect(wordLexeme('kn_simple', 'ascii', 'The')).toBe('the');
  });

  it('unaccents words beyond ASCII before the stop list and the stemmer', () => {
    expect(wordLexeme('kn_german', 'word', 'Größe')).toBe('gross');
    expect(wordLexeme('kn_german', 'word', 'für')).toBe('fur');
    expect(wordLexeme('kn_simple', 'word', 'Café')).toBe('cafe');
  });

  it('lowercases numbers, words with digits, hosts and paths only', () => {
    expect(wordLexeme('kn_german', 'other', 'Füße2')).toBe('füße2');
    expect(wordLexeme('kn_english', 'other', 'Files.Example.com')).toBe('files.example.com');
  });

  it('reads an unknown configuration as kn_simple', () => {
    expect(wordLexeme('pg_catalog.french', 'word', 'Éclair')).toBe('eclair');
  });

  it('folds accents as unaccent.rules does', () => {
    expect(unaccent('ÄÖÜäöüß éèêàçñ ÆæŒœØøŁł ﬁ')).toBe('AOUaouss eeeacn AEaeOEoeOoLl fi');
  });
});

describe('textTokens', () => {
  it('splits like PostgreSQL: hyphenated words whole and in parts, numbers, hosts, URLs', () => {
    const tokens = textTokens('E-Mail an www.firma.de/hilfe, v2.3.1 und 1.5GB: Windows-10');
    expect(tokens.map((t) => `${t.type}:${t.text}`)).toEqual([
      'asciihword:E-Mail', 'hword_asciipart:E', 'blank:-', 'hword_asciipart:Mail', 'blank: ', 'asciiword:an', 'blank: ',
      'url:www.firma.de/hilfe,', 'host:www.firma.de', 'url_path:/hilfe,', 'blank: ', 'file:v2.3.1', 'blank: ', 'asciiword:und', 'blank: ',
      'float:1.5', 'asciiword:GB', 'blank:: ', 'asciiword:Windows', 'int:-10',
    ]);
  });
});

describe('highlightAll', () => {
  it('marks every matching word of the text, hyphenated words by their matching parts', () => {
    expect(highlightAll('Die E-Mail des Druckers: Drucker druckt.', 'kn_german', query('druck', 'mail'))).toBe(
      'Die E-«Mail» des «Druckers»: «Drucker» druckt.',
    );
  });

  it('marks by prefix', () => {
    expect(highlightAll('Druckerwarteschlange und Drucker', 'kn_german', queryLexemes(`'druckerw':*`))).toBe('«Druckerwarteschlange» und Drucker');
  });
});

describe('snippetOf', () => {
  it('marks the matching words and keeps punctuation and spacing inside, like ts_headline', () => {
    // ts_headline too drops the short word and the punctuation at the ends.
    expect(snippetOf('Der Drucker  druckt nicht; Toner leer!', 'kn_german', query('druck', 'ton'))).toBe('«Drucker»  druckt nicht; «Toner» leer');
  });

  it('shows the first 12 words unmarked when nothing matches', () => {
    const text = `${filler(1, 40)}.`;
    expect(snippetOf(text, 'kn_simple', query('nothing'))).toBe(filler(1, 12));
    expect(snippetOf('Nur drei Worte.', 'kn_simple', query('nothing'))).toBe('Nur drei Worte.');
  });

  it('gives an empty snippet for an empty text', () => {
    expect(snippetOf('', 'kn_german', query('druck'))).toBe('');
    expect(highlightAll('', 'kn_german', query('druck'))).toBe('');
  });

  it('prefers the fragment with the most distinct query lexemes over the first match', () => {
    const text = `alpha ${filler(1, 60)} beta gamma alpha ${filler(100, 60)}`;
    const snippet = snippetOf(text, 'kn_simple', query('alpha', 'beta', 'gamma'));
    const fragments = snippet.split(' … ');
    expect(fragments).toHaveLength(2);
    expect(marked(fragments[0] ?? '')).toEqual(['alpha']);
    expect(marked(fragments[1] ?? '')).toEqual(['beta', 'gamma', 'alpha']);
  });

  it('shows at most two fragments of at most 30 words, in text order', () => {
    const text = [1, 2, 3, 4].map((n) => `hit${n} ${filler(n * 100, 50)}`).join(' ');
    const snippet = snippetOf(text, 'kn_simple', query('hit1', 'hit2', 'hit3', 'hit4'));
    const fragments = snippet.split(' … ');
    expect(fragments).toHaveLength(2);
    for (const f of fragments) expect(wordCount(f)).toBeLessThanOrEqual(30);
    expect(marked(snippet)).toEqual(['hit1', 'hit2']);
  });

  it('centres a lone match in a long text with words from both sides', () => {
    const text = `${filler(1, 500)} target ${filler(1000, 500)}`;
    const snippet = snippetOf(text, 'kn_simple', query('target'));
    expect(snippet).toBe(`${filler(487, 14)} «target» ${filler(1000, 15)}`);
  });

  it('joins two matches close together into one fragment', () => {
    const text = `${filler(1, 100)} one ${filler(200, 5)} two ${filler(300, 100)}`;
    const snippet = snippetOf(text, 'kn_simple', query('one', 'two'));
    expect(snippet.split(' … ')).toHaveLength(1);
    expect(marked(snippet)).toEqual(['one', 'two']);
    expect(wordCount(snippet)).toBe(30);
  });

  it('puts a space for an XML tag in a snippet, like ts_headline, and keeps it in the full text', () => {
    const text = 'Die Taste <Enter> im <b>Druckdialog</b> drücken';
    expect(snippetOf(text, 'kn_german', query('tast', 'druckdialog'))).toBe('«Taste»   im  «Druckdialog»  drücken');
    expect(highlightAll(text, 'kn_german', query('enter', 'druckdialog'))).toBe('Die Taste <Enter> im <b>«Druckdialog»</b> drücken');
  });

  it('does not end a fragment on a short word or a number unless it matches', () => {
    const snippet = snippetOf(`${filler(1, 20)} of 12 target in 7 of`, 'kn_simple', query('target'));
    expect(snippet).toBe(`${filler(9, 12)} of 12 «target»`);
    expect(snippetOf('w1 w2 w3 target of 7', 'kn_simple', query('target'))).toBe('«target»');
  });
});
