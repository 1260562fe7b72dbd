import { knowledgeSuggestedV1, type Actor } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { TicketError } from '../tickets/ticket.errors';
import { InboundTickets } from './inbound-tickets.service';
import type { InboundSettings } from './inbound-settings';
import { suggestionNote } from './knowledge-suggestions';

/** The knowledge service, as the author of suggestion notes. */
export const KNOWLEDGE_ACTOR: Actor = { kind: 'system', id: null, displayName: 'knowledge' };

/**
 * Articles and similar tickets the knowledge service found for a new ticket are recorded on it
 * as an internal note (never shown to the customer). A ticket this service does not have, or
 * one that is closed by now, is left alone.
 */
export function onKnowledgeSuggested(settings: InboundSettings, clock: () => Date = () => new Date()) {
  const tickets = new InboundTickets(settings, KNOWLEDGE_ACTOR);
  return eventHandler({
    event: knowledgeSuggestedV1,
    durable: 'ticket-knowledge-suggested',
    appliesTo: ({ data }) => data.suggestions.length > 0,
    async handle({ data }, tx) {
      const text = suggestionNote(data);
      if (text === null) return;
      const input = { audience: 'internal', medium: 'note', direction: 'outbound', from: null, to: [], cc: [], subject: null, text, html: null, attachments: [], inReplyToMessageId: null } as const;
      try {
        await tickets.addMessage(tx, data.ticketId, input, clock());
      } catch (error) {
        if (!(error instanceof TicketError && (error.code === 'TICKET_NOT_FOUND' || error.code === 'TICKET_CLOSED'))) throw error;
      }
    },
  });
}
