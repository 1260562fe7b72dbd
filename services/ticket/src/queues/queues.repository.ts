import type { Actor, TicketPriority } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { Page, PageRequest } from '../tickets/ticket-filter';
import { TicketError, invalidField } from '../tickets/ticket.errors';
import { decodePageToken, encodePageToken } from '@helpdesk/grpc';
import type { Queue, QueueStrategy } from './queue';
import type { ScheduleSlot } from './queue-schedule';
import { isUuid } from '../shared/uuid';

interface QueueRow {
  id: string;
  key: string;
  name: string;
  categories: string[];
  priorities: string[];
  lead_agent_id: string | null;
  member_ids: string[];
  strategy: string;
  time_zone: string;
  carry_over_in_progress: boolean;
  schedule: ScheduleSlot[];
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// Members in rotation order and slots by weekday and start, aggregated beside each queue row.
const SELECT_QUEUE = `
  SELECT q.id, q.key, q.name, q.categories, q.priorities, q.lead_agent_id, q.strategy, q.time_zone,
         q.carry_over_in_progress, q.active, q.version, q.created_at, q.updated_at,
         ARRAY(SELECT m.agent_id::text FROM queue_members m WHERE m.queue_id = q.id ORDER BY m.position) AS member_ids,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('weekday', s.weekday, 'startMinute', s.start_minute,
                                                       'endMinute', s.end_minute, 'agentId', s.agent_id)
                                    ORDER BY s.weekday, s.start_minute)
                     FROM queue_schedule_slots s WHERE s.queue_id = q.id), '[]'::jsonb) AS schedule
    FROM queues q`;

/** A queue is addressed by its id or by its key. */
export type QueueRef = { readonly id: string } | { readonly key: string };

/** Which queues a list shows. */
export interface QueueListFilter {
  /** Only queues this agent is a member of. */
  readonly memberId?: string;
  readonly includeArchived: boolean;
}

/** The round-robin rotation of a queue, read under the queue row's lock. */
export interface Rotation {
  readonly lastAgentId: string | null;
}


/** Queues with their members and schedule. Not customer data: staff-only reads, so no customer scope. */
export class QueuesRepository {
  async find(manager: EntityManager, ref: QueueRef): Promise<Queue | undefined> {
    if ('id' in ref && !isUuid(ref.id)) return undefined;
    const [column, value] = 'id' in ref ? ['id', ref.id] : ['key', ref.key];
    const [row] = (await manager.query(`${SELECT_QUEUE} WHERE q.${column} = $1`, [value])) as QueueRow[];
    return row ? queueFromRow(row) : undefined;
  }

  /** Loads a queue and locks its row (configuration changes, the rotation pointer) for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<Queue | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await manager.query(`${SELECT_QUEUE} WHERE q.id = $1 FOR UPDATE OF q`, [id])) as QueueRow[];
    return row ? queueFromRow(row) : undefined;
  }

  /**
   * Claims the round-robin turn: locks the queue row and reads whose turn was last. Concurrent
   * claims on the same queue queue up here until the holder's transaction ends, and then read
   * the pointer it moved, so a turn is never handed out twice.
   */
  async claimRotation(manager: EntityManager, queueId: string): Promise<Rotation> {
    const [row] = (await manager.query(`SELECT rr_last_agent_id FROM queues WHERE id = $1 FOR UPDATE`, [queueId])) as { rr_last_agent_id: string | null }[];
    return { lastAgentId: row?.rr_last_agent_id ?? null };
  }

  /** Moves the rotation pointer to the member who just got the turn (call after {@link claimRotation}). */
  async saveRotation(manager: EntityManager, queueId: string, agentId: string): Promise<void> {
    await manager.query(`UPDATE queues SET rr_last_agent_id = $2 WHERE id = $1`, [queueId, agentId]);
  }

