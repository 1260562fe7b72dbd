import type { EntityManager } from 'typeorm';
import type { BillableItem } from './billable-item';

/** An item to insert; `performedOn` is computed by the database in the billing time zone. */
export type NewItem = Omit<BillableItem, 'performedOn' | 'voided'> & { readonly voidedAt: Date | null; readonly voidReason: string | null };

/**
 * Columns of a {@link BillableItem}, aliased to its field names: the loaded rows are the domain
 * items themselves (a run loads a million; no second object per row).
 */
export const ITEM_COLUMNS = `id, source, source_id AS "sourceId", customer_id AS "customerId", contract_id AS "contractId", ticket_id AS "ticketId",
  ticket_number AS "ticketNumber", activity_type AS "activityType", agent_id AS "agentId", performed_at AS "performedAt",
  to_char(performed_on, 'YYYY-MM-DD') AS "performedOn", minutes, talk_seconds AS "talkSeconds", caller_number AS "callerNumber", call_id AS "callId",
  billable, materials, description, voided_at IS NOT NULL AS voided`;

/** Billable items: insert once per source, void, and the reads the consumers need. */
export class ItemsRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly timeZone: string,
  ) {}

  /**
   * Inserts the item unless its source was seen before. Returns its performed day and whether
   * its contract names a quota (so the caller checks quota thresholds only then), or null for a
   * duplicate; one round trip, as this is the consumers' hot path.
   */
  async insertOnce(item: NewItem, receivedAt: Date): Promise<{ performedOn: string; hasQuota: boolean } | null> {
    const rows: { performed_on: string; has_quota: boolean }[] = await this.manager.query(
      `WITH inserted AS (
         INSERT INTO billable_items (id, source, source_id, customer_id, contract_id, ticket_id, ticket_number, activity_type, agent_id,
           performed_at, performed_on, minutes, talk_seconds, caller_number, call_id, billable, materials, description, voided_at, void_reason, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ($10::timestamptz AT TIME ZONE $11)::date, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (source, source_id) DO NOTHING
         RETURNING performed_on, contract_id)
       SELECT to_char(i.performed_on, 'YYYY-MM-DD') AS performed_on, c.quota_ref IS NOT NULL AS has_quota
       FROM inserted i LEFT JOIN billing_contracts c ON c.id = i.contract_id`,
      [
        item.id, item.source, item.sourceId, item.customerId, item.contractId, item.ticketId, item.ticketNumber, item.activityType, item.agentId,
        item.performedAt, this.timeZone, item.minutes, item.talkSeconds, item.callerNumber, item.callId, item.billable, JSON.stringify(item.materials),
        item.description, item.voidedAt, item.voidReason, receivedAt,
      ],
    );
    const row = rows[0];
    return row ? { performedOn: row.performed_on, hasQuota: row.has_quota } : null;
  }

  /**
   * The bulk form of {@link insertOnce} for a consumer's batch: one statement for all items
   * (sorted by source id, so concurrent batches lock in one order). Returns, per source id
   * that was new, its performed day and whether its contract names a quota; a source id seen
   * before, or twice in the batch, is stored once.
   */
  async insertMany(items: readonly NewItem[], receivedAt: Date): Promise<Map<string, { performedOn: string; hasQuota: boolean }>> {
    if (items.length === 0) return new Map();
    const rows: { source_id: string; performed_on: string; has_quota: boolean }[] = await this.manager.query(
      `WITH inserted AS (
         INSERT INTO billable_items (id, source, source_id, customer_id, contract_id, ticket_id, ticket_number, activity_type, agent_id,
           performed_at, performed_on, minutes, talk_seconds, caller_number, call_id, billable, materials, description, voided_at, void_reason, received_at)
         SELECT r.id, r.source, r.source_id, r.customer_id, r.contract_id, r.ticket_id, r.ticket_number, r.activity_type, r.agent_id,
           r.performed_at, (r.performed_at AT TIME ZONE $2)::date, r.minutes, r.talk_seconds, r.caller_number, r.call_id, r.billable, r.materials,
           r.description, r.voided_at, r.void_reason, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, source text, source_id uuid, customer_id uuid, contract_id uuid, ticket_id uuid, ticket_number text,
           activity_type text, agent_id uuid, performed_at timestamptz, minutes integer, talk_seconds integer, caller_number text, call_id uuid, billable boolean,
           materials jsonb, description text, voided_at timestamptz, void_reason text)
         ORDER BY r.source_id
         ON CONFLICT (source, source_id) DO NOTHING
         RETURNING source_id, performed_on, contract_id)
       SELECT i.source_id, to_char(i.performed_on, 'YYYY-MM-DD') AS performed_on, c.quota_ref IS NOT NULL AS has_quota
       FROM inserted i LEFT JOIN billing_contracts c ON c.id = i.contract_id`,
      [JSON.stringify(items.map(toRecord)), this.timeZone, receivedAt],
    );
    return new Map(rows.map((r) => [r.source_id, { performedOn: r.performed_on, hasQuota: r.has_quota }]));
  }

  /** Gives not yet billed call items the tickets their work entries name (bulk {@link attachCallToTicket}). */
  async attachCallsToTickets(links: readonly { callId: string; ticketId: string; ticketNumber: string }[]): Promise<void> {
    if (links.length === 0) return;
    await this.manager.query(
      `UPDATE billable_items b SET ticket_id = l.ticket_id, ticket_number = l.ticket_number
       FROM (SELECT DISTINCT ON (call_id) * FROM jsonb_to_recordset($1::jsonb) AS x(call_id uuid, ticket_id uuid, ticket_number text) ORDER BY call_id) l
       WHERE b.source = 'call' AND b.source_id = l.call_id AND b.ticket_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM billing_item_lines il WHERE il.item_id = b.id)`,
      [JSON.stringify(links.map((l) => ({ call_id: l.callId, ticket_id: l.ticketId, ticket_number: l.ticketNumber })))],
    );
  }

  /** The tickets of work entries made from the calls (bulk {@link ticketOfCall}). */
  async ticketsOfCalls(callIds: readonly string[]): Promise<Map<string, { ticketId: string; ticketNumber: string | null }>> {
    if (callIds.length === 0) return new Map();
    const rows: { call_id: string; ticket_id: string; ticket_number: string | null }[] = await this.manager.query(
      `SELECT DISTINCT ON (call_id) call_id, ticket_id, ticket_number FROM billable_items
       WHERE call_id = ANY($1::uuid[]) AND source = 'worklog' AND ticket_id IS NOT NULL ORDER BY call_id`,
      [callIds],
    );
    return new Map(rows.map((r) => [r.call_id, { ticketId: r.ticket_id, ticketNumber: r.ticket_number }]));
  }

  /** Marks a work item voided; false when there is no such item or it was voided before. */
  async voidWorklog(entryId: string, voidedAt: Date, reason: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown[], number] = await this.manager.query(
      `UPDATE billable_items SET voided_at = $2, void_reason = $3 WHERE source = 'worklog' AND source_id = $1 AND voided_at IS NULL`,
      [entryId, voidedAt, reason],
    );
    return affected > 0;
  }

  /** The ticket of the work entry made from a call, so the call's item groups under it. */
  async ticketOfCall(callId: string): Promise<{ ticketId: string; ticketNumber: string | null } | null> {
    const rows: { ticket_id: string; ticket_number: string | null }[] = await this.manager.query(
      `SELECT ticket_id, ticket_number FROM billable_items WHERE call_id = $1 AND source = 'worklog' AND ticket_id IS NOT NULL LIMIT 1`,
      [callId],
    );
    const row = rows[0];
    return row ? { ticketId: row.ticket_id, ticketNumber: row.ticket_number } : null;
  }

  /** Gives a not yet billed call item the ticket its work entry names. */
  async attachCallToTicket(callId: string, ticketId: string, ticketNumber: string): Promise<void> {
    await this.manager.query(
      `UPDATE billable_items b SET ticket_id = $2, ticket_number = $3 WHERE source = 'call' AND source_id = $1 AND ticket_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM billing_item_lines il WHERE il.item_id = b.id)`,
      [callId, ticketId, ticketNumber],
    );
  }

  /** Day and minutes of standing billable work items of a contract in a date range (quota usage over several periods). */
  async workMinutesByDay(contractId: string, from: string, to: string): Promise<{ day: string; minutes: number }[]> {
    return this.manager.query(
      `SELECT to_char(performed_on, 'YYYY-MM-DD') AS day, minutes FROM billable_items
       WHERE contract_id = $1 AND performed_on BETWEEN $2 AND $3 AND source = 'worklog' AND billable AND voided_at IS NULL`,
      [contractId, from, to],
    );
  }

  /** Minutes of standing billable work items of a contract in a date range (quota usage). */
  async workMinutes(contractId: string, from: string, to: string): Promise<number[]> {
    const rows: { minutes: number }[] = await this.manager.query(
      `SELECT minutes FROM billable_items WHERE contract_id = $1 AND performed_on BETWEEN $2 AND $3 AND source = 'worklog' AND billable AND voided_at IS NULL`,
      [contractId, from, to],
    );
    return rows.map((r) => r.minutes);
  }
}

/** An item as a record of {@link ItemsRepository.insertMany}'s JSON. */
function toRecord(item: NewItem): Record<string, unknown> {
  return {
    id: item.id, source: item.source, source_id: item.sourceId, customer_id: item.customerId, contract_id: item.contractId, ticket_id: item.ticketId,
    ticket_number: item.ticketNumber, activity_type: item.activityType, agent_id: item.agentId, performed_at: item.performedAt.toISOString(),
    minutes: item.minutes, talk_seconds: item.talkSeconds, caller_number: item.callerNumber, call_id: item.callId, billable: item.billable,
    materials: item.materials, description: item.description, voided_at: item.voidedAt?.toISOString() ?? null, void_reason: item.voidReason,
  };
}
