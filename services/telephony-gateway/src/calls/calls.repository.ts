import type { CloudEvent } from '@helpdesk/contracts';
import type { OutboxPublisher } from '@helpdesk/messaging';
import { combineStatements } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import type { Call, CallOutcome } from './call';

interface CallRow {
  id: string;
  pbx_connection_id: string;
  pbx_call_id: string;
  direction: Call['direction'];
  from_e164: string | null;
  from_raw: string;
  to_e164: string | null;
  to_raw: string;
  extension: string | null;
  agent_id: string | null;
  pbx_queue: string | null;
  contact_id: string | null;
  customer_id: string | null;
  state: Call['state'];
  outcome: CallOutcome | null;
  pbx_cause: string | null;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  forwarded_to: string | null;
  complete: boolean;
  ticket_id: string | null;
}

const COLUMNS = `id, pbx_connection_id, pbx_call_id, direction, from_e164, from_raw, to_e164, to_raw, extension, agent_id, pbx_queue,
  contact_id, customer_id, state, outcome, pbx_cause, started_at, answered_at, ended_at, forwarded_to, complete, ticket_id`;

/** A call as stored, with its revision (grows by one with every change). */
export interface StoredCall {
  readonly call: Call;
  readonly revision: number;
}

const UPDATE_SET = `extension = $2, agent_id = $3, state = $4, outcome = $5, pbx_cause = $6, answered_at = $7, ended_at = $8,
  forwarded_to = $9, complete = $10, pbx_queue = $11, revision = revision + 1`;

/** Which calls a list shows; every bound is optional. */
export interface CallFilter {
  readonly startedFrom: Date | null;
  readonly startedTo: Date | null;
  readonly agentId: string | null;
  readonly customerId: string | null;
  readonly outcome: CallOutcome | null;
}

/** Where a page starts: after this call in (started_at DESC, id DESC) order. */
export interface CallCursor {
  readonly startedAt: Date;
  readonly id: string;
}

/** Call records. Staff-only data (no customer scope: customers have no access to this service). */
export class CallsRepository {
  /** The call the PBX knows by `pbxCallId`, locked for the rest of the transaction; undefined when none. */
  async lockByPbxCallId(manager: EntityManager, connectionId: string, pbxCallId: string): Promise<StoredCall | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS}, revision FROM calls WHERE pbx_connection_id = $1 AND pbx_call_id = $2 FOR UPDATE`, [connectionId, pbxCallId])) as (CallRow & {
      revision: number;
    })[];
    return rows[0] ? { call: callFromRow(rows[0]), revision: rows[0].revision } : undefined;
  }

  /** The call the PBX knows by `pbxCallId`, unlocked; undefined when none. */
  async findByPbxCallId(manager: EntityManager, connectionId: string, pbxCallId: string): Promise<Call | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM calls WHERE pbx_connection_id = $1 AND pbx_call_id = $2`, [connectionId, pbxCallId])) as CallRow[];
    return rows[0] ? callFromRow(rows[0]) : undefined;
  }

  async findById(manager: EntityManager, id: string): Promise<Call | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM calls WHERE id = $1`, [id])) as CallRow[];
    return rows[0] ? callFromRow(rows[0]) : undefined;
  }

  /** Inserts a new call; false when the PBX call id is already taken (a concurrent retry won). */
  async insert(manager: EntityManager, call: Call): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO calls (${COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
       ON CONFLICT (pbx_connection_id, pbx_call_id) DO NOTHING RETURNING id`,
      valuesOf(call),
    )) as { id: string }[];
    return rows.length === 1;
  }

  /**
   * Several webhooks' writes as ONE statement outside any transaction: new calls (each inserted
   * unless its PBX call id is taken), changed calls (each written if still at its revision) and
   * the events of those writes that happened (an event belongs to the call its subject names).
   * Returns the revision of every call written; a call missing from it was not.
   */
  async writeMany(manager: EntityManager, outbox: OutboxPublisher, inserts: readonly Call[], updates: readonly StoredCall[], events: readonly CloudEvent[]): Promise<Map<string, number>> {
    const { text, values } = combineStatements(
      [
        {
          text: `INSERT INTO calls (${COLUMNS}) SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})
            ON CONFLICT (pbx_connection_id, pbx_call_id) DO NOTHING RETURNING id, revision`,
          values: [JSON.stringify(inserts.map(recordOf))],
        },
        {
          text: `UPDATE calls c SET extension = v.extension, agent_id = v.agent_id, state = v.state, outcome = v.outcome, pbx_cause = v.pbx_cause,
              answered_at = v.answered_at, ended_at = v.ended_at, forwarded_to = v.forwarded_to, complete = v.complete, pbx_queue = v.pbx_queue,
              revision = c.revision + 1
            FROM jsonb_to_recordset($1::jsonb) AS v(${RECORD_COLUMNS}, revision integer)
            WHERE c.id = v.id AND c.revision = v.revision RETURNING c.id, c.revision`,
          values: [JSON.stringify(updates.map(({ call, revision }) => ({ ...recordOf(call), revision })))],
        },
        outbox.insertStatement(manager, events, `(e.doc->>'subject')::uuid IN (SELECT id FROM s1 UNION ALL SELECT id FROM s2)`),
      ],
      'SELECT id, revision FROM s1 UNION ALL SELECT id, revision FROM s2',
    );
    const rows = (await manager.query(text, [...values])) as { id: string; revision: number }[];
    return new Map(rows.map((row) => [row.id, row.revision]));
  }

  /** Writes the mutable fields of a call (in the caller's transaction); returns the new revision. */
  async update(manager: EntityManager, call: Call): Promise<number> {
    const rows = (await manager.query(`UPDATE calls SET ${UPDATE_SET} WHERE id = $1 RETURNING revision`, mutableValuesOf(call))) as { revision: number }[];
    return rows[0]?.revision ?? 0;
  }

  /** Calls newest first, `limit` of them after `cursor`. */
  async list(manager: EntityManager, filter: CallFilter, cursor: CallCursor | null, limit: number): Promise<Call[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.startedFrom) add('started_at >= ?', filter.startedFrom);
    if (filter.startedTo) add('started_at < ?', filter.startedTo);
    if (filter.agentId) add('agent_id = ?', filter.agentId);
    if (filter.customerId) add('customer_id = ?', filter.customerId);
    if (filter.outcome) add('outcome = ?', filter.outcome);
    if (cursor) {
      params.push(cursor.startedAt, cursor.id);
      where.push(`(started_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit);
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM calls ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as CallRow[];
    return rows.map(callFromRow);
  }

  /** Calls of a connection ringing or talking. */
  async activeOn(manager: EntityManager, connectionId: string): Promise<Call[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM calls WHERE state <> 'ended' AND pbx_connection_id = $1 ORDER BY started_at`, [connectionId])) as CallRow[];
    return rows.map(callFromRow);
  }

  /** Calls ringing or talking that started after `since`. */
  async active(manager: EntityManager, since: Date): Promise<Call[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM calls WHERE state <> 'ended' AND started_at >= $1 ORDER BY started_at`, [since])) as CallRow[];
    return rows.map(callFromRow);
  }

  /**
   * Missed or busy inbound calls that ended after `since` and were not called back: no answered
   * call with the same external number (a callback out, or the caller getting through) ended later.
   */
  async awaitingCallback(manager: EntityManager, since: Date): Promise<Call[]> {
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM calls m
        WHERE m.direction = 'inbound' AND m.outcome IN ('missed', 'busy') AND m.ended_at >= $1 AND m.from_e164 IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM calls a
             WHERE a.outcome = 'answered' AND a.ended_at > m.ended_at
               AND ((a.direction = 'inbound' AND a.from_e164 = m.from_e164) OR (a.direction = 'outbound' AND a.to_e164 = m.from_e164)))
        ORDER BY m.ended_at`,
      [since],
    )) as CallRow[];
    return rows.map(callFromRow);
  }
}

