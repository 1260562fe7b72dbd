import type { z } from 'zod';
import { defineEvent } from '../event-definition';
import { billingLineSchema } from '../shared/billing-line';
import type { BillingLine } from '../shared/billing-line';

const schema = billingLineSchema;

/** An example work line; exported for the statement example so both tell the same story. */
export const exampleBillingLine: BillingLine = {
  lineId: '01936c00-0000-7abc-8def-000000000071',
  lineNumber: '2026-11-00042/1',
  runId: '01936c00-0000-7abc-8def-000000000070',
  statementId: '01936c00-0000-7abc-8def-000000000072',
  customerId: '01936a00-1111-7aaa-8bbb-000000000001',
  contractId: '01936a00-3333-7aaa-8bbb-000000000003',
  planId: '01936a00-8888-7aaa-8bbb-000000000008',
  planVersion: 2,
  ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
  ticketNumber: 'T-100234',
  kind: 'work',
  activityType: 'remote_support',
  description: 'Remote support: VPN client update on three laptops',
  quantity: '0.75',
  unit: 'hour',
  unitPrice: { amountMinor: 9800, currency: 'EUR' },
  amount: { amountMinor: 7350, currency: 'EUR' },
  taxRateBasisPoints: 1900,
  rawMinutes: 35,
  roundedMinutes: 45,
  quotaMinutesApplied: 0,
  late: false,
  reversesLineId: null,
  sourceItems: [
    {
      itemId: '01936b30-1000-7abc-8def-000000000081',
      source: 'worklog',
      sourceId: '01936b30-0000-7abc-8def-000000000021',
      performedOn: '2026-11-23T11:00:00.000Z',
      minutes: 35,
    },
  ],
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  issuedAt: '2026-12-01T06:00:00.000Z',
};

/** `helpdesk.billing.line.created.v1`: an invoice line was issued. */
export const billingLineCreatedV1 = defineEvent({
  type: 'helpdesk.billing.line.created.v1',
  domain: 'billing',
  description:
    'An invoice run issued an invoice line (immutable from now on), with quantity, prices, rounding, quota applied and the source items it traces back to.',
  schema,
  example: exampleBillingLine,
});

/** Data of `helpdesk.billing.line.created.v1`. */
export type BillingLineCreatedV1 = z.infer<typeof schema>;
