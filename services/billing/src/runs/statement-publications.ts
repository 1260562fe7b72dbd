import { billingLineCreatedV1, billingStatementIssuedV1, billingStatementIssuedV2, type BillingLine, type BillingStatementIssuedV1 } from '@helpdesk/contracts';
import type { OutboxPublisher, PendingEvent } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import { withSpan, type Logger } from '@helpdesk/telemetry';
import type { EntityManager, DataSource } from 'typeorm';
import { lineOf } from '../statements/line-row';
import { DEFAULT_EVENT_BUDGET_BYTES, statementEvents } from './statement-events';

interface StatementRow {
  id: string;
  number: string;
  run_id: string;
  customer_id: string;
  currency: string;
  period_from: string;
  period_to: string;
  net_minor: string;
  tax_minor: string;
  tax_breakdown: BillingStatementIssuedV1['taxBreakdown'];
  issued_at: Date;
}

/** Statements whose events one transaction writes (bounds the size of one outbox insert). */
const SLICE = 200;

/**
 * Writes the events of issued statements (`line.created` per line, then `statement.issued`)
 * into the outbox after IssueRun committed, from the stored rows. A month over all customers is
 * hundreds of megabytes of events; building and inserting them inside the issuing transaction
 * held the issuing lock for minutes. Each slice claims its statements with `FOR UPDATE SKIP
 * LOCKED` (replicas share the work), writes their events and deletes the claims in one
 * transaction: every statement's events are written once, in statement-number order per run.
 * Each event stays under `budgetBytes` of data ({@link statementEvents}: source items capped on
 * `line.created`, `statement.issued.v2` in parts, v1 only while it fits).
 */
export class StatementPublications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly budgetBytes: number = DEFAULT_EVENT_BUDGET_BYTES,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {}

  /** Writes the events of up to one slice of statements; returns how many statements. */
  async publishSlice(): Promise<number> {
    // A span of its own, so the events carry trace context (the issuing call's trace ended with its commit).
    return withSpan('billing publish statements', {}, () => this.publishSliceInSpan());
  }

  private async publishSliceInSpan(): Promise<number> {
    return withTransaction(this.dataSource, async (manager) => {
      const deleted: unknown = await manager.query(
        `DELETE FROM billing_statement_publications WHERE statement_id IN (
           SELECT statement_id FROM billing_statement_publications ORDER BY created_at, number LIMIT ${SLICE} FOR UPDATE SKIP LOCKED)
         RETURNING statement_id`,
      );
      // TypeORM answers a DELETE … RETURNING with [rows, rowCount], not the rows.
      const claimed = (Array.isArray(deleted) && Array.isArray(deleted[0]) ? deleted[0] : deleted) as { statement_id: string }[];
      if (claimed.length === 0) return 0;
      const statements = await issuedStatements(manager, claimed.map((c) => c.statement_id));
      const events: PendingEvent[] = statements.flatMap((s) => {
        const time = new Date(s.issuedAt);
        const split = statementEvents(s, this.budgetBytes);
        if (split.statementV1 === null) {
          this.logger?.warn({ statementId: s.statementId, lines: s.lines.length, budgetBytes: this.budgetBytes }, 'statement too big for statement.issued.v1: published as statement.issued.v2 only');
        }
        return [
          ...split.lines.map((line) => ({ event: billingLineCreatedV1, subject: line.lineId, data: line, time })),
          ...(split.statementV1 ? [{ event: billingStatementIssuedV1, subject: s.statementId, data: split.statementV1, time }] : []),
          ...split.statementV2.map((part) => ({ event: billingStatementIssuedV2, subject: s.statementId, data: part, time })),
        ];
      });
      await this.publisher.add(manager, events);
      return claimed.length;
    });
  }

  /** Writes every pending statement's events. */
  async publishAll(): Promise<void> {
    while ((await this.publishSlice()) > 0);
  }
}

/** The `statement.issued` payloads of stored statements, in number order. */
async function issuedStatements(manager: EntityManager, ids: readonly string[]): Promise<BillingStatementIssuedV1[]> {
  const rows: StatementRow[] = await manager.query(
    `SELECT id, number, run_id, customer_id, currency, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to,
       net_minor, tax_minor, tax_breakdown, issued_at FROM billing_statements WHERE id = ANY($1::uuid[]) ORDER BY number`,
    [ids],
  );
  const lineRows: Record<string, unknown>[] = await manager.query(
    `SELECT l.*, to_char(st.period_from, 'YYYY-MM-DD') AS period_from, to_char(st.period_to, 'YYYY-MM-DD') AS period_to, st.issued_at, st.run_id
     FROM billing_lines l JOIN billing_statements st ON st.id = l.statement_id WHERE l.statement_id = ANY($1::uuid[]) ORDER BY l.statement_id, l.position`,
    [ids],
  );
  const linesOf = new Map<string, BillingLine[]>();
  for (const r of lineRows) {
    // Validated once, by the publisher, as part of both events.
    const line = lineOf(r) as BillingLine;
    const list = linesOf.get(line.statementId);
    if (list) list.push(line);
    else linesOf.set(line.statementId, [line]);
  }
  return rows.map((s) => {
    const money = (amountMinor: number) => ({ amountMinor, currency: s.currency });
    const net = Number(s.net_minor);
    const tax = Number(s.tax_minor);
    return {
      statementId: s.id, statementNumber: s.number, runId: s.run_id, customerId: s.customer_id, periodFrom: s.period_from, periodTo: s.period_to,
      currency: s.currency, lines: linesOf.get(s.id) ?? [], netTotal: money(net), taxTotal: money(tax), grossTotal: money(net + tax),
      taxBreakdown: s.tax_breakdown, issuedAt: s.issued_at.toISOString(),
    };
  });
}
