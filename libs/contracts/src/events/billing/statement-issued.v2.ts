import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { billingStatementLineSchema, type BillingStatementLine } from '../shared/billing-line';
import { moneySchema } from '../shared/money';
import { currencySchema, dateSchema, timestampSchema, uuidSchema } from '../shared/primitives';
import { exampleBillingLine } from './line-created.v1';

const schema = z.object({
  statementId: uuidSchema.describe('Id of the statement; the same in every part.'),
  statementNumber: z.string().min(1).describe('Statement number, unique and gap-free, e.g. "2026-11-00042".'),
  runId: uuidSchema.describe('Invoice run that issued the statement.'),
  customerId: uuidSchema.describe('Customer the statement is for.'),
  periodFrom: dateSchema.describe('First day of the billing period (inclusive).'),
  periodTo: dateSchema.describe('Last day of the billing period (inclusive).'),
  currency: currencySchema.describe('Currency of every amount on the statement.'),
  part: z.int().min(1).describe('Which part of the statement this event is, 1-based. A statement whose lines exceed the event size budget is published in several parts.'),
  parts: z.int().min(1).describe('How many parts the statement has; the statement is complete when a subscriber has parts 1…parts of this statementId.'),
  lineCount: z.int().min(0).describe('How many lines the whole statement has (over all parts).'),
  lines: z
    .array(billingStatementLineSchema)
    .describe('The lines of this part in line-number order, without their source items (each line\'s helpdesk.billing.line.created.v1 lists them); the parts in order give every line once.'),
  netTotal: moneySchema.describe('Sum of the line amounts of the whole statement (the same in every part).'),
  taxTotal: moneySchema.describe('Sum of the tax over the tax breakdown of the whole statement.'),
  grossTotal: moneySchema.describe('netTotal + taxTotal.'),
  taxBreakdown: z
    .array(
      z.object({
        taxRateBasisPoints: z.int().min(0).describe('Tax rate in basis points: 1900 = 19.00 %.'),
        net: moneySchema.describe('Net amount at this rate.'),
        tax: moneySchema.describe('Tax at this rate, rounded half up to the minor unit.'),
      }),
    )
    .describe('Net and tax per tax rate of the whole statement; empty for a statement without lines.'),
  issuedAt: timestampSchema.describe('When the run issued the statement.'),
});

const { sourceItems, ...exampleLineHead } = exampleBillingLine;
const exampleLine: BillingStatementLine = { ...exampleLineHead, sourceItemCount: sourceItems.length };

/**
 * `helpdesk.billing.statement.issued.v2`: a customer's statement was issued; lines without their
 * source items and, for a big statement, in parts, so every event stays under the size budget.
 */
export const billingStatementIssuedV2 = defineEvent({
  type: 'helpdesk.billing.statement.issued.v2',
  domain: 'billing',
  description:
    'An invoice run issued a customer\'s statement for a period, for the ERP to invoice: totals and lines (source items only counted; line.created lists them). A statement too big for one event (configurable budget, default 256 KiB) comes in parts 1…parts with the same statementId; every part carries the totals. One statement per customer and run; rerunning a period issues nothing new.',
  schema,
  example: {
    statementId: '01936c00-0000-7abc-8def-000000000072',
    statementNumber: '2026-11-00042',
    runId: '01936c00-0000-7abc-8def-000000000070',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    currency: 'EUR',
    part: 1,
    parts: 1,
    lineCount: 1,
    lines: [exampleLine],
    netTotal: { amountMinor: 7350, currency: 'EUR' },
    taxTotal: { amountMinor: 1397, currency: 'EUR' },
    grossTotal: { amountMinor: 8747, currency: 'EUR' },
    taxBreakdown: [
      { taxRateBasisPoints: 1900, net: { amountMinor: 7350, currency: 'EUR' }, tax: { amountMinor: 1397, currency: 'EUR' } },
    ],
    issuedAt: '2026-12-01T06:00:00.000Z',
  },
});

/** Data of `helpdesk.billing.statement.issued.v2` (one part). */
export type BillingStatementIssuedV2 = z.infer<typeof schema>;
