import { ENGLISH_SCENARIOS } from '../../eval/scenarios-en';
import { GERMAN_FREQUENT, GERMAN_SCENARIOS } from '../../eval/scenarios-de';
import { SIGNATURE_BANDS, lookupBands, signatureBands, signatureWords } from './near-duplicate-signature';
import { trigramSimilarity, trigramsOf } from './trigram-similarity';

const keysOf = (bands: readonly { band: number; hash: number }[]) => new Set(bands.map((x) => `${x.band}:${x.hash}`));
const shared = (a: string, b: string, language: string | null = null) => {
  const keys = keysOf(signatureBands(a, language));
  return signatureBands(b, language).filter((x) => keys.has(`${x.band}:${x.hash}`)).length;
};

describe('near-duplicate signatures (MinHash, LSH bands)', () => {
  it('folds case and accents, drops function words and short words, cuts words to five characters', () => {
    expect([...signatureWords('Der Drucker druckt NICHT, das Gerät ist im Büro')]).toEqual(['druck', 'gerat', 'buro']);
    expect(signatureWords('a an the')).toEqual(new Set());
    expect(signatureBands('a an the', null)).toEqual([]);
    expect(lookupBands('a an the', null)).toEqual([]);
  });

  it('gives every text one hash per band, the same for the same words in any order', () => {
    const bands = signatureBands('VPN disconnects after standby', 'en');
    expect(bands.map((b) => b.band)).toEqual(Array.from({ length: SIGNATURE_BANDS }, (_, i) => i));
    expect(bands.every((b) => Number.isInteger(b.hash) && b.hash >= -(2 ** 31) && b.hash < 2 ** 31)).toBe(true);
    expect(signatureBands('standby after VPN disconnects', 'en')).toEqual(bands);
  });

  it('lets texts with small wording differences share bands, unrelated ones not', () => {
    const german = [
      'VPN trennt sich nach Standby\nNach dem Standby ist die VPN-Verbindung weg und baut sich nicht neu auf.\nEnergiesparmodus des Netzwerkadapters deaktiviert, danach verbindet sich das VPN nach dem Standby wieder automatisch.',
      'VPN trennt nach Standby\nNach Standby ist die VPN Verbindung weg und kommt nicht wieder.\nEnergiesparmodus am Netzwerkadapter deaktiviert; jetzt verbindet sich das VPN nach Standby automatisch wieder.',
    ] as const;
    const english = [
      'Outlook asks for the password again and again\nOutlook keeps asking me for my password every few minutes.\nRemoved the stale Office credentials from the Windows Credential Manager and signed in again; the prompts stopped.',
      'Outlook keeps asking for password\nEvery few minutes Outlook asks for my password again.\nRemoved old Office credentials from Credential Manager and signed in again, the password prompts stopped.',
    ] as const;
    expect(shared(...german)).toBeGreaterThan(0);
    expect(shared(...german, 'de')).toBeGreaterThan(0);
    expect(shared(...english)).toBeGreaterThan(0);
    expect(shared(...english, 'en')).toBeGreaterThan(0);
    expect(shared(german[0], english[0])).toBe(0);
    expect(shared('Drucker druckt nur Streifen\nTrommel gereinigt.', 'Scanner sendet keine Mails\nSMTP-Relay umgestellt.')).toBe(0);
  });

  it('seeds the bands with the language: a case shares bands only with articles of its language, one of unknown language with any', () => {
    const text = 'Drucker druckt nur Streifen\nTrommel gereinigt, danach druckt er wieder sauber.';
    const de = keysOf(signatureBands(text, 'de'));
    const en = keysOf(signatureBands(text, 'en'));
    const none = keysOf(signatureBands(text, null));
    expect([...de].filter((k) => en.has(k) || none.has(k))).toEqual([]);
    expect(keysOf(lookupBands(text, 'de'))).toEqual(de);
    expect(keysOf(lookupBands(text, null))).toEqual(new Set([...none, ...de, ...en]));
    // Its own bands (what a new draft of it stores) come first among those it looks up.
    expect(lookupBands(text, null).slice(0, SIGNATURE_BANDS)).toEqual(signatureBands(text, null));
  });
});

describe('detection quality of the bands on the evaluation tickets (202 resolved tickets in 100 scenarios)', () => {
  const tickets = [...GERMAN_SCENARIOS, ...GERMAN_FREQUENT, ...ENGLISH_SCENARIOS].flatMap((s) =>
    s.tickets.map((t) => ({ scenario: s.key, language: s.language, text: `${t.summary}\n${t.problem}\n${t.resolution}` })),
  );
  /** The text with every n-th word left out, from the `offset`-th: the same ticket in slightly other words. */
  const without = (text: string, n: number, offset: number) => text.split(' ').filter((_, i) => i % n !== offset).join(' ');
  const foundShare = (n: number, offset: number) => tickets.filter(({ text, language }) => shared(text, without(text, n, offset), language) > 0).length / tickets.length;

  it('finds a near-identical ticket (a tenth or a seventh of its words left out, trigram similarity ≥ 0.7) through a shared band', () => {
    for (const { text } of tickets) expect(trigramSimilarity(trigramsOf(text), trigramsOf(without(text, 7, 5)))).toBeGreaterThanOrEqual(0.7);
    // Measured: every one with a tenth left out, all but one of the 202 with a seventh (24 bands: all).
    expect(foundShare(10, 3)).toBe(1);
    expect(foundShare(7, 5)).toBeGreaterThanOrEqual(0.99);
  });

  it('finds most tickets with every fourth or third word left out (trigram similarity 0.5–0.8, near the threshold)', () => {
    // Measured: 200 and 195 of 202 (24 bands: 201 and 199).
    expect(foundShare(4, 1)).toBeGreaterThanOrEqual(0.98);
    expect(foundShare(3, 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('rarely makes a candidate of a ticket of another scenario (the same domain, other words)', () => {
    const keys = tickets.map(({ text, language }) => keysOf(signatureBands(text, language)));
    let pairs = 0;
    let candidates = 0;
    for (const [i, a] of tickets.entries()) {
      for (const [j, b] of tickets.entries()) {
        if (j <= i || a.scenario === b.scenario || a.language !== b.language) continue;
        pairs += 1;
        if ([...(keys[i] ?? [])].some((key) => keys[j]?.has(key))) candidates += 1;
      }
    }
    expect(pairs).toBeGreaterThan(9_000);
    expect(candidates / pairs).toBeLessThan(0.001);
  });
});