// The columns of COLUMNS with their types, for reading rows from a JSON array.
const RECORD_COLUMNS = `id uuid, pbx_connection_id uuid, pbx_call_id text, direction text, from_e164 text, from_raw text, to_e164 text, to_raw text,
  extension text, agent_id uuid, pbx_queue text, contact_id uuid, customer_id uuid, state text, outcome text, pbx_cause text, started_at timestamptz,
  answered_at timestamptz, ended_at timestamptz, forwarded_to text, complete boolean, ticket_id uuid`;

const COLUMN_NAMES = COLUMNS.split(',').map((column) => column.trim());

/** A call as one JSON record of {@link RECORD_COLUMNS}. */
function recordOf(call: Call): Record<string, unknown> {
  const values = valuesOf(call);
  return Object.fromEntries(COLUMN_NAMES.map((column, i) => [column, values[i]]));
}

function mutableValuesOf(call: Call): unknown[] {
  return [call.id, call.extension, call.agentId, call.state, call.outcome, call.pbxCause, call.answeredAt, call.endedAt, call.forwardedTo, call.complete, call.pbxQueue];
}

function valuesOf(call: Call): unknown[] {
  return [
    call.id, call.pbxConnectionId, call.pbxCallId, call.direction, call.from, call.fromRaw, call.to, call.toRaw, call.extension, call.agentId,
    call.pbxQueue, call.contactId, call.customerId, call.state, call.outcome, call.pbxCause, call.startedAt, call.answeredAt, call.endedAt,
    call.forwardedTo, call.complete, call.ticketId,
  ];
}

function callFromRow(row: CallRow): Call {
  return {
    id: row.id,
    pbxConnectionId: row.pbx_connection_id,
    pbxCallId: row.pbx_call_id,
    direction: row.direction,
    from: row.from_e164,
    fromRaw: row.from_raw,
    to: row.to_e164,
    toRaw: row.to_raw,
    extension: row.extension,
    agentId: row.agent_id,
    pbxQueue: row.pbx_queue,
    contactId: row.contact_id,
    customerId: row.customer_id,
    state: row.state,
    outcome: row.outcome,
    pbxCause: row.pbx_cause,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    forwardedTo: row.forwarded_to,
    complete: row.complete,
    ticketId: row.ticket_id,
  };
}
