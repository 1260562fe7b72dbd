import { TrigramComparer, TrigramIndex, trigramSimilarity, trigramText, trigramsOf } from './trigram-similarity';

describe('trigram similarity (pg_trgm in TypeScript)', () => {
  it('pads each lower-case word like pg_trgm and ignores punctuation', () => {
    expect([...trigramsOf('Word, word!')].map(trigramText).sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
  });

  it('keeps umlauts and characters beyond the basic plane apart, each code point one character', () => {
    expect([...trigramsOf('Öl')].map(trigramText).sort()).toEqual(['  ö', ' öl', 'öl ']);
    expect(trigramsOf('Öl')).not.toEqual(trigramsOf('Ol'));
    expect(trigramSimilarity(trigramsOf('Привет мир'), trigramsOf('привет МИР'))).toBe(1);
    expect(trigramSimilarity(trigramsOf('Привет'), trigramsOf('приветы'))).toBeCloseTo(6 / 9, 10);
    // Characters above the exactly packed range (U+0200) are hashed: still distinct.
    expect(trigramsOf('\u{20000}ab').size).toBe(4);
    expect(trigramSimilarity(trigramsOf('\u{20000}ab'), trigramsOf('\u{20000}ab'))).toBe(1);
    expect(trigramSimilarity(trigramsOf('\u{20000}ab'), trigramsOf('\u{20001}ab'))).toBeCloseTo(1 / 7, 10);
  });

  it('finds the most similar earlier text among the accepted ones', () => {
    const index = new TrigramIndex();
    const word = index.add(trigramsOf('word'));
    const other = index.add(trigramsOf('drucker toner'));
    // pg_trgm: similarity('word', 'words') = 4 shared / 7 distinct
    expect(index.best(trigramsOf('words'), () => true)).toEqual({ id: word, similarity: 4 / 7 });
    expect(index.best(trigramsOf('words'), (id) => id !== word)).toBeNull();
    expect(index.best(trigramsOf('Toner Drucker'), () => true)).toEqual({ id: other, similarity: 1 });
  });

  it('compares a trigram set with a text as with the text\'s own set, call after call', () => {
    const texts = [
      'Drucker druckt nicht – Warteschlange hängt, Spooler neu gestartet.',
      'drucker DRUCKT nicht; warteschlange hängt!! spooler neu gestartet',
      'VPN trennt sich nach Standby',
      '',
      'Größe ändern: Straße, Übersicht, ÄÖÜ äöü ß 42x',
      Array.from({ length: 400 }, (_, i) => `wort${i}`).join(' '),
    ];
    const comparer = new TrigramComparer();
    for (const a of texts) {
      for (const b of texts) expect(comparer.similarity(trigramsOf(a), b)).toBeCloseTo(trigramSimilarity(trigramsOf(a), trigramsOf(b)), 12);
    }
    expect(comparer.similarity(trigramsOf(texts[0] ?? ''), texts[1] ?? '')).toBe(1);
  });
});
