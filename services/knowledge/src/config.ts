import { bool, duration, httpUrl } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { z } from 'zod';

/** The knowledge service's environment (ARCHITECTURE.md default ports 50056 / 8086). */
export const knowledgeConfigSchema = serviceConfigSchema({ grpc: 50056, http: 8086 }).extend({
  /** OpenAI-compatible chat-completions endpoint (full URL) of the optional summariser; unset keeps extraction extractive. */
  KNOWLEDGE_LLM_URL: httpUrl().optional(),
  /** Model name sent to the summariser endpoint. */
  KNOWLEDGE_LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Bearer token for the summariser endpoint; unset sends none. */
  KNOWLEDGE_LLM_API_KEY: z.string().min(1).optional(),
  /** How long a summariser call may take before the extractive result is used instead. */
  KNOWLEDGE_LLM_TIMEOUT: duration().default(5_000),
  /** Visibility of articles extracted from resolved tickets (drafts until an agent publishes them). */
  KNOWLEDGE_EXTRACTED_VISIBILITY: z.enum(['internal', 'customer'], { message: 'must be internal or customer' }).default('customer'),
  /** Least trigram similarity (0–1) of a new case's text to an existing article's for it to join that article instead of becoming a new one. */
  KNOWLEDGE_DUPLICATE_SIMILARITY: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { message: 'must be a number between 0 and 1 such as 0.5' })
    .transform(Number)
    .default(0.5),
  /** Suggestions published per new ticket as `helpdesk.knowledge.suggested.v1`; 0 turns automatic suggestions off. */
  KNOWLEDGE_SUGGESTION_LIMIT: z
    .string()
    .regex(/^([0-9]|1[0-9]|20)$/, { message: 'must be a whole number from 0 to 20' })
    .transform(Number)
    .default(5),
  /**
   * Batches of resolved tickets one process learns at the same time (each its own transaction and
   * database connection, pulling from the one durable consumer like a replica would).
   */
  KNOWLEDGE_RESOLVED_CONSUMERS: z
    .string()
    .regex(/^[1-8]$/, { message: 'must be a whole number from 1 to 8' })
    .transform(Number)
    .default(2),
  /**
   * `on`: Search takes its candidates from an in-memory impact-ordered index of the articles
   * (loaded in the background at start, refreshed every 200 ms; PostgreSQL still checks, ranks and
   * scopes every hit); `off`: the SQL plan's GIN scans only (no memory for the index).
   */
  KNOWLEDGE_SEARCH_INDEX: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  /** Whether a start with no articles loads the demo articles; `npm start` sets it. */
  DEMO_DATA: bool().default(false),
});

/** The parsed configuration. */
export type KnowledgeConfig = z.infer<typeof knowledgeConfigSchema> & ServiceConfig;
