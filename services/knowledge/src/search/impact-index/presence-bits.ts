import { LOW_SLOT_BITS } from './impact-index';

/** The low bits of the 16 two-bit slots of a word, squeezed into its low 16 bits. */
function squeeze(lowBits: number): number {
  let x = lowBits & LOW_SLOT_BITS;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  return (x | (x >>> 8)) & 0x0000ffff;
}

/** The nonzero two-bit slots of a packed word (16 articles), one bit each, in its low 16 bits. */
export function slotBits(packed: number): number {
  return squeeze(packed | (packed >>> 1));
}

/** The slots of a packed word with impact 3 (a title match), one bit each, in its low 16 bits. */
export function titleSlotBits(packed: number): number {
  return squeeze(packed & (packed >>> 1));
}

/** The presence word of 32 articles (one bit each) from the packed words of its first and second 16. */
export function presenceWord(first: number, second: number): number {
  return (slotBits(first) | (slotBits(second) << 16)) >>> 0;
}

/** The title word of 32 articles (a bit for each with impact 3) from the packed words of its first and second 16. */
export function titleWord(first: number, second: number): number {
  return (titleSlotBits(first) | (titleSlotBits(second) << 16)) >>> 0;
}
