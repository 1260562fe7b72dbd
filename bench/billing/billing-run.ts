import { randomUUID } from 'node:crypto';
import { signTestJwt } from '@helpdesk/testing';
import { Client } from 'pg';
import { billingClient } from './billing-client';
import { benchCustomers, bigStatementEvents, contractEvents, publishAll, usageEvents } from './billing-events';
import { buildBillingService, startBillingProcess } from './billing-process';
import { seedItems } from './billing-seed';

/**
 * Billing service: (a) work log and call events consumed into billable items per second,
 * (b) IssueRun for a month over all of them, (c) ExportStatement of a 1 000-line statement as
 * PDF. `BENCH_BILLING_EVENTS` events (default 100 000) are published and consumed, spread over
 * 10 000 customers; before the run, items of the same shape are written straight into the
 * database until there are `BENCH_BILLING_ITEMS` (default 1 000 000, the figure; 0: none),
 * so (b) runs at full size without consuming a million events (the output marks them seeded).
 */

const EVENTS = Number(process.env['BENCH_BILLING_EVENTS'] ?? 100_000);
const ITEMS = Number(process.env['BENCH_BILLING_ITEMS'] ?? 1_000_000);
const CUSTOMERS = 10_000;
const eur = (minor: number) => ({ amountMinor: String(minor), currency: 'EUR' });
const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;

export async function runBillingRun(): Promise<void> {
  await buildBillingService();
  const service = await startBillingProcess('bench-billing');
  const client = billingClient(service.grpcAddress);
  const pg = new Client({ connectionString: service.db.url });
  await pg.connect();
  const count = async (sql: string) => Number((await pg.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  const waitFor = async (sql: string, expected: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (let n = await count(sql); n < expected; n = await count(sql)) {
      if (Date.now() > deadline) throw new Error(`only ${n} of ${expected} after ${seconds(timeoutMs)}: ${sql}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  try {
    const admin = await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] });
    const planId = randomUUID();
    await client.call('CreatePlan', {
      planId,
      validFrom: { year: 2026, month: 1, day: 1 },
      terms: {
        name: 'Bench', currency: 'EUR', activityRates: [{ activityType: 'remote_support', hourlyRate: eur(9_800) }], defaultHourlyRate: eur(9_000),
        rounding: { incrementMinutes: 15, minimumMinutes: 15, scope: 'ROUNDING_SCOPE_ENTRY' },
        callPricing: { mode: 'CALL_PRICING_MODE_PER_STARTED_MINUTE', intervalSeconds: 0, unitRate: eur(150), flatFee: eur(50), freeMinutes: 0 },
        materialPrices: [], taxRateBasisPoints: 1_900, quotas: [], quotaThresholdsPercent: [],
      },
    }, admin);
    const customers = benchCustomers(CUSTOMERS + 1);
    const big = customers[CUSTOMERS]!;
    await publishAll(service.nats.nc, service.nats.naming, contractEvents(customers, planId));
    await waitFor('SELECT count(*) AS n FROM billing_contracts', customers.length, 300_000);

    // (a) consumption: publish everything, then time until the last item is stored.
    const startedAt = Date.now();
    const published = await publishAll(service.nats.nc, service.nats.naming, usageEvents(customers.slice(0, CUSTOMERS), EVENTS));
    const publishedAt = Date.now();
    await publishAll(service.nats.nc, service.nats.naming, bigStatementEvents(big));
    const total = published + 1_200;
    await waitFor('SELECT count(*) AS n FROM billable_items', total, 60 * 60_000);
    const consumedMs = Date.now() - startedAt;
    console.log(`  (a) ${total} events (${CUSTOMERS} customers + one with a 1 000-line statement) published in ${seconds(publishedAt - startedAt)}; consumed into items in ${seconds(consumedMs)}: ${Math.round(total / (consumedMs / 1_000))} events/s (target ≥ 3 000)`);

    const seeded = Math.max(0, ITEMS - total);
    if (seeded > 0) {
      const seedStarted = Date.now();
      await seedItems(pg, customers.slice(0, CUSTOMERS), seeded, EVENTS);
      console.log(`  (b) seeded ${seeded} more items straight into billable_items (not consumed; INSERT … generate_series) in ${seconds(Date.now() - seedStarted)}: ${total + seeded} items`);
    }

    // (b) one run for the month over everything.
    const runStarted = Date.now();
    // The ERP reads the source items from the statement events; the run's caller asks for counts only
    // (BENCH_BILLING_SOURCE_ITEMS=1: the response carries all million references, as before).
    const omitSourceItems = process.env['BENCH_BILLING_SOURCE_ITEMS'] !== '1';
    const run = await client.call<{ runId: string; statements: { statementId: string; customerId: string; lines: unknown[] }[] }>('IssueRun', { period: { startDate: { year: 2026, month: 11, day: 1 }, endDate: { year: 2026, month: 11, day: 30 } }, customerIds: [], omitSourceItems }, admin);
    const runMs = Date.now() - runStarted;
    const lines = run.statements.reduce((s, st) => s + st.lines.length, 0);
    const billed = await count(`SELECT count(*) AS n FROM billing_item_lines`);
    console.log(`  (b) IssueRun November over ${billed} items: ${run.statements.length} statements, ${lines} lines in ${seconds(runMs)} (target < 60 s; source items ${omitSourceItems ? 'omitted from' : 'in'} the response)`);
    // The statements' events are written to the outbox after the run committed, in slices.
    const drainDeadline = Date.now() + 30 * 60_000;
    while ((await count('SELECT count(*) AS n FROM billing_statement_publications')) > 0) {
      if (Date.now() > drainDeadline) throw new Error('statement events not written within 30 min');
      await new Promise((r) => setTimeout(r, 500));
    }
    const events = await count(`SELECT count(*) AS n FROM outbox WHERE type IN ('helpdesk.billing.line.created.v1', 'helpdesk.billing.statement.issued.v1', 'helpdesk.billing.statement.issued.v2')`);
    console.log(`  (b) its ${events} line and statement events were in the outbox ${seconds(Date.now() - runStarted)} after the run started`);

    // (c) the 1 000-line statement as PDF.
    const statement = run.statements.find((s) => s.customerId === big.customerId);
    if (!statement) throw new Error('the big statement was not issued');
    const pdfStarted = Date.now();
    const chunks = await client.stream<{ chunk: Buffer }>('ExportStatement', { statementId: statement.statementId, format: 'STATEMENT_FORMAT_PDF' }, admin);
    const pdfMs = Date.now() - pdfStarted;
    const bytes = chunks.reduce((s, c) => s + c.chunk.length, 0);
    console.log(`  (c) PDF of a ${statement.lines.length}-line statement with 200 calls: ${(bytes / 1024).toFixed(0)} KiB in ${seconds(pdfMs)} (target < 2 s)`);
  } finally {
    client.close();
    await pg.end();
    await service.stop();
  }
}
