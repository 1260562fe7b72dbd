import type { IndexedArticle } from './impact-index';
import { byRank, rankArticle, scoreOfKey } from './ranked-candidates';
import { candidateQuery } from '../../../test/support/candidate-query';
import type { CandidateQuery } from './top-candidates';

const article = (more: Partial<IndexedArticle>): IndexedArticle => ({
  id: 'a1',
  status: 'published',
  visibility: 'customer',
  language: 'en',
  category: 'hardware',
  products: ['Scanner'],
  a: [],
  b: [],
  c: [],
  version: '42',
  ...more,
});

const query = (more: Partial<CandidateQuery> = {}): CandidateQuery => candidateQuery([[['scanner']], [['feeder'], ['tray']]], { cap: 100, ...more });

describe('rankArticle (a row read from the table, ranked as the in-memory selection ranks)', () => {
  it('keys a strict match by the weights of its clauses, best class per lexeme', () => {
    const ranked = rankArticle(article({ a: ['scanner'], b: ['tray'], c: ['scanner', 'tray'] }), query());
    expect(ranked).toMatchObject({ tier: 1, key: 10 + 4, version: 42, ordinal: -1, values: { category: 'hardware', products: ['Scanner'] } });
    expect(ranked?.score).toBeCloseTo(0.5 + (0.5 * 14) / 20);
  });

  it('keys a loose match by clauses matched first, and drops it when every clause is required', () => {
    const loose = rankArticle(article({ c: ['scanner'] }), query());
    expect(loose).toMatchObject({ tier: 0, key: 256 + 2 });
    expect(rankArticle(article({ c: ['scanner'] }), query({ requireAll: true }))).toBeNull();
    expect(rankArticle(article({ a: ['printer'] }), query())).toBeNull();
  });

  it('needs every lexeme of an alternative and takes their best class', () => {
    const split = query({ clauses: [[['e', 'mail'], ['email']]] });
    expect(rankArticle(article({ b: ['e'], a: ['mail'] }), split)).toMatchObject({ tier: 1, key: 10 });
    expect(rankArticle(article({ a: ['e'] }), split)).toBeNull();
  });

  it('applies the scope, the filters and single-word exclusions', () => {
    const hit = { a: ['scanner', 'tray'] };
    expect(rankArticle(article({ ...hit, visibility: 'internal' }), query({ customer: true }))).toBeNull();
    expect(rankArticle(article({ ...hit, status: 'draft' }), query({ customer: true }))).toBeNull();
    expect(rankArticle(article({ ...hit, status: 'draft' }), query({ publishedOnly: true }))).toBeNull();
    expect(rankArticle(article({ ...hit, status: 'draft' }), query())).not.toBeNull();
    expect(rankArticle(article(hit), query({ category: 'billing' }))).toBeNull();
    expect(rankArticle(article(hit), query({ language: 'de' }))).toBeNull();
    expect(rankArticle(article(hit), query({ product: 'Printer' }))).toBeNull();
    expect(rankArticle(article(hit), query({ product: 'Scanner' }))).not.toBeNull();
    expect(rankArticle(article({ ...hit, c: ['jam'] }), query({ excluded: [['jam']] }))).toBeNull();
  });

  it('orders strict before loose, then by key', () => {
    const strict = rankArticle(article({ id: 's', c: ['scanner', 'tray'] }), query());
    const loose = rankArticle(article({ id: 'l', a: ['scanner'] }), query());
    const better = rankArticle(article({ id: 'b', a: ['scanner', 'tray'] }), query());
    expect([loose, strict, better].flatMap((r) => r ?? []).sort(byRank).map((r) => r.id)).toEqual(['b', 's', 'l']);
    expect(scoreOfKey(1, 20, 2)).toBe(1);
    expect(scoreOfKey(0, 256 + 10, 2)).toBeCloseTo(0.25 + 0.25);
  });
});
