import type { EntityManager } from 'typeorm';
import type { BillableItem, ItemMaterial } from './billable-item';

/** An item to insert; `performedOn` is computed by the database in the billing time zone. */
export type NewItem = Omit<BillableItem, 'performedOn' | 'voided' | 'statementId' | 'lineIds'> & { readonly voidedAt: Date | null; readonly voidReason: string | null };

interface ItemRow {
  id: string;
  source: 'worklog' | 'call';
  source_id: string;
  customer_id: string | null;
  contract_id: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  activity_type: string | null;
  agent_id: string | null;
  performed_at: Date;
  performed_on: string;
  minutes: number;
  talk_seconds: number | null;
  caller_number: string | null;
  call_id: string | null;
  billable: boolean;
  materials: ItemMaterial[];
  description: string;
  voided: boolean;
  statement_id: string | null;
  line_ids: string[];
}

/** Columns of {@link ItemRow}, for the queries that load items. */
export const ITEM_COLUMNS = `id, source, source_id, customer_id, contract_id, ticket_id, ticket_number, activity_type, agent_id, performed_at,
  to_char(performed_on, 'YYYY-MM-DD') AS performed_on, minutes, talk_seconds, caller_number, call_id, billable, materials, description,
  voided_at IS NOT NULL AS voided, statement_id, line_ids::text[] AS line_ids`;

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
      `UPDATE billable_items SET ticket_id = $2, ticket_number = $3 WHERE source = 'call' AND source_id = $1 AND ticket_id IS NULL AND statement_id IS NULL`,
      [callId, ticketId, ticketNumber],
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

/** Maps a loaded row to the domain item. */
export function toItem(r: ItemRow): BillableItem {
  return {
    id: r.id, source: r.source, sourceId: r.source_id, customerId: r.customer_id, contractId: r.contract_id, ticketId: r.ticket_id,
    ticketNumber: r.ticket_number, activityType: r.activity_type, agentId: r.agent_id, performedAt: r.performed_at, performedOn: r.performed_on,
    minutes: r.minutes, talkSeconds: r.talk_seconds, callerNumber: r.caller_number, callId: r.call_id, billable: r.billable, materials: r.materials,
    description: r.description, voided: r.voided, statementId: r.statement_id, lineIds: r.line_ids,
  };
}

export type { ItemRow };
