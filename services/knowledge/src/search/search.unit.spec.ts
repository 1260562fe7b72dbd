import { bestPassages, splitPassages } from './passages';
import { normalizeWords, parseQuery } from './query-syntax';
import { planSql } from './search-plan';
import { synonymsOf } from './synonyms';
import { compoundSplits, expandWord } from './term-expansion';

describe('parseQuery', () => {
  it('reads words, phrases, OR and exclusions', () => {
    expect(parseQuery('Drucker "error 809" -Toner')).toEqual({
      clauses: [[{ kind: 'word', word: 'drucker' }], [{ kind: 'phrase', words: ['error', '809'] }]],
      excluded: [{ kind: 'word', word: 'toner' }],
      explicit: true,
    });
    expect(parseQuery('vpn OR wlan router')).toEqual({
      clauses: [[{ kind: 'word', word: 'vpn' }, { kind: 'word', word: 'wlan' }], [{ kind: 'word', word: 'router' }]],
      excluded: [],
      explicit: true,
    });
    expect(parseQuery('Kennwort ändern').explicit).toBe(false);
    expect(parseQuery(' - "" OR ').clauses).toEqual([]);
  });

  it('folds accents and ß like unaccent', () => {
    expect(normalizeWords('Grüße Straße Café')).toEqual(['grusse', 'strasse', 'cafe']);
  });
});

describe('term expansion', () => {
  it('splits German compounds into parts of at least four letters, with linking elements', () => {
    expect(compoundSplits('druckerwarteschlange')).toContainEqual(['drucker', 'warteschlange']);
    expect(compoundSplits('rechnungskopie')).toContainEqual(['rechnung', 'kopie']);
    expect(compoundSplits('vpn')).toEqual([]);
  });

  it('adds synonyms, a typo correction for unknown words, compound parts and containing compounds', () => {
    const typo = expandWord('drukcer', { known: false, near: [{ term: 'drucker', similarity: 0.4 }, { term: 'druck', similarity: 0.1 }], containing: [] }, new Set());
    expect(typo).toEqual({ words: ['drukcer', 'drucker', 'printer', 'druckers'], corrected: 'drucker' });
    const compound = expandWord('druckerwarteschlange', { known: false, near: [], containing: [] }, new Set(['drucker', 'warteschlange']));
    expect(compound.words).toEqual(['druckerwarteschlange', 'drucker', 'warteschlange']);
    const known = expandWord('laptop', { known: true, near: [{ term: 'laptops', similarity: 0.8 }], containing: ['laptoptasche'] }, new Set());
    expect(known).toEqual({ words: ['laptop', 'notebook', 'laptoptasche'], corrected: null });
    expect(synonymsOf('kennwort')).toContain('passwort');
  });
});

describe('planSql', () => {
  it('numbers parameters once and combines clauses with OR (any) and AND (all)', () => {
    const sql = planSql({ clauses: [[{ kind: 'word', text: 'a' }, { kind: 'word', text: 'b' }], [{ kind: 'phrase', text: 'c d' }]], excluded: [{ kind: 'word', text: 'e' }], requireAll: false }, 3);
    expect(sql?.params).toEqual(['a', 'b', 'c d', 'e']);
    expect(sql?.any).toBe('(kn_any(kn_word_queries($3::text) || kn_word_queries($4::text)) || kn_any(kn_phrase_queries($5::text)))');
    expect(sql?.all).toBe('(kn_any(kn_word_queries($3::text) || kn_word_queries($4::text)) && kn_any(kn_phrase_queries($5::text)))');
    expect(sql?.excluded).toBe('kn_any(kn_word_queries($6::text))');
    expect(planSql({ clauses: [], excluded: [], requireAll: false }, 1)).toBeNull();
  });
});

describe('passages', () => {
  it('prefers resolution passages that share words with the question', () => {
    expect(splitPassages('Short.\n\nThis paragraph is long enough to count.')).toEqual(['This paragraph is long enough to count.']);
    const [best] = bestPassages('How do I fix VPN error 809?', [
      { articleId: 'a', title: 'VPN', problem: 'The VPN client reports error 809.', resolution: 'Unrelated restart of the machine.\n\nUpdate the VPN client to fix error 809.', score: 0.5 },
    ], 3);
    expect(best).toMatchObject({ articleId: 'a', text: 'Update the VPN client to fix error 809.' });
  });
});
