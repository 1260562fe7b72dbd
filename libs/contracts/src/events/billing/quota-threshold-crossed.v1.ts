import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { dateSchema, timestampSchema, uuidSchema } from '../shared/primitives';

const schema = z.object({
  quotaId: uuidSchema.describe('Quota (included contingent for a period, or a prepaid package) in the billing service.'),
  kind: z
    .enum(['included', 'prepaid_package'])
    .describe('included: minutes included per period by the plan; prepaid_package: a bought package of hours that depletes.'),
  customerId: uuidSchema.describe('Customer the quota belongs to.'),
  contractId: uuidSchema.nullable().describe('Contract the quota comes with; null for packages bought outside a contract.'),
  planId: uuidSchema.describe('Billing plan defining the quota.'),
  periodFrom: dateSchema.nullable().describe('First day of the quota period (inclusive); null for prepaid packages.'),
  periodTo: dateSchema.nullable().describe('Last day of the quota period (inclusive); null for prepaid packages.'),
  thresholdPercent: z.int().min(1).describe('The configured threshold that was crossed, in percent of the quota (e.g. 80, 100).'),
  includedMinutes: z.int().min(0).describe('Size of the quota in minutes, carry-over included.'),
  usedMinutes: z.int().min(0).describe('Minutes used so far, after rounding.'),
  remainingMinutes: z.int().describe('includedMinutes − usedMinutes; negative when usage exceeds the quota (charged at plan rates).'),
  crossedAt: timestampSchema.describe('When the usage that crossed the threshold was booked.'),
});

/** `helpdesk.billing.quota.threshold.crossed.v1`: quota usage crossed a configured threshold. */
export const billingQuotaThresholdCrossedV1 = defineEvent({
  type: 'helpdesk.billing.quota.threshold.crossed.v1',
  domain: 'billing',
  description:
    'Usage of a customer\'s quota (included contingent or prepaid package) crossed a configured threshold such as 80 % or 100 %, so account managers can offer the next package. Published once per quota, period and threshold.',
  schema,
  example: {
    quotaId: '01936c10-0000-7abc-8def-000000000091',
    kind: 'included',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    contractId: '01936a00-3333-7aaa-8bbb-000000000003',
    planId: '01936a00-8888-7aaa-8bbb-000000000008',
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    thresholdPercent: 80,
    includedMinutes: 600,
    usedMinutes: 495,
    remainingMinutes: 105,
    crossedAt: '2026-11-23T11:36:00.000Z',
  },
});

/** Data of `helpdesk.billing.quota.threshold.crossed.v1`. */
export type BillingQuotaThresholdCrossedV1 = z.infer<typeof schema>;
