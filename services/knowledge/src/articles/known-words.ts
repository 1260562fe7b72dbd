/**
 * Words this process has already put into the vocabulary (`knowledge_terms`), so a batch of new
 * articles sends only words not seen before: after a warm-up most words of a new article are
 * known, and each known word still cost the insert a unique-index probe. Keys are the
 * whitespace-separated tokens in lower case, before PostgreSQL's own splitting and accent
 * folding, so what is sent is exactly a subset of what the full statement would have split.
 *
 * Only a hint: a word is remembered once its statement ran, even if the transaction later rolls
 * back. The runner then retries the events one by one through the single-article path, which
 * always sends every word; a word can only go missing when that retry fails too (then its article
 * was never written). Bounded: forgotten entirely when full, the next inserts repopulate it.
 */
export class KnownWords {
  private readonly words = new Set<string>();

  constructor(private readonly capacity = 200_000) {}

  /** The text reduced to tokens not known yet (one per line), or null when every token is known. */
  unknownIn(text: string): string | null {
    const fresh = new Set<string>();
    for (const token of text.toLowerCase().split(/\s+/)) {
      if (token.length > 0 && !this.words.has(token)) fresh.add(token);
    }
    return fresh.size === 0 ? null : [...fresh].join('\n');
  }

  /** Remembers the tokens of a text sent with {@link unknownIn}. */
  remember(unknown: string): void {
    const tokens = unknown.split('\n');
    if (this.words.size + tokens.length > this.capacity) this.words.clear();
    for (const token of tokens) this.words.add(token);
  }
}

/** The process's vocabulary hint, shared by every batch. */
export const knownWords = new KnownWords();
