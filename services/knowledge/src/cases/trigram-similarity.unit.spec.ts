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

  it('gives up only on texts below the threshold: above it the exact similarity, below it something below', () => {
    const words = ['drucker', 'toner', 'warteschlange', 'vpn', 'standby', 'größe', 'straße', 'x1a2', 'passwort', 'konto', '\u{20000}ab', 'ab\u{20000}', 'привет'];
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const text = () => Array.from({ length: 3 + Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : ', ');
    const comparer = new TrigramComparer();
    let below = 0;
    let above = 0;
    for (let n = 0; n < 400; n += 1) {
      const own = trigramsOf(text());
      const other = text();
      const exact = trigramSimilarity(own, trigramsOf(other));
      for (const threshold of [0.3, 0.5, 0.8]) {
        const found = comparer.similarity(own, other, threshold);
        if (exact >= threshold) {
          above += 1;
          expect(found).toBeCloseTo(exact, 12);
        } else {
          below += 1;
          expect(found).toBeLessThan(threshold);
        }
      }
      expect(comparer.similarity(own, other)).toBeCloseTo(exact, 12);
    }
    // Both sides are exercised.
    expect(Math.min(below, above)).toBeGreaterThan(50);
  });
});
