import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { actorSchema } from '../shared/actor';
import { exampleActor } from '../shared/examples';
import { labelSchema, languageSchema, timestampSchema, uuidSchema } from '../shared/primitives';

const schema = z.object({
  articleId: uuidSchema.describe('Id of the knowledge article.'),
  revision: z.int().min(1).describe('Revision of the article that was published; +1 with every edit. Apply only if newer than what you hold.'),
  firstPublication: z.boolean().describe('True when the article is published for the first time; false for a republished edit.'),
  visibility: z
    .enum(['internal', 'customer'])
    .describe('internal: agents only; customer: also shown to customers (portal, FAQ). Customer-facing consumers must drop internal articles.'),
  language: languageSchema.describe('Language of the article, e.g. "de" or "en".'),
  title: z.string().min(1).describe('Title of the article.'),
  problem: z.string().min(1).describe('Problem statement, in plain text.'),
  resolution: z.string().min(1).describe('Resolution, in plain text.'),
  category: labelSchema.nullable().describe('Ticket category key the article belongs to; null when none.'),
  products: z.array(z.string().min(1)).describe('Product names the article applies to; empty when general.'),
  tags: z.array(labelSchema).describe('Tags; empty when none.'),
  sourceTicketIds: z.array(uuidSchema).describe('Tickets the article was extracted from or attached to as source cases; empty for hand-written articles.'),
  publishedBy: actorSchema.describe('Who published the article.'),
  publishedAt: timestampSchema.describe('When this revision was published.'),
});

/** `helpdesk.knowledge.article.published.v1`: a knowledge article revision was published. */
export const knowledgeArticlePublishedV1 = defineEvent({
  type: 'helpdesk.knowledge.article.published.v1',
  domain: 'knowledge',
  description:
    'A knowledge article (or a new revision of it) was published, internally or for customers; carries the full text so portals and caches need no extra call.',
  schema,
  example: {
    articleId: '01936d00-0000-7abc-8def-0000000000a1',
    revision: 1,
    firstPublication: true,
    visibility: 'customer',
    language: 'en',
    title: 'VPN client reports error 809',
    problem: 'The VPN client does not connect and reports error 809.',
    resolution: 'VPN client 5.1 has a known bug with IKEv2. Update the client to version 5.2 or later.',
    category: 'technical',
    products: ['SecureConnect VPN Gateway 3000'],
    tags: ['vpn'],
    sourceTicketIds: ['01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e'],
    publishedBy: exampleActor,
    publishedAt: '2026-11-24T09:00:00.000Z',
  },
});

/** Data of `helpdesk.knowledge.article.published.v1`. */
export type KnowledgeArticlePublishedV1 = z.infer<typeof schema>;
