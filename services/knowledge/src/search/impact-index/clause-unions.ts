import { LOW_SLOT_BITS } from './impact-index';
import { presenceWord, titleWord } from './presence-bits';

/** Unions kept (least recently used dropped first): at most this many × half a byte per article (impacts, presence and title bits). */
const MAX_UNIONS = 64;

/** A clause's combined impacts, and which articles have any alternative, and in the title (one bit each, see `presence-bits.ts`). */
export interface ClauseUnion {
  readonly words: Uint32Array;
  readonly presence: Uint32Array;
  readonly title: Uint32Array;
}

interface Union {
  words: Uint32Array;
  presence: Uint32Array;
  title: Uint32Array;
  /** Words before this one are final: ordinals only grow, so only the word holding the newest ordinal still changes. */
  final: number;
}

/** Per two-bit slot, the larger of the two impacts. */
export function maxSlots(x: number, y: number): number {
  const xHigh = (x >>> 1) & LOW_SLOT_BITS;
  const yHigh = (y >>> 1) & LOW_SLOT_BITS;
  const high = xHigh | yHigh;
  // With a high bit in either, the low bit comes from the ones having it (3 beats 2); else from either (1).
  const low = (high & ((xHigh & x) | (yHigh & y))) | (~high & (x | y) & LOW_SLOT_BITS);
  return ((high << 1) | low) >>> 0;
}

/**
 * The packed impacts of a clause's alternatives combined slot by slot (a clause's impact in an
 * article is its best alternative's), kept per set of lexemes. A query word expanded to its stem variants,
 * synonyms and compound parts is often five or more common lexemes; ORing their packed impacts
 * costs as much as the selection's whole scan, and the same expansions come back query after
 * query. A union is exact: the packed impacts only ever gain slots for new ordinals, so the words
 * before the newest one never change, and only the rest is ORed again when it is used.
 */
export class ClauseUnions {
  private readonly unions = new Map<string, Union>();

  /**
   * The slot-wise maximum of `alternatives` (packed impacts of the lexemes `lexemes`) over the
   * first `count` words, and its presence and title bits over the first `ceil(count / 2)` words of those.
   */
  of(lexemes: readonly number[], alternatives: readonly Uint32Array[], count: number, capacity: number): ClauseUnion {
    const key = [...lexemes].sort((x, y) => x - y).join(',');
    let union = this.unions.get(key);
    if (union) this.unions.delete(key);
    else union = { words: new Uint32Array(0), presence: new Uint32Array(0), title: new Uint32Array(0), final: 0 };
    // Re-inserted as the most recently used.
    this.unions.set(key, union);
    if (this.unions.size > MAX_UNIONS) {
      const oldest = this.unions.keys().next().value;
      if (oldest !== undefined) this.unions.delete(oldest);
    }
    if (union.words.length < count) {
      const grown = new Uint32Array(Math.ceil(count * 1.25));
      grown.set(union.words.subarray(0, union.final));
      union.words = grown;
      const grownBits = (bits: Uint32Array) => {
        const next = new Uint32Array(Math.ceil(grown.length / 2));
        next.set(bits.subarray(0, union.final >> 1));
        return next;
      };
      union.presence = grownBits(union.presence);
      union.title = grownBits(union.title);
    }
    const words = union.words;
    const from = Math.min(union.final, count);
    words.fill(0, from, count);
    for (const packed of alternatives) {
      const end = Math.min(count, packed.length);
      for (let w = from; w < end; w += 1) words[w] = maxSlots(words[w] ?? 0, packed[w] ?? 0);
    }
    // A presence word covers two packed words: the one holding `from` may have been made from a half still filling.
    const { presence, title } = union;
    for (let p = from >> 1; p < (count + 1) >> 1; p += 1) {
      const first = words[2 * p] ?? 0;
      const second = 2 * p + 1 < count ? (words[2 * p + 1] ?? 0) : 0;
      presence[p] = presenceWord(first, second);
      title[p] = titleWord(first, second);
    }
    union.final = Math.max(from, Math.min(count, capacity >> 4));
    return { words, presence, title };
  }
}
