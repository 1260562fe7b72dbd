import { ImpactIndex, type IndexedArticle } from './impact-index';
import { rankArticle } from './ranked-candidates';
import { candidateQuery } from '../../../test/support/candidate-query';
import { CandidateSelector, type CandidateQuery } from './top-candidates';

let serial = 0;
function article(words: { a?: string[]; b?: string[]; c?: string[] }, extra: Partial<IndexedArticle> = {}): IndexedArticle {
  serial += 1;
  return { id: `id-${serial}`, status: 'published', visibility: 'customer', language: 'en', category: 'tech', products: [], a: [], b: [], c: [], version: String(serial), ...words, ...extra };
}

/** The selection's kept candidates as article ids (what these tests compare). */
class IdSelector extends CandidateSelector {
  constructor(private readonly articles: ImpactIndex) {
    super(articles);
  }

  select(q: CandidateQuery): { strict: string[]; loose: string[] } {
    const { strict, loose } = this.selectScored(q);
    return { strict: strict.map((c) => this.articles.idOf(c.ordinal)), loose: loose.map((c) => this.articles.idOf(c.ordinal)) };
  }
}

const query = candidateQuery;

describe('CandidateSelector (in-memory top-k over impact-ordered postings)', () => {
  it('keeps the articles with every clause, highest impact first, and stops at the cap', () => {
    const index = new ImpactIndex();
    const resolutionOnly = Array.from({ length: 50 }, () => article({ c: ['printer', 'spooler'] }));
    const inTitle = article({ a: ['printer', 'spooler'] });
    const mixed = article({ a: ['printer'], b: ['spooler'] });
    for (const a of [...resolutionOnly, mixed, inTitle]) index.upsert(a);
    const selector = new IdSelector(index);
    const { strict, loose } = selector.select(query([[['printer']], [['spooler']]], { cap: 3 }));
    expect(strict).toEqual([inTitle.id, mixed.id, resolutionOnly[0]?.id]);
    expect(loose).toEqual([]);
  });

  it('adds loose candidates by clauses matched when the strict ones are fewer than the page, unless every clause is required', () => {
    const index = new ImpactIndex();
    const both = article({ b: ['vpn', 'timeout'] });
    const twoOfThree = article({ c: ['vpn', 'timeout'] });
    const oneA = article({ a: ['vpn'] });
    const none = article({ a: ['printer'] });
    for (const a of [both, twoOfThree, oneA, none]) index.upsert(a);
    const selector = new IdSelector(index);
    const threeClauses = [[['vpn']], [['timeout']], [['client']]];
    expect(selector.select(query(threeClauses))).toEqual({ strict: [], loose: [both.id, twoOfThree.id, oneA.id] });
    expect(selector.select(query(threeClauses, { requireAll: true }))).toEqual({ strict: [], loose: [] });
    expect(selector.select(query([[['vpn']], [['timeout']]])).strict).toEqual([both.id, twoOfThree.id]);
  });

  it('needs every lexeme of an alternative (phrases, split words) and any alternative of a clause', () => {
    const index = new ImpactIndex();
    const email = article({ b: ['e', 'mail'] });
    const onlyE = article({ b: ['e'] });
    const synonym = article({ c: ['email'] });
    for (const a of [email, onlyE, synonym]) index.upsert(a);
    expect([...new IdSelector(index).select(query([[['e', 'mail'], ['email']]], { requireAll: true })).strict].sort()).toEqual([email.id, synonym.id].sort());
  });

  it('applies the customer scope, published-only, category, language and single-word exclusions', () => {
    const index = new ImpactIndex();
    const visible = article({ a: ['reset'] });
    const internal = article({ a: ['reset'] }, { visibility: 'internal' });
    const draft = article({ a: ['reset'] }, { status: 'draft' });
    const german = article({ a: ['reset'] }, { language: 'de', category: 'billing' });
    const excluded = article({ a: ['reset', 'password'] });
    for (const a of [visible, internal, draft, german, excluded]) index.upsert(a);
    const selector = new IdSelector(index);
    const reset = [[['reset']]];
    expect([...selector.select(query(reset, { customer: true })).strict].sort()).toEqual([visible.id, german.id, excluded.id].sort());
    expect(selector.select(query(reset, { publishedOnly: true })).strict).not.toContain(draft.id);
    expect(selector.select(query(reset, { publishedOnly: true })).strict).toContain(internal.id);
    expect(selector.select(query(reset, { category: 'billing' })).strict).toEqual([german.id]);
    expect(selector.select(query(reset, { language: 'de' })).strict).toEqual([german.id]);
    expect(selector.select(query(reset, { category: 'unknown' })).strict).toEqual([]);
    expect(selector.select(query(reset, { excluded: [['password']] })).strict).not.toContain(excluded.id);
  });

  it('replaces an updated article and forgets a removed one; an unchanged re-read is skipped', () => {
    const index = new ImpactIndex();
    const first = article({ a: ['printer'] });
    index.upsert(first);
    index.upsert(first);
    expect(index.capacity).toBe(1);
    index.upsert({ ...first, a: ['scanner'], version: 'changed'.length.toString() + '000' });
    const selector = new IdSelector(index);
    expect(selector.select(query([[['printer']]])).strict).toEqual([]);
    expect(selector.select(query([[['scanner']]])).strict).toEqual([first.id]);
    index.upsert({ ...first, a: ['scanner'], visibility: 'internal', version: '9999' });
    expect(selector.select(query([[['scanner']]], { customer: true })).strict).toEqual([]);
    index.remove(first.id);
    expect(selector.select(query([[['scanner']]])).strict).toEqual([]);
    expect(index.articles).toBe(0);
  });

  it('answers a common lexeme the same from its packed impacts as from its postings lists', () => {
    const index = new ImpactIndex();
    const articles = Array.from({ length: 3_000 }, (_, i) => article(i % 3 === 0 ? { a: ['common'], c: [`rare${i % 7}`] } : { b: ['common'] }));
    for (const a of articles) index.upsert(a);
    const selector = new IdSelector(index);
    // "rare0" drives (~143 articles); "common" is probed, by binary search and then packed.
    const searched = selector.select(query([[['common']], [['rare0']]], { cap: 500 }));
    index.compact();
    const { strict } = selector.select(query([[['common']], [['rare0']]], { cap: 500 }));
    expect(strict).toEqual(searched.strict);
    expect(index.impactOf(index.lexemeId('common') ?? -1, 0)).toBe(3);
    expect(index.impactOf(index.lexemeId('common') ?? -1, 1)).toBe(2);
    const expected = articles.filter((_, i) => i % 3 === 0 && (i % 7) === 0).map((a) => a.id);
    expect([...strict].sort()).toEqual(expected.sort());
    const reversed = selector.select(query([[['rare0']], [['common']]], { cap: 500 }));
    expect([...reversed.strict].sort()).toEqual(expected.sort());
    // Two common clauses: their packed impacts are intersected word by word, with the same result.
    const bothCommon = articles.map((a, i) => ({ ...a, version: `${i}-2`, c: [...a.c, i % 2 === 0 ? 'frequent' : 'other'] }));
    const pairIndex = new ImpactIndex();
    for (const a of bothCommon) pairIndex.upsert(a);
    const pairSelector = new IdSelector(pairIndex);
    const listed = pairSelector.select(query([[['common']], [['frequent']]], { cap: 2_000 }));
    pairIndex.compact();
    const packed = pairSelector.select(query([[['common']], [['frequent']]], { cap: 2_000 }));
    expect(packed.strict).toHaveLength(1_500);
    expect([...packed.strict].sort()).toEqual([...listed.strict].sort());
    expect(packed.strict.slice(0, 500)).toEqual(listed.strict.slice(0, 500));
    // One driver article: "common" is answered by binary search instead.
    const lone = article({ b: ['lonely'], c: ['common'] });
    index.upsert(lone);
    expect(selector.select(query([[['common']], [['lonely']]])).strict).toEqual([lone.id]);
    expect(selector.select(query([[['lonely']], [['missing']]])).loose).toEqual([lone.id]);
  });

  it('scores title matches of common clauses first only while they outrank every other match (up to three clauses)', () => {
    // Four clauses: A+C+C+C (16) ties with B+B+B+B (16), so the earlier article without a title match must win.
    const index = new ImpactIndex();
    const four = ['w1', 'w2', 'w3', 'w4'];
    const problemOnly = article({ b: four });
    const titled = Array.from({ length: 1_100 }, () => article({ a: ['w1'], c: ['w2', 'w3', 'w4'] }));
    for (const a of [problemOnly, ...titled]) index.upsert(a);
    index.compact();
    const selector = new IdSelector(index);
    expect(selector.select(query(four.map((w) => [[w]]), { cap: 1 })).strict).toEqual([problemOnly.id]);
    // Three clauses: A+C+C (14) beats B+B+B (12), whatever the order.
    expect(selector.select(query(four.slice(0, 3).map((w) => [[w]]), { cap: 1 })).strict).toEqual([titled[0]?.id]);
  });

  it('selects from packed impacts exactly the best by score (earlier article first on ties), in every scope, as articles come and go', () => {
    // A fixed pseudo-random mix: common lexemes in all three classes, several synonyms per clause, every flag combination.
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const words = ['print', 'drucker', 'printer', 'vpn', 'timeout', 'offline'];
    const make = () => {
      const pick = () => words.filter(() => next() < 0.3);
      return article({ a: pick(), b: pick(), c: pick() }, { status: next() < 0.8 ? 'published' : 'draft', visibility: next() < 0.7 ? 'customer' : 'internal' });
    };
    const index = new ImpactIndex();
    const live = new Map<string, IndexedArticle>();
    const add = (a: IndexedArticle) => {
      index.upsert(a);
      live.set(a.id, a);
    };
    // Not a multiple of 16: the last packed word is still filling when the unions are first kept.
    for (let i = 0; i < 4_003; i += 1) add(make());
    index.compact();
    const selector = new IdSelector(index);
    // Three clauses (title matches scored first) and four (scored in article order).
    const clauseSets = [
      [[['print'], ['drucker'], ['printer']], [['offline']], [['vpn'], ['timeout']]],
      [[['print'], ['drucker']], [['offline']], [['vpn']], [['timeout'], ['printer']]],
    ];
    // The reference: every live article ranked on its own, as a row read from the table is.
    const expected = (clauses: string[][][], customer: boolean, cap: number) => {
      // `live` is in ordinal order: a changed article was deleted and set again.
      return [...live.values()]
        .flatMap((a) => rankArticle(a, query(clauses, { customer, cap })) ?? [])
        .filter((r) => r.tier === 1)
        .sort((x, y) => y.key - x.key)
        .slice(0, cap)
        .map((r) => r.id);
    };
    const check = () => {
      for (const clauses of clauseSets) {
        for (const customer of [false, true]) {
          for (const cap of [5, 40, 10_000]) expect(selector.select(query(clauses, { customer, cap })).strict).toEqual(expected(clauses, customer, cap));
        }
      }
    };
    check();
    // New articles after the unions were kept, and some earlier ones changed (appended again) or removed.
    for (let i = 0; i < 500; i += 1) add(make());
    for (const id of [...live.keys()].filter((_, i) => i % 97 === 0)) {
      const before = live.get(id);
      live.delete(id);
      if (before && next() < 0.5) add({ ...before, status: 'published', visibility: 'customer', version: `${before.version ?? ''}-2` });
      else index.remove(id);
    }
    check();
  });
});
