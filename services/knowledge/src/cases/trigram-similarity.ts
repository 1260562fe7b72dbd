// pg_trgm's similarity() in plain TypeScript, for comparing the resolved tickets of one batch with
// each other before any of them is stored: lower-case words (letters and digits), each padded
// with two blanks in front and one behind, cut into distinct three-character trigrams;
// similarity = shared trigrams / all distinct trigrams of both.

/** The distinct trigrams of a text, as pg_trgm's show_trgm() sees them. */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    const padded = [...`  ${word} `];
    for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3).join(''));
  }
  return trigrams;
}

/**
 * Texts compared with each other, each with the best earlier one it resembles. Built for a
 * batch: an inverted index from trigram to the texts added so far, so one lookup costs the
 * postings of its trigrams, not a comparison with every earlier text.
 */
export class TrigramIndex {
  private readonly sizes: number[] = [];
  private readonly postings = new Map<string, number[]>();

  /** Adds a text; returns its number. */
  add(trigrams: ReadonlySet<string>): number {
    const id = this.sizes.length;
    this.sizes.push(trigrams.size);
    for (const trigram of trigrams) {
      const list = this.postings.get(trigram);
      if (list) list.push(id);
      else this.postings.set(trigram, [id]);
    }
    return id;
  }

  /** The added text most similar to `trigrams` among those `accept` allows, with its similarity (0 when none shares a trigram). */
  best(trigrams: ReadonlySet<string>, accept: (id: number) => boolean): { id: number; similarity: number } | null {
    const shared = new Map<number, number>();
    for (const trigram of trigrams) for (const id of this.postings.get(trigram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: { id: number; similarity: number } | null = null;
    for (const [id, count] of shared) {
      const similarity = count / (trigrams.size + (this.sizes[id] ?? 0) - count);
      if ((!best || similarity > best.similarity) && accept(id)) best = { id, similarity };
    }
    return best;
  }
}
