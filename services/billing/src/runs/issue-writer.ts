import type { BillingStatementIssuedV1 } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { DraftStatement } from './statement-draft';
import type { RunComputation } from './run-computation';

const CHUNK = 5_000;
const MARK_SLICE = 20_000;

/** Writes an issued run's statements and lines and marks its items billed (`billing_item_lines`), in bulk. */
export async function writeIssuedRun(
  manager: EntityManager,
  issued: readonly BillingStatementIssuedV1[],
  drafts: readonly DraftStatement[],
  computation: RunComputation,
  mark: (phase: string) => void = () => undefined,
): Promise<void> {
  const statementRows = issued.map((s) => ({
    id: s.statementId, number: s.statementNumber, run_id: s.runId, customer_id: s.customerId, currency: s.currency, period_from: s.periodFrom,
    period_to: s.periodTo, net_minor: s.netTotal.amountMinor, tax_minor: s.taxTotal.amountMinor, tax_breakdown: s.taxBreakdown, issued_at: s.issuedAt,
  }));
  await insertRows(manager, 'billing_statements', statementRows);
  const lineRows = issued.flatMap((s, si) =>
    s.lines.map((l, position) => ({
      id: l.lineId, statement_id: s.statementId, position: position + 1, number: l.lineNumber, customer_id: l.customerId, contract_id: l.contractId,
      plan_id: l.planId, plan_version: l.planVersion, ticket_id: l.ticketId, ticket_number: l.ticketNumber, kind: l.kind, activity_type: l.activityType,
      description: l.description, quantity: l.quantity, unit: l.unit, unit_price_minor: l.unitPrice.amountMinor, amount_minor: l.amount.amountMinor,
      currency: s.currency, tax_rate_bp: l.taxRateBasisPoints, raw_minutes: l.rawMinutes, rounded_minutes: l.roundedMinutes,
      quota_minutes: drafts[si]?.lines[position]?.quotaMinutesApplied ?? 0, package_minutes: drafts[si]?.lines[position]?.packageMinutesApplied ?? 0,
      quota_key: drafts[si]?.lines[position]?.quotaKey ?? null, late: l.late, reverses_line_id: l.reversesLineId,
      source_items: l.sourceItems,
    })),
  );
  await insertRows(manager, 'billing_lines', lineRows);
  mark('writeLinesMs');


  const statementOfCustomer = new Map(issued.map((s) => [s.customerId, s.statementId]));
  const billed = new Map<string, ItemLineRow>();
  issued.forEach((s) => {
    for (const l of s.lines) {
      if (l.kind === 'reversal') continue;
      for (const src of l.sourceItems) {
        const row = billed.get(src.itemId) ?? { itemId: src.itemId, statementId: s.statementId, lineIds: [], chargedMinor: computation.callCharges.get(src.itemId) ?? null, call: src.source === 'call' };
        row.lineIds.push(l.lineId);
        billed.set(src.itemId, row);
      }
    }
  });
  for (const item of computation.settledWithoutLine) {
    const statementId = item.customerId ? statementOfCustomer.get(item.customerId) : undefined;
    if (statementId && !billed.has(item.id)) {
      billed.set(item.id, { itemId: item.id, statementId, lineIds: [], chargedMinor: item.source === 'call' ? 0 : null, call: item.source === 'call' });
    }
  }
  await insertItemLines(manager, [...billed.values()]);
  mark('markItemsMs');
  const reversed = computation.reversedItems
    .map((i) => ({ id: i.id, statement_id: i.customerId ? (statementOfCustomer.get(i.customerId) ?? null) : null }))
    .filter((r) => r.statement_id !== null);
  if (reversed.length > 0) {
    await manager.query(
      `UPDATE billable_items b SET reversed_statement_id = u.statement_id FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, statement_id uuid) WHERE b.id = u.id`,
      [JSON.stringify(reversed)],
    );
  }
  const free = computation.freeSupportItems.map((i) => i.id);
  if (free.length > 0) await manager.query(`UPDATE billable_items SET billable = false WHERE id = ANY($1::uuid[])`, [free]);

}

/** The billed mark of one item (a row of `billing_item_lines`). */
interface ItemLineRow {
  readonly itemId: string;
  readonly statementId: string;
  readonly lineIds: string[];
  readonly chargedMinor: number | null;
  readonly call: boolean;
}

/**
 * Marks items billed by inserting their rows into `billing_item_lines`, never updating the wide
 * item rows: one INSERT per slice of {@link MARK_SLICE} items, the values as parallel arrays
 * (`unnest`: no JSON to build or parse per item), each slice sorted by id in the database so the
 * primary key fills in order. The array parameters are written as PostgreSQL array literals
 * here: uuids, numbers and booleans need no quoting, and the driver's generic array encoding
 * (escaping every element) cost seconds at a million items; so did sorting the ids in Node.
 */
async function insertItemLines(manager: EntityManager, rows: readonly ItemLineRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += MARK_SLICE) {
    const ids: string[] = [];
    const statements: string[] = [];
    const lines: string[] = [];
    const charged: string[] = [];
    const calls: string[] = [];
    for (let k = i; k < Math.min(rows.length, i + MARK_SLICE); k += 1) {
      const r = rows[k] as ItemLineRow;
      ids.push(r.itemId);
      statements.push(r.statementId);
      // One quoted element per item: its line ids, comma-separated (uuids: no quote or backslash inside).
      lines.push(r.lineIds.join(','));
      charged.push(r.chargedMinor === null ? 'NULL' : String(r.chargedMinor));
      calls.push(r.call ? 't' : 'f');
    }
    await manager.query(
      `INSERT INTO billing_item_lines (item_id, statement_id, line_ids, charged_minor, call)
       SELECT item_id, statement_id, CASE WHEN line_ids = '' THEN '{}'::uuid[] ELSE string_to_array(line_ids, ',')::uuid[] END, charged_minor, call
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::boolean[]) AS u(item_id, statement_id, line_ids, charged_minor, call)
       ORDER BY item_id`,
      [`{${ids.join(',')}}`, `{${statements.join(',')}}`, `{"${lines.join('","')}"}`, `{${charged.join(',')}}`, `{${calls.join(',')}}`],
    );
  }
}

async function insertRows(manager: EntityManager, table: 'billing_statements' | 'billing_lines', rows: readonly object[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await manager.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(chunk)]);
  }
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}
