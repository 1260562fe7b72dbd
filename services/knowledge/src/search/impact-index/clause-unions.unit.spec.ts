import { ClauseUnions, maxSlots } from './clause-unions';

const slot = (word: number, i: number) => (word >>> (2 * i)) & 3;

describe('ClauseUnions (the best impact of a clause’s alternatives, slot by slot)', () => {
  it('takes the larger two-bit impact in every slot', () => {
    for (let x = 0; x < 4; x += 1) {
      for (let y = 0; y < 4; y += 1) {
        // The same pair in every slot, and shifted against a different neighbour.
        const a = (x * 0x55555555) >>> 0;
        const b = (y * 0x55555555) >>> 0;
        expect(slot(maxSlots(a, b), 7)).toBe(Math.max(x, y));
        expect(slot(maxSlots(a, (b << 2) >>> 0 | 3), 0)).toBe(Math.max(x, 3));
        expect(slot(maxSlots((a ^ 0xffffffff) >>> 0, b), 15)).toBe(Math.max(3 - x, y));
      }
    }
  });

  it('recomputes only the words that can still change, and follows arrays that grew', () => {
    const unions = new ClauseUnions();
    const first = new Uint32Array([0b01, 0b10, 0]);
    const second = new Uint32Array([0b10, 0b01, 0]);
    const firstUnion = unions.of([1, 2], [first, second], 3, 40);
    expect([...firstUnion.words].slice(0, 3)).toEqual([0b10, 0b10, 0]);
    // Articles 0 and 16 (word 0, slot 0; word 1, slot 0) have the clause; word 2 is the next presence word's first half.
    expect([...firstUnion.presence].slice(0, 2)).toEqual([1 | (1 << 16), 0]);
    // Ordinals 32–39 (word 2) were still being added: a later article there is seen, the words before are kept.
    second[2] = 0b11 << 14;
    first[0] = 0b11;
    const later = unions.of([2, 1], [first, second], 3, 48);
    expect([...later.words].slice(0, 3)).toEqual([0b10, 0b10, 0b11 << 14]);
    expect([...later.presence].slice(0, 2)).toEqual([1 | (1 << 16), 1 << 7]);
    // Article 39 has its clause in the title; word 0 was final, so its later change (first[0]) is not read again.
    expect([...later.title].slice(0, 2)).toEqual([0, 1 << 7]);
    const grown = new Uint32Array([0b01, 0b10, 0, 0b01]);
    const grownUnion = unions.of([1, 2], [grown, second], 4, 64);
    expect([...grownUnion.words].slice(0, 4)).toEqual([0b10, 0b10, (0b11 << 14) >>> 0, 0b01]);
    // The presence word of articles 32–63 is made again from its now complete second half (article 48).
    expect([...grownUnion.presence].slice(0, 2)).toEqual([1 | (1 << 16), ((1 << 7) | (1 << 16)) >>> 0]);
  });
});
