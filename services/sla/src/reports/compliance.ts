/** One group of the compliance report. */
export interface ComplianceRow {
  readonly customerId: string | null;
  readonly contractId: string | null;
  readonly policyId: string | null;
  readonly queueId: string | null;
  readonly target: string;
  readonly tickets: number;
  readonly met: number;
  readonly breached: number;
  readonly open: number;
  readonly medianBusinessSeconds: number;
  readonly p90BusinessSeconds: number;
}

const COLUMNS = ['customer_id', 'contract_id', 'policy_id', 'queue_id', 'target', 'tickets', 'met', 'breached', 'open', 'median_business_seconds', 'p90_business_seconds'] as const;

/** RFC 4180 CSV of the rows with a header line (ids and numbers only, so no cell needs quoting). */
export function complianceCsv(rows: readonly ComplianceRow[]): string {
  const lines = rows.map((r) =>
    [r.customerId ?? '', r.contractId ?? '', r.policyId ?? '', r.queueId ?? '', r.target, r.tickets, r.met, r.breached, r.open, r.medianBusinessSeconds, r.p90BusinessSeconds].join(','),
  );
  return `${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
