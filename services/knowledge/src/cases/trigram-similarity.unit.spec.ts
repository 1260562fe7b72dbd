import { TrigramIndex, trigramsOf } from './trigram-similarity';

describe('trigram similarity (pg_trgm in TypeScript)', () => {
  it('pads each lower-case word like pg_trgm and ignores punctuation', () => {
    expect([...trigramsOf('Word, word!')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
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
});
