import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { timestampSchema, uuidSchema } from '../shared/primitives';

const suggestionSchema = z.object({
  kind: z.enum(['article', 'ticket']).describe('article: a published knowledge article; ticket: a similar resolved ticket.'),
  articleId: uuidSchema.nullable().describe('The article, for kind article; null otherwise.'),
  ticketId: uuidSchema.nullable().describe('The similar ticket, for kind ticket; null otherwise.'),
  title: z.string().min(1).describe('Article title or ticket summary.'),
  snippet: z.string().describe('Best matching passage, plain text; may be empty.'),
  score: z
    .number()
    .min(0)
    .max(1)
    .describe('Relevance between 0 and 1, comparable within one suggestion list only (a ranking score, not money or a count).'),
  visibility: z
    .enum(['internal', 'customer'])
    .describe('Whether the suggestion may be shown to the customer; similar tickets are always internal.'),
});

const schema = z.object({
  ticketId: uuidSchema.describe('The ticket the suggestions are for; also the CloudEvent `subject`.'),
  ticketVersion: z.int().min(1).describe('Version of the ticket whose text was searched.'),
  suggestions: z.array(suggestionSchema).describe('Suggestions, best first; empty when nothing matched well enough.'),
  generatedAt: timestampSchema.describe('When the suggestions were computed.'),
});

/** `helpdesk.knowledge.suggested.v1`: articles and similar tickets were found for a new ticket. */
export const knowledgeSuggestedV1 = defineEvent({
  type: 'helpdesk.knowledge.suggested.v1',
  domain: 'knowledge',
  description:
    'The knowledge service found articles and similar resolved tickets for a newly created ticket; the ticket service records them as an internal note.',
  schema,
  example: {
    ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
    ticketVersion: 1,
    suggestions: [
      {
        kind: 'article',
        articleId: '01936d00-0000-7abc-8def-0000000000a1',
        ticketId: null,
        title: 'VPN client reports error 809',
        snippet: 'Update the client to version 5.2 or later.',
        score: 0.91,
        visibility: 'customer',
      },
    ],
    generatedAt: '2026-11-23T09:14:44.000Z',
  },
});

/** Data of `helpdesk.knowledge.suggested.v1`. */
export type KnowledgeSuggestedV1 = z.infer<typeof schema>;
