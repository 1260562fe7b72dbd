import { randomUUID } from 'node:crypto';
import { billingQuotaThresholdCrossedV1 } from '@helpdesk/contracts';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { startBillingApp, type BillingApp } from './support/billing-app';
import { itemCounts, query } from './support/db';
import { answeredCall, entry, period, planRequest, publishCustomer, recordWork } from './support/fixtures';

interface Money { amountMinor: string; currency: string }
interface Line { kind: string; planVersion: number; roundedMinutes: number; quotaMinutesApplied: number; amount: Money }
interface Statement { customerId: string; lines: Line[] }
interface RunResponse { runId: string; statements: Statement[] }
interface QuotaStatus { quotaRef: string; includedMinutes: number; carriedOverMinutes: number; usedMinutes: number; remainingMinutes: number; period: { startDate: { month: number } } }

const EVENTUALLY = { timeoutMs: 30_000 };
jest.setTimeout(120_000);

describe('billing: quotas, plan versions, free support, replicas and profitability', () => {
  let app: BillingApp;
  const planId = randomUUID();

  beforeAll(async () => {
    app = await startBillingApp('billing-quotas');
    await app.billing.call('CreatePlan', planRequest(planId, { quotas: [{ ref: '1h-monthly', includedMinutes: 60, period: 'QUOTA_PERIOD_MONTHLY', carryOver: true }] }), app.tokens.admin);
  }, 60_000);
  afterAll(() => app.stop());

  const customerWithQuota = async (validFrom = '2026-10-01') => {
    const customerId = randomUUID();
    const contractId = await publishCustomer(app, customerId, planId, { quotaRef: '1h-monthly', validFrom });
    await expectEventually(async () => expect((await query(app, `SELECT 1 FROM billing_contracts WHERE id = $1`, [contractId])).length).toBe(1), EVENTUALLY);
    return { customerId, contractId, ticket: { ticketId: randomUUID(), number: `T-${Math.floor(Math.random() * 1e6)}`, customerId, contractId } };
  };
  const quota = async (customerId: string, day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return (await app.billing.call<{ quotas: QuotaStatus[] }>('GetQuota', { customerId, date: { year: y, month: m, day: d } }, app.tokens.agent)).quotas;
  };

  it('covers work from the quota until it is used up (also inside one entry), carries the rest over, and publishes each threshold once', async () => {
    const { customerId, ticket } = await customerWithQuota();
    await recordWork(app, ticket, entry(20, '2026-10-05T09:00:00.000Z')); // October: 30 of 60 used → 30 carried into November
    await recordWork(app, ticket, entry(35, '2026-11-03T09:00:00.000Z')); // 45
    await recordWork(app, ticket, entry(60, '2026-11-04T09:00:00.000Z')); // 60: crosses 80 % and 100 % of 90 inside this entry
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(3), EVENTUALLY);

    expect(await quota(customerId, '2026-11-20')).toEqual([
      expect.objectContaining({ quotaRef: '1h-monthly', includedMinutes: 60, carriedOverMinutes: 30, usedMinutes: 105, remainingMinutes: -15 }),
    ]);
    const crossed = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_BILLING'), subject: app.nats.naming.subject(billingQuotaThresholdCrossedV1.type), count: 2, timeoutMs: 20_000 });
    const mine = crossed.map((e) => billingQuotaThresholdCrossedV1.schema.parse(e.event.data)).filter((d) => d.customerId === customerId);
    expect(mine.map((d) => [d.thresholdPercent, d.includedMinutes, d.usedMinutes])).toEqual([[80, 90, 105], [100, 90, 105]]);

    const run = await app.billing.call<RunResponse>('IssueRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [customerId] }, app.tokens.integration);
    const work = run.statements[0]?.lines.filter((l) => l.kind === 'LINE_KIND_WORK') ?? [];
    // October's entry is late in this run and draws on October's quota; November's 105 minutes on 90.
    const november = work.find((l) => l.roundedMinutes === 105);
    expect(november).toMatchObject({ quotaMinutesApplied: 90, amount: { amountMinor: '2450' } });
  });

  it('carries unused minutes one period far: used before the month\'s own, expired after the next month', async () => {
    const { customerId, ticket } = await customerWithQuota('2026-08-01');
    // August unused: 60 carried into September. September uses 75: the 60 carried first, then 15 of its own.
    await recordWork(app, ticket, entry(75, '2026-09-10T09:00:00.000Z'));
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(1), EVENTUALLY);
    expect(await quota(customerId, '2026-09-20')).toEqual([expect.objectContaining({ carriedOverMinutes: 60, usedMinutes: 75, remainingMinutes: 45 })]);
    // October: the 45 September left of its own.
    expect(await quota(customerId, '2026-10-20')).toEqual([expect.objectContaining({ carriedOverMinutes: 45, usedMinutes: 0, remainingMinutes: 105 })]);
    // November: October's unused 60; September's 45 expired with October.
    expect(await quota(customerId, '2026-11-20')).toEqual([expect.objectContaining({ carriedOverMinutes: 60, usedMinutes: 0, remainingMinutes: 120 })]);
  });

  it('depletes a prepaid package after the included quota and reports what is left', async () => {
    const customerId = randomUUID();
    const contractId = await publishCustomer(app, customerId, planId);
    const ticket = { ticketId: randomUUID(), number: 'T-P', customerId, contractId };
    await app.billing.call('AddPrepaidPackage', { customerId, minutes: 60, purchasedOn: { year: 2026, month: 10, day: 1 } }, app.tokens.integration);
    const packagesOn = async (day: string) => {
      const [year, month, d] = day.split('-').map(Number);
      return (await app.billing.call<{ packages: { minutes: number; usedMinutes: number; remainingMinutes: number }[] }>('GetQuota', { customerId, date: { year, month, day: d } }, app.tokens.agent)).packages;
    };
    await recordWork(app, ticket, entry(40, '2026-11-03T09:00:00.000Z')); // rounded 45 of 60: 75 %, below the first threshold
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(1), EVENTUALLY);
    // Booked but not invoiced work counts at once, as the next run will draw it.
    expect(await packagesOn('2026-11-10')).toEqual([expect.objectContaining({ minutes: 60, usedMinutes: 45, remainingMinutes: 15 })]);
    await recordWork(app, ticket, entry(30, '2026-11-04T09:00:00.000Z'));
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(2), EVENTUALLY);
    expect(await packagesOn('2026-11-10')).toEqual([expect.objectContaining({ usedMinutes: 60, remainingMinutes: 0 })]);
    // On a day before the work nothing of it counts.
    expect(await packagesOn('2026-11-01')).toEqual([expect.objectContaining({ usedMinutes: 0, remainingMinutes: 60 })]);

    // The first test published two thresholds of an included quota; this package's are the next two.
    const crossed = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_BILLING'), subject: app.nats.naming.subject(billingQuotaThresholdCrossedV1.type), count: 4, timeoutMs: 20_000 });
    const mine = crossed.map((e) => billingQuotaThresholdCrossedV1.schema.parse(e.event.data)).filter((d) => d.customerId === customerId);
    expect(mine).toEqual([80, 100].map((thresholdPercent) => expect.objectContaining({ kind: 'prepaid_package', contractId, planId, periodFrom: null, thresholdPercent, includedMinutes: 60, usedMinutes: 60, remainingMinutes: 0 })));

    const run = await app.billing.call<RunResponse>('IssueRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [customerId] }, app.tokens.integration);
    expect(run.statements[0]?.lines).toEqual([expect.objectContaining({ roundedMinutes: 75, quotaMinutesApplied: 60, amount: { amountMinor: '2450', currency: 'EUR' } })]);
    // Issued use replaces the pending use: the package is not counted twice.
    expect(await packagesOn('2026-11-30')).toEqual([expect.objectContaining({ minutes: 60, usedMinutes: 60, remainingMinutes: 0 })]);
    await recordWork(app, ticket, entry(15, '2026-11-05T09:00:00.000Z'));
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(3), EVENTUALLY);
    expect(await query(app, `SELECT threshold FROM billing_package_thresholds ORDER BY threshold`)).toEqual([{ threshold: 80 }, { threshold: 100 }]);
  });

  it('prices work with the plan version in force on its day when the plan changes mid-period', async () => {
    const otherPlan = randomUUID();
    await app.billing.call('CreatePlan', planRequest(otherPlan), app.tokens.admin);
    const updated = await app.billing.call<{ plan: { versions: { version: number }[] } }>('UpdatePlan', planRequest(otherPlan, { validFrom: '2026-11-15', remoteRate: 12_000 }), app.tokens.admin);
    expect(updated.plan.versions.map((v) => v.version)).toEqual([2, 1]);
    const customerId = randomUUID();
    const contractId = await publishCustomer(app, customerId, otherPlan);
    const ticket = { ticketId: randomUUID(), number: 'T-2', customerId, contractId };
    await recordWork(app, ticket, entry(60, '2026-11-10T09:00:00.000Z'));
    await recordWork(app, ticket, entry(60, '2026-11-20T09:00:00.000Z'));
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(2), EVENTUALLY);
    const preview = await app.billing.call<RunResponse>('PreviewRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [customerId] }, app.tokens.admin);
    expect(preview.statements[0]?.lines.map((l) => [l.planVersion, l.amount.amountMinor])).toEqual([[1, '9800'], [2, '12000']]);
  });

  it('records work under a free-support contract as effort only, and values it in the profitability report', async () => {
    const customerId = randomUUID();
    const contractId = await publishCustomer(app, customerId, planId, { freeSupport: true });
    const ticket = { ticketId: randomUUID(), number: 'T-3', customerId, contractId };
    await recordWork(app, ticket, entry(60, '2026-11-10T09:00:00.000Z'));
    await answeredCall(app, customerId, 120, '2026-11-10T10:00:00.000Z');
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(2), EVENTUALLY);
    const run = await app.billing.call<RunResponse>('IssueRun', { period: period('2026-11-01', '2026-11-30'), customerIds: [customerId] }, app.tokens.admin);
    expect(run.statements).toEqual([]);
    const report = await app.billing.call<{ customers: { customerId: string; workMinutes: number; nonBillableMinutes: number; callCount: number; effortValue: Money; revenue: Money; margin: Money }[] }>(
      'GetCustomerProfitability', { period: period('2026-11-01', '2026-11-30'), customerIds: [customerId] }, app.tokens.agent,
    );
    // 60 min at 98 €/h + a 2-minute call at 1.50 €/min + 0.50 € = 101.50 € of effort, nothing billed.
    expect(report.customers).toEqual([expect.objectContaining({ workMinutes: 60, nonBillableMinutes: 60, callCount: 1, effortValue: { amountMinor: '10150', currency: 'EUR' }, revenue: { amountMinor: '0', currency: 'EUR' }, margin: { amountMinor: '-10150', currency: 'EUR' } })]);
  });

  it('issues a run once when two replicas issue it at the same time', async () => {
    const { customerId, ticket } = await customerWithQuota();
    for (let i = 0; i < 5; i += 1) await recordWork(app, ticket, entry(30, `2026-12-0${i + 1}T09:00:00.000Z`));
    await expectEventually(async () => expect((await itemCounts(app, customerId)).items).toBe(5), EVENTUALLY);
    const replica = await app.replica();
    try {
      const request = { period: period('2026-12-01', '2026-12-31'), customerIds: [] };
      const [a, b] = await Promise.all([
        app.billing.call<RunResponse>('IssueRun', request, app.tokens.integration),
        replica.billing.call<RunResponse>('IssueRun', request, app.tokens.integration),
      ]);
      const winners = [a, b].filter((r) => r.runId !== '');
      expect(winners).toHaveLength(1);
      const [counts] = await query<{ lines: number; items: number }>(app, `SELECT (SELECT count(*)::int FROM billing_lines l JOIN billing_statements s ON s.id = l.statement_id WHERE s.period_from = '2026-12-01') AS lines, (SELECT count(*)::int FROM billable_items b JOIN billing_item_lines il ON il.item_id = b.id WHERE b.customer_id = $1) AS items`, [customerId]);
      expect(counts).toEqual({ lines: winners[0]?.statements.flatMap((s) => s.lines).length, items: 5 });
    } finally {
      await replica.stop();
    }
  });

  it('lists plans with their versions, paged', async () => {
    const first = await app.billing.call<{ plans: { planId: string }[]; page: { nextPageToken: string } }>('ListPlans', { page: { pageSize: 1, pageToken: '' } }, app.tokens.agent);
    expect(first.plans).toHaveLength(1);
    const second = await app.billing.call<{ plans: { planId: string }[] }>('ListPlans', { page: { pageSize: 10, pageToken: first.page.nextPageToken } }, app.tokens.agent);
    expect(second.plans.map((p) => p.planId)).not.toContain(first.plans[0]?.planId);
    expect(first.plans.length + second.plans.length).toBe(2);
  });
});
