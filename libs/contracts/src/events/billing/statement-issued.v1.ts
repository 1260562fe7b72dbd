import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { billingLineSchema } from '../shared/billing-line';
import { moneySchema } from '../shared/money';
import { currencySchema, dateSchema, timestampSchema, uuidSchema } from '../shared/primitives';
import { exampleBillingLine } from './line-created.v1';

const schema = z.object({
  statementId: uuidSchema.describe('Id of the statement.'),
  statementNumber: z.string().min(1).describe('Statement number, unique and gap-free, e.g. "2026-11-00042".'),
  runId: uuidSchema.describe('Invoice run that issued the statement.'),
  customerId: uuidSchema.describe('Customer the statement is for.'),
  periodFrom: dateSchema.describe('First day of the billing period (inclusive).'),
  periodTo: dateSchema.describe('Last day of the billing period (inclusive).'),
  currency: currencySchema.describe('Currency of every amount on the statement.'),
  lines: z.array(billingLineSchema).describe('All lines of the statement in line-number order (also published one by one as helpdesk.billing.line.created.v1).'),
  netTotal: moneySchema.describe('Sum of the line amounts.'),
  taxTotal: moneySchema.describe('Sum of the tax over the tax breakdown.'),
  grossTotal: moneySchema.describe('netTotal + taxTotal.'),
  taxBreakdown: z
    .array(
      z.object({
        taxRateBasisPoints: z.int().min(0).describe('Tax rate in basis points: 1900 = 19.00 %.'),
        net: moneySchema.describe('Net amount at this rate.'),
        tax: moneySchema.describe('Tax at this rate, rounded half up to the minor unit.'),
      }),
    )
    .describe('Net and tax per tax rate; empty for a statement without lines.'),
  issuedAt: timestampSchema.describe('When the run issued the statement.'),
});

/** `helpdesk.billing.statement.issued.v1`: a customer's statement for a period was issued, with all its lines. */
export const billingStatementIssuedV1 = defineEvent({
  type: 'helpdesk.billing.statement.issued.v1',
  domain: 'billing',
  description:
    'An invoice run issued a customer\'s statement for a period with all its lines and totals, for the ERP to invoice. One per customer and run; rerunning a period issues nothing new.',
  schema,
  example: {
    statementId: '01936c00-0000-7abc-8def-000000000072',
    statementNumber: '2026-11-00042',
    runId: '01936c00-0000-7abc-8def-000000000070',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    currency: 'EUR',
    lines: [exampleBillingLine],
    netTotal: { amountMinor: 7350, currency: 'EUR' },
    taxTotal: { amountMinor: 1397, currency: 'EUR' },
    grossTotal: { amountMinor: 8747, currency: 'EUR' },
    taxBreakdown: [
      { taxRateBasisPoints: 1900, net: { amountMinor: 7350, currency: 'EUR' }, tax: { amountMinor: 1397, currency: 'EUR' } },
    ],
    issuedAt: '2026-12-01T06:00:00.000Z',
  },
});

/** Data of `helpdesk.billing.statement.issued.v1`. */
export type BillingStatementIssuedV1 = z.infer<typeof schema>;
