/** The threading result of `helpdesk.mail.received.v1`. */
export interface ThreadDecision {
  readonly result: 'header' | 'tag' | 'new' | 'unknown_sender';
  readonly ticketId: string | null;
  readonly relatedTicketId: string | null;
}

/** What the gateway knows about the tickets a mail points at (looked up before deciding). */
export interface ThreadLookups {
  /** The ticket of the first In-Reply-To/References Message-ID the platform sent or received; null when none matched. */
  readonly headerTicketId: string | null;
  /** The ticket whose number the subject tag carries; null when there is no tag or no such ticket. */
  readonly taggedTicketId: string | null;
  /** Whether the sender takes part in the tagged ticket (its contact, an address on its mails, an agent). */
  readonly senderIsParticipant: boolean;
}

/**
 * Threads a mail, in this order: a known In-Reply-To/References Message-ID (a Message-ID is
 * hard to guess, so having it proves the sender got the mail); the subject tag, but only when the
 * sender is a participant of that ticket — a valid tag from a stranger opens a new ticket linked
 * to the tagged one, never a message on someone else's ticket; otherwise a new ticket.
 */
export function decideThread(lookups: ThreadLookups): ThreadDecision {
  if (lookups.headerTicketId) return { result: 'header', ticketId: lookups.headerTicketId, relatedTicketId: null };
  if (lookups.taggedTicketId) {
    return lookups.senderIsParticipant
      ? { result: 'tag', ticketId: lookups.taggedTicketId, relatedTicketId: null }
      : { result: 'unknown_sender', ticketId: null, relatedTicketId: lookups.taggedTicketId };
  }
  return { result: 'new', ticketId: null, relatedTicketId: null };
}
