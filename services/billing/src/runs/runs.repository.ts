import type { EntityManager } from 'typeorm';
import type { BillableItem, BilledItem } from '../items/billable-item';
import { ITEM_COLUMNS } from '../items/items.repository';

/** An issued line as stored (for reversals and exports). */
export interface LineRow {
  id: string;
  statement_id: string;
  position: number;
  number: string;
  customer_id: string;
  contract_id: string | null;
  plan_id: string;
  plan_version: number;
  ticket_id: string | null;
  ticket_number: string | null;
  kind: 'work' | 'call' | 'material' | 'reversal';
  activity_type: string | null;
  description: string;
  quantity: string;
  unit: string;
  unit_price_minor: string;
  amount_minor: string;
  currency: string;
  tax_rate_bp: number;
  raw_minutes: number | null;
  rounded_minutes: number | null;
  quota_minutes: number;
  package_minutes: number;
  late: boolean;
  reverses_line_id: string | null;
  source_items: unknown;
}

/** The reads and writes of invoice runs. */
export class RunsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Serialises issuing across replicas for the rest of the transaction. */
  async lockIssuing(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('billing-issue-run'))`);
  }

  /**
   * Open billable items performed up to `to` (customers filter optional): those without a billed
   * mark in `billing_item_lines` (an anti-join; a month's run reads most items anyway).
   */
  async openItems(to: string, customerIds: readonly string[] | null): Promise<BillableItem[]> {
    return this.manager.query(
      `SELECT ${ITEM_COLUMNS} FROM billable_items b
       WHERE billable AND voided_at IS NULL AND performed_on <= $1 AND ($2::uuid[] IS NULL OR customer_id = ANY($2::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM billing_item_lines il WHERE il.item_id = b.id)`,
      [to, customerIds],
    );
  }

  /** Issued items voided since and not yet reversed, with the lines they went into. */
  async itemsToReverse(customerIds: readonly string[] | null): Promise<BilledItem[]> {
    return this.manager.query(
      `SELECT ${ITEM_COLUMNS}, il.line_ids::text[] AS "lineIds" FROM billable_items b JOIN billing_item_lines il ON il.item_id = b.id
       WHERE voided_at IS NOT NULL AND reversed_statement_id IS NULL AND ($1::uuid[] IS NULL OR customer_id = ANY($1::uuid[]))`,
      [customerIds],
    );
  }

  /** Known numbers of tickets, from any of their items. */
  async ticketNumbers(ticketIds: readonly string[]): Promise<Map<string, string>> {
    if (ticketIds.length === 0) return new Map();
    const rows: { ticket_id: string; ticket_number: string }[] = await this.manager.query(
      `SELECT DISTINCT ON (ticket_id) ticket_id, ticket_number FROM billable_items WHERE ticket_id = ANY($1::uuid[]) AND ticket_number IS NOT NULL`,
      [ticketIds],
    );
    return new Map(rows.map((r) => [r.ticket_id, r.ticket_number]));
  }

  async lines(lineIds: readonly string[]): Promise<LineRow[]> {
    if (lineIds.length === 0) return [];
    return this.manager.query(`SELECT * FROM billing_lines WHERE id = ANY($1::uuid[])`, [lineIds]);
  }

  /** Sum of earlier reversal amounts per reversed line. */
  async reversedAmounts(lineIds: readonly string[]): Promise<Map<string, number>> {
    if (lineIds.length === 0) return new Map();
    const rows: { id: string; total: string }[] = await this.manager.query(
      `SELECT reverses_line_id AS id, sum(amount_minor)::text AS total FROM billing_lines WHERE reverses_line_id = ANY($1::uuid[]) GROUP BY reverses_line_id`,
      [lineIds],
    );
    return new Map(rows.map((r) => [r.id, Number(r.total)]));
  }

  /** Items that went into any of the lines: the lines' `source_items` name them (no index on line ids). */
  async itemsOfLines(lineIds: readonly string[]): Promise<BilledItem[]> {
    if (lineIds.length === 0) return [];
    return this.manager.query(
      `SELECT ${ITEM_COLUMNS}, il.line_ids::text[] AS "lineIds" FROM billable_items b JOIN billing_item_lines il ON il.item_id = b.id WHERE b.id IN (
         SELECT (s.item->>'itemId')::uuid FROM billing_lines l CROSS JOIN LATERAL jsonb_array_elements(l.source_items) AS s(item) WHERE l.id = ANY($1::uuid[]))`,
      [lineIds],
    );
  }

  /** Quota minutes already applied on issued lines, per quota key. */
  async quotaApplied(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; used: number }[] = await this.manager.query(
      `SELECT quota_key AS key, sum(quota_minutes)::int AS used FROM billing_lines WHERE quota_key = ANY($1::text[]) GROUP BY quota_key`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.used]));
  }

  /** The next gap-free statement sequence number for a prefix (e.g. "2026-11"). */
  async nextStatementNumbers(prefix: string, count: number): Promise<number> {
    const rows: { last: number }[] = await this.manager.query(
      `INSERT INTO billing_statement_counters (prefix, last) VALUES ($1, $2)
       ON CONFLICT (prefix) DO UPDATE SET last = billing_statement_counters.last + $2 RETURNING last`,
      [prefix, count],
    );
    return (rows[0]?.last ?? count) - count + 1;
  }

  /** Queues issued statements for {@link StatementPublications} (their events follow the commit). */
  async queuePublications(statements: readonly { statementId: string; statementNumber: string }[], now: Date): Promise<void> {
    if (statements.length === 0) return;
    await this.manager.query(
      `INSERT INTO billing_statement_publications (statement_id, number, created_at) SELECT id, number, $3 FROM unnest($1::uuid[], $2::text[]) AS s(id, number)`,
      [statements.map((s) => s.statementId), statements.map((s) => s.statementNumber), now],
    );
  }

  async insertRun(id: string, from: string, to: string, customerIds: readonly string[] | null, issuedAt: Date): Promise<void> {
    await this.manager.query(`INSERT INTO billing_runs (id, period_from, period_to, customer_ids, issued_at) VALUES ($1, $2, $3, $4, $5)`, [id, from, to, customerIds, issuedAt]);
  }
}
