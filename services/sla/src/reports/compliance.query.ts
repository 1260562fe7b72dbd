import type { DataSource } from 'typeorm';
import type { ComplianceRow } from './compliance';

/** What the report covers. */
export interface ComplianceFilter {
  readonly from: Date;
  readonly to: Date;
  readonly customerId: string | null;
  readonly contractId: string | null;
  readonly policyId: string | null;
  readonly queueId: string | null;
}

interface Row {
  customer_id: string | null;
  contract_id: string | null;
  policy_id: string | null;
  queue_id: string | null;
  target: string;
  tickets: number;
  met: number;
  breached: number;
  open: number;
  median_ms: number | null;
  p90_ms: number | null;
}

/**
 * Compliance per customer, contract, policy, queue and target for clocks started in the period:
 * met in time, breached (late or not at all), still open, and the median and p90 business time
 * of met clocks, computed by PostgreSQL (`percentile_cont`). Only the targets a contract's policy
 * promises count; due dates set by hand (ticket_due, task_due) are no promise to the customer.
 */
export class ComplianceQuery {
  constructor(private readonly dataSource: DataSource) {}

  async report(f: ComplianceFilter): Promise<ComplianceRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.customer_id, t.contract_id, c.policy_id, t.queue_id, c.target,
              count(DISTINCT c.ticket_id)::int AS tickets,
              count(*) FILTER (WHERE c.state = 'met' AND c.breached_at IS NULL)::int AS met,
              count(*) FILTER (WHERE c.breached_at IS NOT NULL)::int AS breached,
              count(*) FILTER (WHERE c.state IN ('running', 'paused') AND c.breached_at IS NULL)::int AS open,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY c.elapsed_ms) FILTER (WHERE c.state = 'met') AS median_ms,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY c.elapsed_ms) FILTER (WHERE c.state = 'met') AS p90_ms
       FROM sla_clocks c JOIN sla_tickets t ON t.ticket_id = c.ticket_id
       WHERE c.started_at >= $1 AND c.started_at < $2 AND c.state <> 'cancelled'
         AND c.target IN ('first_response', 'next_update', 'resolution')
         AND ($3::uuid IS NULL OR t.customer_id = $3) AND ($4::uuid IS NULL OR t.contract_id = $4)
         AND ($5::uuid IS NULL OR c.policy_id = $5) AND ($6::uuid IS NULL OR t.queue_id = $6)
       GROUP BY t.customer_id, t.contract_id, c.policy_id, t.queue_id, c.target
       ORDER BY t.customer_id NULLS FIRST, t.contract_id NULLS FIRST, c.policy_id NULLS FIRST, t.queue_id NULLS FIRST, c.target`,
      [f.from, f.to, f.customerId, f.contractId, f.policyId, f.queueId],
    )) as Row[];
    return rows.map((r) => ({
      customerId: r.customer_id,
      contractId: r.contract_id,
      policyId: r.policy_id,
      queueId: r.queue_id,
      target: r.target,
      tickets: r.tickets,
      met: r.met,
      breached: r.breached,
      open: r.open,
      medianBusinessSeconds: Math.round(Number(r.median_ms ?? 0) / 1000),
      p90BusinessSeconds: Math.round(Number(r.p90_ms ?? 0) / 1000),
    }));
  }
}
