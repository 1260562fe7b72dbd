import type { TicketMessage, TicketSnapshot } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { searchConfigFor, weightedVectorSql } from '../search/search-config';

/** This service's view of a ticket. */
export interface KnowledgeCase {
  readonly ticketId: string;
  readonly number: string;
  readonly version: number;
  readonly status: string;
  readonly summary: string;
  readonly description: string;
  readonly articleId: string | null;
  readonly mergedInto: string | null;
}

/** What a resolved ticket contributed: the extracted texts, indexed for similar-case search. */
export interface CaseLearning {
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
  readonly language: string | null;
  readonly products: readonly string[];
  readonly tags: readonly string[];
  readonly articleId: string;
}

/** The ticket read model (`knowledge_cases`) and the customer-visible messages of each ticket. */
export class CasesRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Applies a ticket snapshot if it is newer than the one held (redelivery and reordering are
   * harmless); a description, when the event has one, is kept. Returns the case afterwards, locked.
   */
  async apply(ticket: TicketSnapshot, description: string | null): Promise<KnowledgeCase> {
    await this.manager.query(
      `INSERT INTO knowledge_cases (ticket_id, number, version, status, category, summary, description, tags, resolved_at)
        VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, ''), $8, $9)
        ON CONFLICT (ticket_id) DO UPDATE SET number = EXCLUDED.number, version = EXCLUDED.version, status = EXCLUDED.status,
          category = EXCLUDED.category, summary = EXCLUDED.summary, tags = EXCLUDED.tags, resolved_at = EXCLUDED.resolved_at,
          description = CASE WHEN $7::text IS NULL THEN knowledge_cases.description ELSE EXCLUDED.description END
        WHERE knowledge_cases.version < EXCLUDED.version`,
      [ticket.ticketId, ticket.number, ticket.version, ticket.status, ticket.category, ticket.summary, description, ticket.tags, ticket.resolvedAt],
    );
    const rows = (await this.manager.query(
      `SELECT ticket_id, number, version, status, summary, description, article_id, merged_into FROM knowledge_cases WHERE ticket_id = $1 FOR UPDATE`,
      [ticket.ticketId],
    )) as { ticket_id: string; number: string; version: number; status: string; summary: string; description: string; article_id: string | null; merged_into: string | null }[];
    const row = rows[0];
    if (!row) throw new Error(`knowledge case ${ticket.ticketId} vanished`);
    return { ticketId: row.ticket_id, number: row.number, version: row.version, status: row.status, summary: row.summary, description: row.description, articleId: row.article_id, mergedInto: row.merged_into };
  }

  /**
   * {@link apply} for many tickets that come with a description (resolved tickets), in two
   * statements (distinct ticket ids); returns the cases afterwards by ticket id, locked in ticket id order so that two
   * batches never wait for each other crosswise.
   */
  async applyAll(tickets: readonly { readonly ticket: TicketSnapshot; readonly description: string }[]): Promise<Map<string, KnowledgeCase>> {
    if (tickets.length === 0) return new Map();
    const rows = tickets.map(({ ticket, description }) => ({
      ticket_id: ticket.ticketId, number: ticket.number, version: ticket.version, status: ticket.status, category: ticket.category,
      summary: ticket.summary, description, tags: ticket.tags, resolved_at: ticket.resolvedAt,
    }));
    await this.manager.query(
      `INSERT INTO knowledge_cases (ticket_id, number, version, status, category, summary, description, tags, resolved_at)
        SELECT t.ticket_id, t.number, t.version, t.status, t.category, t.summary, t.description, t.tags, t.resolved_at
          FROM jsonb_to_recordset($1::jsonb) AS t(ticket_id uuid, number text, version integer, status text, category text, summary text,
                                                  description text, tags text[], resolved_at timestamptz)
         ORDER BY t.ticket_id
        ON CONFLICT (ticket_id) DO UPDATE SET number = EXCLUDED.number, version = EXCLUDED.version, status = EXCLUDED.status,
          category = EXCLUDED.category, summary = EXCLUDED.summary, tags = EXCLUDED.tags, resolved_at = EXCLUDED.resolved_at,
          description = EXCLUDED.description
        WHERE knowledge_cases.version < EXCLUDED.version`,
      [JSON.stringify(rows)],
    );
    const found = (await this.manager.query(
      `SELECT ticket_id, number, version, status, summary, description, article_id, merged_into FROM knowledge_cases
        WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id FOR UPDATE`,
      [tickets.map((t) => t.ticket.ticketId)],
    )) as { ticket_id: string; number: string; version: number; status: string; summary: string; description: string; article_id: string | null; merged_into: string | null }[];
    return new Map(found.map((row) => [row.ticket_id, { ticketId: row.ticket_id, number: row.number, version: row.version, status: row.status, summary: row.summary, description: row.description, articleId: row.article_id, mergedInto: row.merged_into }]));
  }

  /** {@link firstCustomerMessage} and {@link lastAgentReply} of many tickets in one statement. */
  async storedMessages(ticketIds: readonly string[]): Promise<Map<string, { readonly firstCustomer: string | null; readonly lastAgentReply: string | null }>> {
    if (ticketIds.length === 0) return new Map();
    const rows = (await this.manager.query(
      `SELECT t.id AS ticket_id,
          (SELECT text FROM knowledge_case_messages WHERE ticket_id = t.id AND direction = 'inbound' AND author_kind <> 'system' ORDER BY created_at, message_id LIMIT 1) AS first_customer,
          (SELECT text FROM knowledge_case_messages WHERE ticket_id = t.id AND direction = 'outbound' AND author_kind = 'agent' ORDER BY created_at DESC, message_id DESC LIMIT 1) AS last_agent_reply
        FROM unnest($1::uuid[]) AS t(id)`,
      [ticketIds],
    )) as { ticket_id: string; first_customer: string | null; last_agent_reply: string | null }[];
    return new Map(rows.map((r) => [r.ticket_id, { firstCustomer: r.first_customer, lastAgentReply: r.last_agent_reply }]));
  }

  /** Keeps a customer-visible message; internal and supplier notes are never stored. */
  async addMessage(ticketId: string, message: TicketMessage): Promise<void> {
    if (message.audience !== 'customer') return;
    await this.manager.query(
      `INSERT INTO knowledge_case_messages (message_id, ticket_id, direction, author_kind, text, created_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING`,
      [message.messageId, ticketId, message.direction, message.author.kind, message.text, message.createdAt],
    );
  }

  /** The first inbound customer message of the ticket: the problem in the customer's words. */
  async firstCustomerMessage(ticketId: string): Promise<string | null> {
    const rows = (await this.manager.query(
      `SELECT text FROM knowledge_case_messages WHERE ticket_id = $1 AND direction = 'inbound' AND author_kind <> 'system' ORDER BY created_at, message_id LIMIT 1`,
      [ticketId],
    )) as { text: string }[];
    return rows[0]?.text ?? null;
  }

  /** The last reply an agent sent the customer: the fallback decisive message. */
  async lastAgentReply(ticketId: string): Promise<string | null> {
    const rows = (await this.manager.query(
      `SELECT text FROM knowledge_case_messages WHERE ticket_id = $1 AND direction = 'outbound' AND author_kind = 'agent' ORDER BY created_at DESC, message_id DESC LIMIT 1`,
      [ticketId],
    )) as { text: string }[];
    return rows[0]?.text ?? null;
  }

  /** Stores what the resolved ticket taught and indexes it for similar-case search. */
  async recordLearning(ticketId: string, learning: CaseLearning): Promise<void> {
    const vector = weightedVectorSql({ config: 2, title: 3, problem: 4, resolution: 5, products: 6, tags: 7 });
    await this.manager.query(
      `UPDATE knowledge_cases SET search_config = $2::regconfig, problem = $4, resolution = $5, products = $6, language = $8, article_id = $9,
          search_vector = ${vector}
        WHERE ticket_id = $1`,
      [ticketId, searchConfigFor(learning.language), learning.title, learning.problem, learning.resolution, learning.products, learning.tags, learning.language, learning.articleId],
    );
  }

  /**
   * {@link recordLearning} for many tickets in one statement. A learning marked `vectorOfArticle`
   * made a new draft of exactly its texts, whose generated `search_vector` is the very vector the
   * case needs (same configuration, same weighted parts): it is copied instead of parsed again.
   */
  async recordLearnings(learnings: readonly (CaseLearning & { readonly ticketId: string; readonly vectorOfArticle?: boolean })[]): Promise<void> {
    if (learnings.length === 0) return;
    const rows = learnings.map((l) => ({
      ticket_id: l.ticketId, config: searchConfigFor(l.language), title: l.title, problem: l.problem, resolution: l.resolution,
      products: l.products, tags: l.tags, language: l.language, article_id: l.articleId, own: l.vectorOfArticle === true,
    }));
    await this.manager.query(
      `UPDATE knowledge_cases c SET search_config = l.config::regconfig, problem = l.problem, resolution = l.resolution, products = l.products,
          language = l.language, article_id = l.article_id,
          search_vector = COALESCE((SELECT a.search_vector FROM knowledge_articles a WHERE l.own AND a.id = l.article_id),
            setweight(to_tsvector(l.config::regconfig, l.title), 'A')
            || setweight(to_tsvector(l.config::regconfig, l.problem || ' ' || array_to_string(l.products, ' ') || ' ' || array_to_string(l.tags, ' ')), 'B')
            || setweight(to_tsvector(l.config::regconfig, l.resolution), 'C'))
        FROM jsonb_to_recordset($1::jsonb) AS l(ticket_id uuid, config text, title text, problem text, resolution text, products text[], tags text[],
                                                language text, article_id uuid, own boolean)
       WHERE c.ticket_id = l.ticket_id`,
      [JSON.stringify(rows)],
    );
  }

  /** The source ticket of a merge was merged away: its messages now belong to the target. */
  async merge(sourceTicketId: string, targetTicketId: string, messageIds: readonly string[]): Promise<void> {
    await this.manager.query(`UPDATE knowledge_cases SET merged_into = $2 WHERE ticket_id = $1`, [sourceTicketId, targetTicketId]);
    if (messageIds.length > 0) {
      await this.manager.query(`UPDATE knowledge_case_messages SET ticket_id = $2 WHERE message_id = ANY($1::uuid[])`, [messageIds, targetTicketId]);
    }
  }
}
