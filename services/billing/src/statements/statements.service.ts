import { requireRole, scopeOf, type Caller } from '@helpdesk/auth';
import { billingLineSchema, type BillingLine } from '@helpdesk/contracts';
import type { DataSource } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import { BillingError } from '../errors/billing.errors';
import { statementCsv } from './statement-csv';
import type { StatementDocument } from './statement-document';
import { renderStatementPdf } from './statement.pdf-renderer';
import { lineOf } from './line-row';

/** An exported file. */
export interface StatementFile {
  readonly contentType: string;
  readonly fileName: string;
  readonly content: Buffer;
}

/** Loads issued statements and renders them as CSV or PDF. */
export class StatementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
  ) {}

  /** The statement as a file; a customer token may export only its own statements. */
  async export(caller: Caller, statementId: string, format: 'csv' | 'pdf'): Promise<StatementFile> {
    requireRole(caller, ['admin', 'agent', 'integration', 'customer'], 'BillingService/ExportStatement');
    const doc = await this.document(statementId, scopeOf(caller));
    const base = `statement-${doc.statementNumber}`;
    if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv`, content: Buffer.from(statementCsv(doc), 'utf8') };
    return { contentType: 'application/pdf', fileName: `${base}.pdf`, content: await renderStatementPdf(doc) };
  }

  /** Everything the files show, read from the issued rows. */
  async document(statementId: string, scope: ReturnType<typeof scopeOf>): Promise<StatementDocument> {
    const m = this.dataSource.manager;
    const rows: { number: string; customer_id: string; currency: string; period_from: string; period_to: string; net_minor: string; tax_minor: string }[] = await m.query(
      `SELECT number, customer_id, currency, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, net_minor, tax_minor
       FROM billing_statements WHERE id = $1`,
      [statementId],
    );
    const s = rows[0];
    if (!s || (scope.kind === 'customer' && scope.customerId !== s.customer_id)) throw new BillingError('STATEMENT_NOT_FOUND', `no statement ${statementId}`);
    const lineRows: Record<string, unknown>[] = await m.query(
      `SELECT l.*, to_char(st.period_from, 'YYYY-MM-DD') AS period_from, to_char(st.period_to, 'YYYY-MM-DD') AS period_to, st.issued_at, st.run_id
       FROM billing_lines l JOIN billing_statements st ON st.id = l.statement_id WHERE l.statement_id = $1 ORDER BY l.position`,
      [statementId],
    );
    const lines: BillingLine[] = lineRows.map((r) => billingLineSchema.parse(lineOf(r)));
    const callRows: { performed_at: Date; caller_number: string | null; agent_id: string | null; talk_seconds: number | null; charged_minor: string | null }[] = await m.query(
      `SELECT b.performed_at, b.caller_number, b.agent_id, b.talk_seconds, il.charged_minor
       FROM billing_item_lines il JOIN billable_items b ON b.id = il.item_id WHERE il.statement_id = $1 AND il.call ORDER BY b.performed_at, b.id`,
      [statementId],
    );
    const directory = new DirectoryRepository(m);
    const customer = await directory.customer(s.customer_id);
    const agents = await directory.agentNames([...new Set(callRows.map((c) => c.agent_id).filter((a): a is string => a !== null))]);
    return {
      statementNumber: s.number,
      customerName: customer?.name ?? s.customer_id,
      customerNumber: customer?.number ?? '',
      periodFrom: s.period_from,
      periodTo: s.period_to,
      currency: s.currency,
      netMinor: Number(s.net_minor),
      taxMinor: Number(s.tax_minor),
      lines,
      calls: callRows.map((c) => ({
        at: c.performed_at,
        number: c.caller_number ?? '',
        agent: c.agent_id ? (agents.get(c.agent_id) ?? c.agent_id) : '',
        talkSeconds: c.talk_seconds ?? 0,
        chargedMinor: Number(c.charged_minor ?? 0),
      })),
      timeZone: this.timeZone,
    };
  }
}
