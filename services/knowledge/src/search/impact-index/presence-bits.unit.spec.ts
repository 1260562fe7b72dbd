import { presenceWord, slotBits, titleSlotBits, titleWord } from './presence-bits';

describe('presence bits (one bit per article from two-bit packed impacts)', () => {
  it('sets the bit of every nonzero slot, whatever its impact', () => {
    for (let slot = 0; slot < 16; slot += 1) {
      for (const impact of [1, 2, 3]) expect(slotBits((impact << (2 * slot)) >>> 0)).toBe(1 << slot);
      expect(slotBits(0)).toBe(0);
    }
    expect(slotBits(0xffffffff)).toBe(0xffff);
    expect(slotBits(0xaaaaaaaa)).toBe(0xffff);
  });

  it('puts the first packed word in the low half and the second in the high half', () => {
    expect(presenceWord(0b11, 0)).toBe(1);
    expect(presenceWord(0, 0b01)).toBe(1 << 16);
    expect(presenceWord(0, (0b10 << 30) >>> 0)).toBe(0x80000000);
    expect(presenceWord(0xffffffff, 0xffffffff)).toBe(0xffffffff);
  });
});

describe('title bits (one bit per article whose impact is 3)', () => {
  it('sets the bit of a slot with impact 3 only, never from two neighbouring slots', () => {
    for (let slot = 0; slot < 16; slot += 1) {
      expect(titleSlotBits((3 << (2 * slot)) >>> 0)).toBe(1 << slot);
      expect(titleSlotBits((2 << (2 * slot)) >>> 0)).toBe(0);
      expect(titleSlotBits((1 << (2 * slot)) >>> 0)).toBe(0);
    }
    // Slot 0 has 2 (high bit), slot 1 has 1 (low bit): adjacent bits, but no slot has 3.
    expect(titleSlotBits(0b0110)).toBe(0);
    expect(titleWord(0b11, (0b11 << 30) >>> 0)).toBe((1 | 0x80000000) >>> 0);
  });
});
