import { randomUUID } from 'node:crypto';
import { billingLineCreatedV1, billingStatementIssuedV1, billingStatementIssuedV2, type BillingLine, type BillingStatementIssuedV2 } from '@helpdesk/contracts';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { startBillingApp, type BillingApp } from './support/billing-app';
import { itemCounts, query } from './support/db';
import { entry, period, planRequest, publishCustomer, recordWork } from './support/fixtures';

interface Line { lineId: string; lineNumber: string; sourceItems: { sourceId: string }[]; sourceItemCount: number }
interface RunResponse { statements: { statementId: string; lines: Line[]; grossTotal: { amountMinor: string } }[] }

const EVENTUALLY = { timeoutMs: 30_000 };
/** Small enough that a statement of 13 lines needs several parts and a line of 30 source items is capped. */
const BUDGET = 4_096;
jest.setTimeout(120_000);

describe('billing: statement events stay under the event size budget', () => {
  let app: BillingApp;
  const planId = randomUUID();
  const customerId = randomUUID();
  let contractId: string;

  beforeAll(async () => {
    app = await startBillingApp('billing-events', { BILLING_EVENT_BUDGET_BYTES: String(BUDGET) });
    await app.billing.call('CreatePlan', planRequest(planId), app.tokens.admin);
    contractId = await publishCustomer(app, customerId, planId);
    await expectEventually(async () => expect((await query(app, `SELECT 1 FROM billing_contracts WHERE id = $1`, [contractId])).length).toBe(1), EVENTUALLY);
  }, 60_000);
  afterAll(() => app.stop());

  it('publishes a big statement as statement.issued.v2 parts and caps a line’s source items; reassembled, nothing is lost', async () => {
    const ticket = (n: number) => ({ ticketId: randomUUID(), number: `T-${200_000 + n}`, customerId, contractId });
    for (let n = 0; n < 12; n += 1) await recordWork(app, ticket(n), entry(20, `2026-11-${String(n + 2).padStart(2, '0')}T09:00:00.000Z`));
    const busy = ticket(99);
    for (let n = 0; n < 30; n += 1) await recordWork(app, busy, entry(5, `2026-11-20T${String(8 + Math.floor(n / 6)).padStart(2, '0')}:${String((n % 6) * 10).padStart(2, '0')}:00.000Z`));
    await expectEventually(async () => expect(await itemCounts(app, customerId)).toEqual({ items: 42, voided: 0 }), EVENTUALLY);

    const run = await app.billing.call<RunResponse>('IssueRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [customerId] }, app.tokens.integration);
    const [statement] = run.statements;
    if (!statement) throw new Error('no statement issued');
    expect(statement.lines).toHaveLength(13);
    const big = statement.lines.find((l) => l.sourceItemCount === 30);
    expect(big?.sourceItems).toHaveLength(30);

    const stream = app.nats.naming.streamName('HELPDESK_BILLING');
    const lineEvents = await readEvents(app.nats.nc, { stream, subject: app.nats.naming.subject(billingLineCreatedV1.type), count: 13, timeoutMs: 20_000 });
    const first = await readEvents(app.nats.nc, { stream, subject: app.nats.naming.subject(billingStatementIssuedV2.type), count: 1, timeoutMs: 20_000 });
    const parts = billingStatementIssuedV2.schema.parse(first[0]?.event.data).parts;
    expect(parts).toBeGreaterThan(1);
    const partEvents = await readEvents(app.nats.nc, { stream, subject: app.nats.naming.subject(billingStatementIssuedV2.type), count: parts, timeoutMs: 20_000 });

    // Every event's data is within the budget.
    for (const e of [...lineEvents, ...partEvents]) expect(Buffer.byteLength(JSON.stringify(e.event.data))).toBeLessThanOrEqual(BUDGET);

    // Reassembled by part number: every line once, in order, with its source item count and the totals.
    const data: BillingStatementIssuedV2[] = partEvents.map((e) => billingStatementIssuedV2.schema.parse(e.event.data)).sort((a, b) => a.part - b.part);
    expect(data.map((p) => p.part)).toEqual(Array.from({ length: parts }, (_, i) => i + 1));
    expect(new Set(data.map((p) => p.statementId))).toEqual(new Set([statement.statementId]));
    expect(data.every((p) => p.parts === parts && p.lineCount === 13 && p.grossTotal.amountMinor === Number(statement.grossTotal.amountMinor))).toBe(true);
    const reassembled = data.flatMap((p) => p.lines);
    expect(reassembled.map((l) => l.lineNumber)).toEqual(statement.lines.map((l) => l.lineNumber));
    expect(reassembled.map((l) => l.sourceItemCount)).toEqual(statement.lines.map((l) => l.sourceItemCount));

    // line.created: complete lists where they fit; the busy line lists the first items that fit and says so.
    const created = lineEvents.map((e) => billingLineCreatedV1.schema.parse(e.event.data) as BillingLine);
    const cappedLine = created.find((l) => l.lineId === big?.lineId);
    expect(cappedLine).toMatchObject({ sourceItemCount: 30, sourceItemsComplete: false });
    expect(cappedLine?.sourceItems.length).toBeGreaterThan(0);
    expect(cappedLine?.sourceItems.length).toBeLessThan(30);
    expect(cappedLine?.sourceItems.map((s) => s.sourceId)).toEqual(big?.sourceItems.slice(0, cappedLine?.sourceItems.length).map((s) => s.sourceId));
    for (const l of created.filter((c) => c.lineId !== big?.lineId)) expect(l).toMatchObject({ sourceItemCount: 1, sourceItemsComplete: true });
    // The stored line and the CSV export keep every source item.
    const csv = await app.billing.stream<{ chunk: Buffer }>('ExportStatement', { statementId: statement.statementId, format: 'STATEMENT_FORMAT_CSV' }, app.tokens.agent);
    const text = Buffer.concat(csv.map((c) => c.chunk)).toString('utf8');
    for (const s of big?.sourceItems ?? []) expect(text).toContain(s.sourceId);

    // The v1 statement (all lines with all source items) does not fit, so it was not published: the
    // relay sends in outbox order and v1 would have preceded the v2 parts read above.
    const info = await (await jetstreamManager(app.nats.nc)).streams.info(stream, { subjects_filter: app.nats.naming.subject('helpdesk.billing.>') });
    expect(info.state.subjects?.[app.nats.naming.subject(billingStatementIssuedV1.type)] ?? 0).toBe(0);
  });
});