  /** Whether a queue with this key exists. */
  async keyTaken(manager: EntityManager, key: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM queues WHERE key = $1`, [key])) as unknown[];
    return rows.length > 0;
  }

  async insert(manager: EntityManager, queue: Queue, actor: Actor): Promise<void> {
    const actorJson = JSON.stringify(actor);
    try {
      await manager.query(
        `INSERT INTO queues (id, key, name, categories, priorities, lead_agent_id, strategy, time_zone, carry_over_in_progress, active,
           version, created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [queue.id, queue.key, ...settingValues(queue), queue.version, queue.createdAt, actorJson, queue.updatedAt, actorJson],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'queues_key_key')) throw new TicketError('QUEUE_KEY_TAKEN', `a queue with key ${queue.key} exists already`, { field: 'key', cause: error });
      throw error;
    }
    await this.writeMembers(manager, queue);
  }

  /** Writes the next version with members and schedule; the row must still be at `previousVersion`. */
  async update(manager: EntityManager, queue: Queue, previousVersion: number, actor: Actor): Promise<void> {
    const [, affected] = (await manager.query(
      `UPDATE queues SET name = $2, categories = $3, priorities = $4, lead_agent_id = $5, strategy = $6, time_zone = $7,
         carry_over_in_progress = $8, active = $9, version = $10, updated_at = $11, updated_by = $12
       WHERE id = $1 AND version = $13`,
      [queue.id, ...settingValues(queue), queue.version, queue.updatedAt, JSON.stringify(actor), previousVersion],
    )) as [unknown, number];
    if (affected !== 1) throw new TicketError('VERSION_CONFLICT', `queue ${queue.key} changed meanwhile; reload it and try again`);
    // Slots reference memberships: drop the old slots first, write members, then the new slots.
    await manager.query(`DELETE FROM queue_schedule_slots WHERE queue_id = $1`, [queue.id]);
    await this.writeMembers(manager, queue);
    for (const slot of queue.schedule) {
      await manager.query(`INSERT INTO queue_schedule_slots (queue_id, weekday, start_minute, end_minute, agent_id) VALUES ($1, $2, $3, $4, $5)`, [
        queue.id,
        slot.weekday,
        slot.startMinute,
        slot.endMinute,
        slot.agentId,
      ]);
    }
  }

  /** Queues by key. */
  async list(manager: EntityManager, filter: QueueListFilter, page: PageRequest): Promise<Page<Queue>> {
    const cursor = decodePageToken('queues', page.token, 1, invalidField);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (!filter.includeArchived) where.push('q.active');
    if (filter.memberId) where.push(`EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.agent_id = ${param(filter.memberId)})`);
    if (cursor) where.push(`q.key > ${param(cursor[0])}`);
    const rows = (await manager.query(
      `${SELECT_QUEUE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.key LIMIT ${param(page.size + 1)}`,
      params,
    )) as QueueRow[];
    const items = rows.slice(0, page.size).map(queueFromRow);
    const last = items.at(-1);
    return { items, nextToken: rows.length > page.size && last ? encodePageToken('queues', [last.key]) : '' };
  }

  /** Active queues whose routing rule names `category` (priorities are checked by the caller). */
  /** Active queues whose rule names any of `categories` (one read for several tickets' candidates). */
  /** Every active queue (routing's candidates of all categories, kept by `ActiveQueuesCache`). */
  async active(manager: EntityManager): Promise<Queue[]> {
    const rows = (await manager.query(`${SELECT_QUEUE} WHERE q.active`)) as QueueRow[];
    return rows.map(queueFromRow);
  }

  async routingCandidatesOfAny(manager: EntityManager, categories: readonly string[]): Promise<Queue[]> {
    const rows = (await manager.query(`${SELECT_QUEUE} WHERE q.active AND q.categories && $1::text[]`, [[...categories]])) as QueueRow[];
    return rows.map(queueFromRow);
  }

  async routingCandidates(manager: EntityManager, category: string): Promise<Queue[]> {
    const rows = (await manager.query(`${SELECT_QUEUE} WHERE q.active AND q.categories @> ARRAY[$1]::text[]`, [category])) as QueueRow[];
    return rows.map(queueFromRow);
  }

  /** Active schedule queues `agentId` is a member of (whose slots may be theirs or hand work to them). */
  async scheduleQueuesOf(manager: EntityManager, agentId: string): Promise<Queue[]> {
    const rows = (await manager.query(
      `${SELECT_QUEUE} WHERE q.active AND q.strategy = 'schedule'
         AND EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.agent_id = $1)
       ORDER BY q.key`,
      [agentId],
    )) as QueueRow[];
    return rows.map(queueFromRow);
  }

  private async writeMembers(manager: EntityManager, queue: Queue): Promise<void> {
    await manager.query(`DELETE FROM queue_members WHERE queue_id = $1 AND NOT (agent_id = ANY($2::uuid[]))`, [queue.id, [...queue.memberIds]]);
    if (queue.memberIds.length === 0) return;
    await manager.query(
      `INSERT INTO queue_members (queue_id, agent_id, position)
       SELECT $1, m.agent_id, m.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS m(agent_id, n)
       ON CONFLICT (queue_id, agent_id) DO UPDATE SET position = EXCLUDED.position`,
      [queue.id, [...queue.memberIds]],
    );
  }
}

function settingValues(queue: Queue): unknown[] {
  return [
    queue.name,
    [...queue.categories],
    [...queue.priorities],
    queue.leadAgentId,
    queue.strategy,
    queue.timeZone,
    queue.carryOverInProgress,
    queue.active,
  ];
}

function queueFromRow(row: QueueRow): Queue {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    categories: row.categories,
    priorities: row.priorities as TicketPriority[],
    leadAgentId: row.lead_agent_id,
    memberIds: row.member_ids,
    strategy: row.strategy as QueueStrategy,
    timeZone: row.time_zone,
    carryOverInProgress: row.carry_over_in_progress,
    schedule: row.schedule,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const driverError: unknown = 'driverError' in error ? error.driverError : error;
  return typeof driverError === 'object' && driverError !== null && 'code' in driverError && driverError.code === '23505'
    && 'constraint' in driverError && driverError.constraint === constraint;
}
