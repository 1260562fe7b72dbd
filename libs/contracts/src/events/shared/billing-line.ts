import { z } from 'zod';
import { moneySchema } from './money';
import { dateSchema, decimalStringSchema, labelSchema, timestampSchema, uuidSchema } from './primitives';

/** One source of a billing line: the agent's work entry or the call it was computed from. */
export const billingSourceItemSchema = z.object({
  itemId: uuidSchema.describe('Billable item in the billing service.'),
  source: z
    .enum(['worklog', 'call', 'worklog_void'])
    .describe('worklog: helpdesk.ticket.worklog.recorded.v1; call: helpdesk.call.ended.v1; worklog_void: helpdesk.ticket.worklog.voided.v1 (reversals).'),
  sourceId: uuidSchema.describe('The work log entryId or the callId the item came from.'),
  performedOn: timestampSchema.describe('When the work or call happened.'),
  minutes: z.int().min(0).nullable().describe('Unrounded minutes of the item (talk time rounded up to started minutes for calls); null for materials.'),
});

/** An issued invoice line (immutable once issued). */
export const billingLineSchema = z.object({
  lineId: uuidSchema.describe('Id of the line.'),
  lineNumber: z.string().min(1).describe('Number of the line, unique and gap-free within the statement, e.g. "2026-11-00042/3".'),
  runId: uuidSchema.describe('Invoice run that issued the line.'),
  statementId: uuidSchema.describe('Statement (one per customer and run) the line belongs to.'),
  customerId: uuidSchema.describe('Customer billed.'),
  contractId: uuidSchema.nullable().describe('Contract the work was done under; null when none.'),
  planId: uuidSchema.describe('Billing plan that priced the line.'),
  planVersion: z.int().min(1).describe('Version of the plan in force when the work was done.'),
  ticketId: uuidSchema.nullable().describe('Ticket the line groups; null for lines not tied to a ticket (e.g. calls without a ticket).'),
  ticketNumber: z.string().min(1).nullable().describe('Human-readable ticket number; null when ticketId is null.'),
  kind: z
    .enum(['work', 'call', 'material', 'reversal'])
    .describe('work: work log time; call: hotline calls (per-minute/interval and per-call fees); material: products used; reversal: cancels a line of an earlier run after a void.'),
  activityType: labelSchema.nullable().describe('Activity type for work lines (e.g. "remote_support"); null otherwise.'),
  description: z.string().min(1).describe('Line text for the statement.'),
  quantity: decimalStringSchema.describe('Billed quantity after rounding and quota as an exact decimal string, e.g. "0.75".'),
  unit: z.string().min(1).describe('Unit of quantity: "hour", "minute", "call", "piece", or a material unit.'),
  unitPrice: moneySchema.describe('Net price per unit.'),
  amount: moneySchema.describe('Net amount of the line (quantity × unit price, rounded to the minor unit); negative for reversals.'),
  taxRateBasisPoints: z.int().min(0).describe('Tax rate carried for the ERP in basis points: 1900 = 19.00 %.'),
  rawMinutes: z.int().min(0).nullable().describe('Sum of unrounded minutes of the source items; null for materials.'),
  roundedMinutes: z.int().min(0).nullable().describe('Minutes after the plan\'s rounding increment and minimum; null for materials.'),
  quotaMinutesApplied: z.int().min(0).describe('Minutes covered by an included quota or prepaid package (not charged); 0 when none.'),
  late: z.boolean().describe('True when the source items arrived after their period had been issued, so they are billed in this later run.'),
  reversesLineId: uuidSchema.nullable().describe('For reversal lines: the line being reversed; null otherwise.'),
  sourceItems: z
    .array(billingSourceItemSchema)
    .min(1)
    .describe('The items the line was computed from, so every amount traces back to an entry or a call. In an event, only the first of them when sourceItemsComplete is false.'),
  sourceItemCount: z
    .int()
    .min(1)
    .optional()
    .describe('How many source items the line has (set by the billing service since its events have a size budget); sourceItems may list fewer, see sourceItemsComplete.'),
  sourceItemsComplete: z
    .boolean()
    .optional()
    .describe('False when the event lists only the first sourceItems of the line, to stay under the event size budget; the stored line, ExportStatement (CSV) and IssueRun carry all. Absent or true: all are listed.'),
  periodFrom: dateSchema.describe('First day of the billing period (inclusive).'),
  periodTo: dateSchema.describe('Last day of the billing period (inclusive).'),
  issuedAt: timestampSchema.describe('When the run issued the line.'),
});

/** An issued invoice line. */
export type BillingLine = z.infer<typeof billingLineSchema>;

/**
 * A line as `helpdesk.billing.statement.issued.v2` carries it: without its source items (each
 * `helpdesk.billing.line.created.v1` event names them), with their count.
 */
export const billingStatementLineSchema = billingLineSchema.omit({ sourceItems: true, sourceItemsComplete: true }).extend({
  sourceItemCount: z.int().min(1).describe('How many source items the line has; its helpdesk.billing.line.created.v1 event lists them.'),
});

/** A line of a `statement.issued.v2` part. */
export type BillingStatementLine = z.infer<typeof billingStatementLineSchema>;
