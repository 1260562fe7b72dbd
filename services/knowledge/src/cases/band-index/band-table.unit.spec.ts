import { randomUUID } from 'node:crypto';
import { SIGNATURE_BANDS, signatureBands, type SignatureBand } from '../near-duplicate-signature';
import { BandTable } from './band-table';

/** The reference: every (band, hash) → ids, as a plain Map. */
function reference(texts: readonly { id: string; bands: readonly SignatureBand[] }[]) {
  const map = new Map<string, string[]>();
  for (const { id, bands } of texts) for (const { band, hash } of bands) map.set(`${band}:${hash}`, [...(map.get(`${band}:${hash}`) ?? []), id]);
  return map;
}

const randomBands = (hashes: number): SignatureBand[] =>
  Array.from({ length: SIGNATURE_BANDS }, (_, band) => ({ band, hash: (Math.floor(Math.random() * hashes) - hashes / 2) | 0 }));

describe('BandTable', () => {
  it('finds every id stored under a band, across a bulk load, live adds and the merges they trigger', () => {
    const table = new BandTable();
    // Few distinct hashes, negative and positive, so keys repeat and the sort order of signed values matters.
    const bulk = Array.from({ length: 3_000 }, () => ({ id: randomUUID(), bands: randomBands(200) }));
    table.beginBulk();
    bulk.forEach(({ id, bands }) => table.add(id, bands));
    table.endBulk();
    // Enough live adds to pass the merge threshold (2^18 bands) once, and leave some pending.
    const live = Array.from({ length: 17_000 }, () => ({ id: randomUUID(), bands: randomBands(200) }));
    live.forEach(({ id, bands }) => table.add(id, bands));
    const expected = reference([...bulk, ...live]);
    for (const [key, ids] of expected) {
      const [band, hash] = key.split(':').map(Number);
      expect(table.lookup(band ?? 0, hash ?? 0).sort()).toEqual([...ids].sort());
    }
    expect(table.lookup(0, 123_456_789)).toEqual([]);
    expect(table.entries).toBe(20_000);
  });

  it('keeps an article under the bands of each text it was added with', () => {
    const table = new BandTable();
    const id = randomUUID();
    const before = signatureBands('Drucker druckt nur Streifen, Trommel gereinigt', 'de');
    const after = signatureBands('VPN trennt nach Standby, Energiesparmodus deaktiviert', 'de');
    table.add(id, before);
    table.add(id, after);
    for (const { band, hash } of [...before, ...after]) expect(table.lookup(band, hash)).toContain(id);
  });

  it('rejects what is not a uuid or a band', () => {
    const table = new BandTable();
    expect(() => table.add('not-a-uuid', [])).toThrow(TypeError);
    expect(() => table.add(randomUUID(), [{ band: SIGNATURE_BANDS, hash: 1 }])).toThrow(RangeError);
  });
});
