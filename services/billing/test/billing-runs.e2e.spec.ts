import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { billingLineCreatedV1, billingStatementIssuedV1, billingStatementIssuedV2 } from '@helpdesk/contracts';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { startBillingApp, type BillingApp } from './support/billing-app';
import { itemCounts, query } from './support/db';
import { answeredCall, entry, period, planRequest, publishCustomer, recordWork, voidWork } from './support/fixtures';

interface Money { amountMinor: string; currency: string }
interface Line { lineId: string; lineNumber: string; kind: string; quantity: string; unit: string; amount: Money; roundedMinutes: number; rawMinutes: number; quotaMinutesApplied: number; late: boolean; reversesLineId: string; ticketNumber: string; sourceItems: { sourceId: string; source: string }[]; sourceItemCount: number }
interface Statement { statementId: string; statementNumber: string; customerId: string; lines: Line[]; netTotal: Money; taxTotal: Money; grossTotal: Money }
interface RunResponse { runId?: string; statements: Statement[]; unpricedItemCount: number }

const EVENTUALLY = { timeoutMs: 30_000 };
jest.setTimeout(120_000);

describe('billing: work log and call events become issued statements', () => {
  let app: BillingApp;
  const planId = randomUUID();
  const customerId = randomUUID();
  let contractId: string;
  let ticket: { ticketId: string; number: string; customerId: string; contractId: string | null };

  beforeAll(async () => {
    app = await startBillingApp('billing-runs');
    await app.billing.call('CreatePlan', planRequest(planId), app.tokens.admin);
    contractId = await publishCustomer(app, customerId, planId);
    ticket = { ticketId: randomUUID(), number: 'T-100234', customerId, contractId };
    await expectEventually(async () => expect((await query(app, `SELECT 1 FROM billing_contracts WHERE id = $1`, [contractId])).length).toBe(1), EVENTUALLY);
  }, 60_000);
  afterAll(() => app.stop());

  const preview = (from: string, to: string, token = app.tokens.integration) => app.billing.call<RunResponse>('PreviewRun', { period: period(from, to), customerIds: [customerId] }, token);
  const issue = (from: string, to: string) => app.billing.call<RunResponse>('IssueRun', { period: period(from, to), customerIds: [customerId] }, app.tokens.integration);

  it('issues a statement once, with rounding, materials, calls and traceable lines; redelivery, replay and a void before issue change nothing', async () => {
    const first = entry(35, '2026-11-10T09:00:00.000Z', { materials: [{ sku: 'LIC-VPN-5', description: 'VPN licence', quantity: '3', unit: 'piece' }], note: 'VPN update' });
    const second = entry(15, '2026-11-11T09:00:00.000Z');
    const voided = entry(30, '2026-11-12T09:00:00.000Z');
    const eventId = await recordWork(app, ticket, first);
    await recordWork(app, ticket, first, eventId); // redelivery of the same event
    await recordWork(app, ticket, first); // replay under a new event id
    await recordWork(app, ticket, second);
    await recordWork(app, ticket, voided);
    await voidWork(app, ticket, voided);
    await answeredCall(app, customerId, 515, '2026-11-13T10:00:00.000Z', { ticketId: ticket.ticketId });
    await expectEventually(async () => expect(await itemCounts(app, customerId)).toEqual({ items: 4, voided: 1 }), EVENTUALLY);

    const previewed = await preview('2026-11-01', '2026-11-30');
    expect(previewed.statements).toHaveLength(1);
    const [draft] = previewed.statements as [Statement];
    expect(draft.statementNumber).toBe('');
    const work = draft.lines.find((l) => l.kind === 'LINE_KIND_WORK');
    expect(work).toMatchObject({ rawMinutes: 50, roundedMinutes: 60, quantity: '1', unit: 'hour', amount: { amountMinor: '9800', currency: 'EUR' } });
    expect(work?.sourceItems.map((s) => s.sourceId).sort()).toEqual([first.entryId, second.entryId].sort());
    expect(work?.sourceItemCount).toBe(2);
    expect(draft.lines.find((l) => l.kind === 'LINE_KIND_MATERIAL')).toMatchObject({ quantity: '3', amount: { amountMinor: '14700' } });
    expect(draft.lines.filter((l) => l.kind === 'LINE_KIND_CALL').map((l) => [l.quantity, l.unit, l.amount.amountMinor])).toEqual([['9', 'minute', '1350'], ['1', 'call', '50']]);
    // 98.00 + 147.00 + 13.50 + 0.50 = 259.00 net, 49.21 tax
    expect(draft.netTotal.amountMinor).toBe('25900');
    expect(draft.taxTotal.amountMinor).toBe('4921');

    const issued = await issue('2026-11-01', '2026-11-30');
    expect(issued.runId).toMatch(/^[0-9a-f-]{36}$/);
    const [statement] = issued.statements as [Statement];
    expect(statement.statementNumber).toBe('2026-11-00001');
    expect(statement.lines.map((l) => l.lineNumber)).toEqual(statement.lines.map((_, i) => `2026-11-00001/${i + 1}`));
    expect(statement.grossTotal.amountMinor).toBe('30821');

    const again = await issue('2026-11-01', '2026-11-30');
    expect(again).toMatchObject({ runId: '', statements: [] });

    const lines = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_BILLING'), subject: app.nats.naming.subject(billingLineCreatedV1.type), count: statement.lines.length, timeoutMs: 20_000 });
    expect(new Set(lines.map((e) => (e.event.data as { lineId: string }).lineId))).toEqual(new Set(statement.lines.map((l) => l.lineId)));
    const [issuedEvent] = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_BILLING'), subject: app.nats.naming.subject(billingStatementIssuedV1.type), count: 1, timeoutMs: 20_000 });
    expect(billingStatementIssuedV1.schema.parse(issuedEvent?.event.data)).toMatchObject({ statementNumber: '2026-11-00001', grossTotal: { amountMinor: 30_821, currency: 'EUR' } });
    // Beside v1: statement.issued.v2, one part (small statement), lines counting their source items.
    const [issuedV2] = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_BILLING'), subject: app.nats.naming.subject(billingStatementIssuedV2.type), count: 1, timeoutMs: 20_000 });
    const v2 = billingStatementIssuedV2.schema.parse(issuedV2?.event.data);
    expect(v2).toMatchObject({ statementId: statement.statementId, part: 1, parts: 1, lineCount: statement.lines.length, grossTotal: { amountMinor: 30_821, currency: 'EUR' } });
    expect(v2.lines.map((l) => [l.lineNumber, l.sourceItemCount])).toEqual(statement.lines.map((l) => [l.lineNumber, l.sourceItems.length]));

    const pdf = (await app.billing.stream<{ chunk: Buffer; contentType: string }>('ExportStatement', { statementId: statement.statementId, format: 'STATEMENT_FORMAT_PDF' }, app.tokens.agent));
    expect(pdf[0]?.contentType).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'billing-pdf-'));
    writeFileSync(join(dir, 's.pdf'), Buffer.concat(pdf.map((p) => p.chunk)));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Statement 2026-11-00001');
    expect(text).toContain('Gross total: 308.21 EUR');
    expect(text).toContain('Ticket T-100234');
    expect(text).toMatch(/2026-11-13\s+11:00\s+\+4930123456\s+.*8:35\s+14\.00 EUR/);

    const csv = (await app.billing.stream<{ chunk: Buffer }>('ExportStatement', { statementId: statement.statementId, format: 'STATEMENT_FORMAT_CSV' }, app.tokens.agent));
    const csvText = Buffer.concat(csv.map((p) => p.chunk)).toString('utf8');
    expect(csvText).toContain(`line;2026-11-00001/1;T-100234;work;remote_support`);
    expect(csvText).toContain('total;2026-11-00001;;;;gross;;;;308.21;EUR');
  });

  it('reverses a void after issue in the next run and bills late items there, marked late', async () => {
    const [billed] = await query<{ source_id: string }>(app, `SELECT source_id FROM billable_items WHERE customer_id = $1 AND source = 'worklog' AND minutes = 15`, [customerId]);
    const second = entry(15, '2026-11-11T09:00:00.000Z', { entryId: billed?.source_id ?? '' });
    await voidWork(app, ticket, second);
    const lateEntry = entry(20, '2026-11-28T09:00:00.000Z');
    await recordWork(app, ticket, lateEntry);
    await expectEventually(async () => expect(await itemCounts(app, customerId)).toEqual({ items: 5, voided: 2 }), EVENTUALLY);

    const run = await issue('2026-12-01', '2026-12-31');
    const [statement] = run.statements as [Statement];
    const reversal = statement.lines.find((l) => l.kind === 'LINE_KIND_REVERSAL');
    expect(reversal).toMatchObject({ amount: { amountMinor: '-2450' }, quantity: '-0.25' });
    expect(reversal?.reversesLineId).not.toBe('');
    expect(statement.lines.find((l) => l.kind === 'LINE_KIND_WORK')).toMatchObject({ late: true, roundedMinutes: 30, amount: { amountMinor: '4900' } });
    expect(await issue('2026-12-01', '2026-12-31')).toMatchObject({ runId: '', statements: [] });
  });

  it('changes nothing when any consumed event is delivered again or replayed (calls, voids, directory records)', async () => {
    const callId = randomUUID();
    const callEvent = await answeredCall(app, customerId, 60, '2026-12-02T10:00:00.000Z', { callId });
    await answeredCall(app, customerId, 60, '2026-12-02T10:00:00.000Z', { callId });
    const e = entry(10, '2026-12-02T11:00:00.000Z');
    await recordWork(app, ticket, e);
    const voidEvent = await voidWork(app, ticket, e);
    await voidWork(app, ticket, e);
    // A contract event that is not newer than what billing holds must not undo the newer one.
    await publishCustomer(app, customerId, planId, { contractId, version: 1, billingPlanId: null });
    await expectEventually(async () => expect(await itemCounts(app, customerId)).toEqual({ items: 7, voided: 3 }), EVENTUALLY);
    const [inbox] = await query<{ n: number }>(app, `SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::text[])`, [[callEvent, voidEvent]]);
    expect(inbox?.n).toBe(2);
    const [contract] = await query<{ plan_id: string }>(app, `SELECT plan_id FROM billing_contracts WHERE id = $1`, [contractId]);
    expect(contract?.plan_id).toBe(planId);
  });

  it('refuses bad requests naming the field, and runs to staff other than agents', async () => {
    await expect(preview('2026-11-30', '2026-11-01')).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('period.endDate') });
    await expect(preview('2026-11-01', '2026-11-30', app.tokens.agent)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(app.billing.call('UpdatePlan', planRequest(planId, { validFrom: '2025-06-01' }), app.tokens.admin)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
  });

  it('answers IssueRun with source item counts only when asked to omit the source items; the stored lines keep them', async () => {
    const other = randomUUID();
    const otherContract = await publishCustomer(app, other, planId);
    const otherTicket = { ticketId: randomUUID(), number: 'T-100300', customerId: other, contractId: otherContract };
    const entries = [entry(20, '2026-11-03T09:00:00.000Z'), entry(25, '2026-11-04T09:00:00.000Z')];
    for (const e of entries) await recordWork(app, otherTicket, e);
    await expectEventually(async () => expect(await itemCounts(app, other)).toEqual({ items: 2, voided: 0 }), EVENTUALLY);

    const issued = await app.billing.call<RunResponse>('IssueRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [other], omitSourceItems: true }, app.tokens.integration);
    const [statement] = issued.statements as [Statement];
    const work = statement.lines.find((l) => l.kind === 'LINE_KIND_WORK');
    expect(work).toMatchObject({ sourceItemCount: 2, rawMinutes: 45 });
    expect(statement.lines.every((l) => l.sourceItems.length === 0)).toBe(true);
    const [stored] = await query<{ ids: string[] }>(app, `SELECT array(SELECT e->>'sourceId' FROM jsonb_array_elements(source_items) e ORDER BY 1) AS ids FROM billing_lines WHERE id = $1`, [work?.lineId]);
    expect(stored?.ids).toEqual(entries.map((e) => e.entryId).sort());
    const [billed] = await query<{ n: number }>(app, `SELECT count(*)::int AS n FROM billable_items b JOIN billing_item_lines il ON il.item_id = b.id WHERE b.customer_id = $1 AND il.statement_id = $2 AND il.line_ids = ARRAY[$3::uuid]`, [other, statement.statementId, work?.lineId]);
    expect(billed?.n).toBe(2);
  });

  it('keeps events of unknown customers open as unpriced items', async () => {
    await recordWork(app, { ticketId: randomUUID(), number: 'T-9', customerId: randomUUID(), contractId: null }, entry(10, '2026-11-05T09:00:00.000Z'));
    await expectEventually(async () => {
      const all = await app.billing.call<RunResponse>('PreviewRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [] }, app.tokens.integration);
      expect(all.unpricedItemCount).toBe(1);
    }, EVENTUALLY);
  });
});
