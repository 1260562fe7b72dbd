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
  async lockByPbxCallId(manager: EntityManager, connectionId: string, pbxCallId: string): Promise<Call | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM calls WHERE pbx_connection_id = $1 AND pbx_call_id = $2 FOR UPDATE`, [connectionId, pbxCallId])) as CallRow[];
    return rows[0] ? callFromRow(rows[0]) : undefined;
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

  /** Writes the mutable fields of a call. */
  async update(manager: EntityManager, call: Call): Promise<void> {
    await manager.query(
      `UPDATE calls SET extension = $2, agent_id = $3, state = $4, outcome = $5, pbx_cause = $6, answered_at = $7, ended_at = $8,
         forwarded_to = $9, complete = $10 WHERE id = $1`,
      [call.id, call.extension, call.agentId, call.state, call.outcome, call.pbxCause, call.answeredAt, call.endedAt, call.forwardedTo, call.complete],
    );
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
