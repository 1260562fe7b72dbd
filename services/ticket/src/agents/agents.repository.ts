import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { Page, PageRequest } from '../tickets/ticket-filter';
import { TicketError, invalidField } from '../tickets/ticket.errors';
import { decodePageToken, encodePageToken } from '@helpdesk/grpc';
import type { Agent } from './agent';
import { isUuid } from '../shared/uuid';

interface AgentRow {
  id: string;
  display_name: string;
  email: string;
  extension: string | null;
  external_id: string | null;
  active: boolean;
  absent_since: Date | null;
  absent_until: Date | null;
  substitute_agent_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, display_name, email, extension, external_id, active, absent_since, absent_until, substitute_agent_id,
  version, created_at, updated_at`;


/** Which agents a list shows. */
export interface AgentListFilter {
  readonly includeArchived: boolean;
}

/** Agents. Not customer data: staff-only reads, so no customer scope. */
export class AgentsRepository {
  /** The agent, or undefined (also for an id that is no UUID, such as an integration's token subject). */
  async find(manager: EntityManager, id: string): Promise<Agent | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM agents WHERE id = $1`, [id])) as AgentRow[];
    return row ? agentFromRow(row) : undefined;
  }

  /** Loads an agent and locks its row for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<Agent | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM agents WHERE id = $1 FOR UPDATE`, [id])) as AgentRow[];
    return row ? agentFromRow(row) : undefined;
  }

  /**
   * The agents among `ids` that exist, by id. `share` also takes a share lock on their rows until
   * the transaction ends: an availability change waits for it, and it waits for one in flight,
   * so work is never handed to an agent whose absence is being recorded right then.
   */
  async byIds(manager: EntityManager, ids: readonly string[], share = false): Promise<Map<string, Agent>> {
    if (ids.length === 0) return new Map();
    const lock = share ? 'FOR SHARE' : '';
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM agents WHERE id = ANY($1::uuid[]) ${lock}`, [[...new Set(ids)]])) as AgentRow[];
    return new Map(rows.map((row) => [row.id, agentFromRow(row)]));
  }

  async insert(manager: EntityManager, agent: Agent, actor: Actor): Promise<void> {
    const actorJson = JSON.stringify(actor);
    await manager.query(
      `INSERT INTO agents (id, display_name, email, extension, external_id, active, absent_since, absent_until, substitute_agent_id,
         version, created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [...values(agent), agent.version, agent.createdAt, actorJson, agent.updatedAt, actorJson],
    );
  }

  /** Writes the next version; the row must still be at `previousVersion`. */
  async update(manager: EntityManager, agent: Agent, previousVersion: number, actor: Actor): Promise<void> {
    const [, affected] = (await manager.query(
      `UPDATE agents SET display_name = $2, email = $3, extension = $4, external_id = $5, active = $6, absent_since = $7,
         absent_until = $8, substitute_agent_id = $9, version = $10, updated_at = $11, updated_by = $12
       WHERE id = $1 AND version = $13`,
      [...values(agent), agent.version, agent.updatedAt, JSON.stringify(actor), previousVersion],
    )) as [unknown, number];
    if (affected !== 1) throw new TicketError('VERSION_CONFLICT', `agent ${agent.id} changed meanwhile; reload it and try again`);
  }

  /** Agents by display name (case-insensitive), then id. */
  async list(manager: EntityManager, filter: AgentListFilter, page: PageRequest): Promise<Page<Agent>> {
    const cursor = decodePageToken('agents', page.token, 2, invalidField);
    const where: string[] = [];
    const params: unknown[] = [];
    if (!filter.includeArchived) where.push('active');
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(lower(display_name), id) > ($1, $2::uuid)`);
    }
    params.push(page.size + 1);
    const rows = (await manager.query(
      `SELECT ${COLUMNS}, lower(display_name) AS sort_name FROM agents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY lower(display_name), id LIMIT $${params.length}`,
      params,
    )) as (AgentRow & { sort_name: string })[];
    const shown = rows.slice(0, page.size);
    const last = shown.at(-1);
    const nextToken = rows.length > page.size && last ? encodePageToken('agents', [last.sort_name, last.id]) : '';
    return { items: shown.map(agentFromRow), nextToken };
  }
}

function values(agent: Agent): unknown[] {
  return [
    agent.id,
    agent.displayName,
    agent.email,
    agent.extension,
    agent.externalId,
    agent.active,
    agent.absence?.since ?? null,
    agent.absence?.until ?? null,
    agent.absence?.substituteAgentId ?? null,
  ];
}

function agentFromRow(row: AgentRow): Agent {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    extension: row.extension,
    externalId: row.external_id,
    active: row.active,
    absence: row.absent_since ? { since: row.absent_since, until: row.absent_until, substituteAgentId: row.substitute_agent_id } : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
