import type { BillingStatementIssuedV1 } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { DraftStatement } from './statement-draft';
import type { RunComputation } from './run-computation';

const CHUNK = 5_000;
const MARK_SLICE = 20_000;

/** Writes an issued run's statements and lines and marks its items billed, in bulk. */
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
  const billed = new Map<string, { id: string; statement_id: string; line_ids: string[]; charged_minor: number | null }>();
  issued.forEach((s) => {
    for (const l of s.lines) {
      if (l.kind === 'reversal') continue;
      for (const src of l.sourceItems) {
        const row = billed.get(src.itemId) ?? { id: src.itemId, statement_id: s.statementId, line_ids: [], charged_minor: computation.callCharges.get(src.itemId) ?? null };
        row.line_ids.push(l.lineId);
        billed.set(src.itemId, row);
      }
    }
  });
  for (const item of computation.settledWithoutLine) {
    const statementId = item.customerId ? statementOfCustomer.get(item.customerId) : undefined;
    if (statementId && !billed.has(item.id)) billed.set(item.id, { id: item.id, statement_id: statementId, line_ids: [], charged_minor: item.source === 'call' ? 0 : null });
  }
  await markBilled(manager, [...billed.values()]);
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

/**
 * One UPDATE per slice of {@link MARK_SLICE} items, the values as parallel arrays (`unnest`: no
 * JSON to build or parse per item), sorted by id so the primary key is walked in order.
 */
async function markBilled(manager: EntityManager, rows: { id: string; statement_id: string; line_ids: string[]; charged_minor: number | null }[]): Promise<void> {
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < rows.length; i += MARK_SLICE) {
    const slice = rows.slice(i, i + MARK_SLICE);
    await manager.query(
      `UPDATE billable_items b SET statement_id = u.statement_id, line_ids = string_to_array(u.line_ids, ',')::uuid[], charged_minor = u.charged_minor
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[]) AS u(id, statement_id, line_ids, charged_minor) WHERE b.id = u.id`,
      [slice.map((r) => r.id), slice.map((r) => r.statement_id), slice.map((r) => r.line_ids.join(',')), slice.map((r) => r.charged_minor)],
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
