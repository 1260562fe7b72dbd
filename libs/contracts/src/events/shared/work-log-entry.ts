import { z } from 'zod';
import { actorSchema } from './actor';
import { decimalStringSchema, labelSchema, timestampSchema, uuidSchema } from './primitives';

/** A material or product used during the work. */
export const materialUsageSchema = z.object({
  sku: z.string().min(1).describe('Stock keeping unit as known to the billing plan\'s material prices.'),
  description: z.string().describe('What was used, for the statement; may be empty.'),
  quantity: decimalStringSchema.describe('Quantity used as an exact decimal string, e.g. "2" or "1.5".'),
  unit: z.string().min(1).describe('Unit of the quantity, e.g. "piece", "m", "h".'),
});

/** One entry of a ticket's work log ("Leistungsprotokoll"); append-only. */
export const workLogEntrySchema = z.object({
  entryId: uuidSchema.describe('Id of the work log entry; billing\'s de-duplication key for the billable item.'),
  agentId: uuidSchema.describe('Agent who did the work.'),
  activityType: labelSchema.describe('Activity type key from the configurable list, e.g. "phone_support", "remote_support", "on_site".'),
  startedAt: timestampSchema.nullable().describe('Start of the work; null when only minutes were entered.'),
  endedAt: timestampSchema.nullable().describe('End of the work; null when only minutes were entered.'),
  durationMinutes: z
    .int()
    .min(0)
    .describe('Work duration in whole minutes as entered (unrounded); billing applies the plan\'s rounding.'),
  performedOn: timestampSchema.describe('When the work was done (startedAt when known, else when it was entered); decides the billing period and plan version.'),
  billable: z.boolean().describe('False for work the customer is not charged for (warranty, goodwill); billing records it as documented effort only.'),
  materials: z.array(materialUsageSchema).describe('Materials/products used; empty when none.'),
  note: z.string().describe('Description of the work for the statement; may be empty.'),
  taskId: uuidSchema.nullable().describe('Task of the ticket the work belongs to; null when none.'),
  callId: uuidSchema
    .nullable()
    .describe(
      'Set when the entry was created from a phone call (talk time); the same call also arrives as helpdesk.call.ended.v1, so billing must price the pair once. Null otherwise.',
    ),
  recordedBy: actorSchema.describe('Who entered the work (the agent, or the system for call-derived entries).'),
  recordedAt: timestampSchema.describe('When the entry was recorded.'),
});

/** One work log entry. */
export type WorkLogEntry = z.infer<typeof workLogEntrySchema>;
