/**
 * The ticket tag in mail subjects, `[<tag>#<ticket number>]` (e.g. `[Ticket#T-100234]`): outbound
 * mail carries it so that a reply from a mail client that drops In-Reply-To still threads.
 */
export class SubjectTag {
  private readonly pattern: RegExp;

  constructor(readonly tag: string) {
    this.pattern = new RegExp(`\\[${escapeRegExp(tag)}#([A-Za-z0-9-]+)\\]`, 'i');
  }

  /** The ticket number of the first tag in `subject`; null when it has none. */
  numberIn(subject: string): string | null {
    return this.pattern.exec(subject)?.[1] ?? null;
  }

  /**
   * `subject` with the tag of `ticketNumber` in front, exactly once: an existing tag of the same
   * ticket (in any tag spelling, e.g. the ticket service's default `[Ticket#…]`) is removed
   * first, so a reply to a reply does not collect tags.
   */
  apply(subject: string, ticketNumber: string): string {
    // One pattern for every tag, compared to the number in the replacer: a pattern built per call
    // (per outbound mail) cost more than the rest of composing it.
    const number = ticketNumber.toLowerCase();
    const bare = subject.replace(ANY_TAG, (tag, tagged: string) => (tagged.toLowerCase() === number ? ' ' : tag)).replace(/\s+/g, ' ').trim();
    return `[${this.tag}#${ticketNumber}]${bare ? ` ${bare}` : ''}`;
  }
}

/** Any subject tag with the whitespace around it; group 1 is the number. */
const ANY_TAG = /\s*\[[A-Za-z][A-Za-z0-9-]*#([^[\]]*)\]\s*/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
