import { z } from 'zod';
import { labelSchema, timestampSchema, uuidSchema } from './primitives';

/**
 * Ticket statuses. new → open → in_progress ⇄ pending → resolved → closed; cancelled from any
 * open state; reopen goes from resolved (or closed) back to open.
 */
export const ticketStatusSchema = z.enum(['new', 'open', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled']);
/** A ticket status. */
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** Ticket priorities, lowest first. */
export const ticketPrioritySchema = z.enum(['low', 'normal', 'high', 'critical']);
/** A ticket priority. */
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;

/** The channel a request came in through. */
export const ticketChannelSchema = z.enum(['email', 'phone', 'portal', 'api', 'chat', 'monitoring', 'sms', 'social', 'form']);
/** A ticket's source channel. */
export type TicketChannel = z.infer<typeof ticketChannelSchema>;

/** The SLA traffic light: green on track, yellow inside the warning lead, red breached. */
export const slaTrafficLightSchema = z.enum(['green', 'yellow', 'red']);
/** An SLA traffic light colour. */
export type SlaTrafficLight = z.infer<typeof slaTrafficLightSchema>;

/**
 * The state of a ticket after the change an event reports. Every ticket event carries it, so a
 * subscriber keeps a read model by "apply if `version` is newer" and redelivery or reordering
 * is harmless.
 */
export const ticketSnapshotSchema = z.object({
  ticketId: uuidSchema.describe('The ticket id (UUIDv7); also the CloudEvent `subject`.'),
  number: z
    .string()
    .min(1)
    .describe('Human-readable ticket number with the configured prefix, e.g. "T-100234"; what customers quote and mail subjects carry.'),
  version: z
    .int()
    .min(1)
    .describe('Per-ticket version, 1 on creation and +1 with every change; apply an event only if it is newer than what you hold.'),
  status: ticketStatusSchema.describe('Status after the change.'),
  priority: ticketPrioritySchema.describe('Priority after the change.'),
  category: labelSchema.describe(
    'Category key from the configurable list (defaults: technical, billing, sales, hr, other).',
  ),
  channel: ticketChannelSchema.describe('Channel the request originally came in through; never changes.'),
  customerId: uuidSchema.nullable().describe('Customer the ticket belongs to; null while not yet identified.'),
  contactId: uuidSchema.nullable().describe('Requesting contact; null when unknown (e.g. a mail from an unknown sender).'),
  contractId: uuidSchema
    .nullable()
    .describe('Contract that governs SLA and billing for this ticket; null when none applies (default policy / plan).'),
  assetIds: z.array(uuidSchema).describe('Affected assets/products from the directory; empty when none named.'),
  assigneeId: uuidSchema.nullable().describe('Agent the ticket is assigned to; null when unassigned (only in a queue).'),
  queueId: uuidSchema.nullable().describe('Queue (ticket pool) the ticket sits in; null when in no queue.'),
  summary: z.string().min(1).describe('One-line summary (subject) of the request.'),
  tags: z.array(labelSchema).describe('Free tags in the order they were added; empty when none.'),
  dueAt: timestampSchema
    .nullable()
    .describe('Due date of the ticket, set by hand or by the SLA service; null when none is set.'),
  warningAt: timestampSchema
    .nullable()
    .describe('When the due-date warning fires (due date minus warning lead time); null when no due date or no lead time.'),
  slaTrafficLight: slaTrafficLightSchema
    .nullable()
    .describe('Worst SLA traffic light last reported by the SLA service; null when no SLA clock runs for the ticket.'),
  slaOverdue: z.boolean().describe('True when the SLA service last reported a breached target that is not yet met.'),
  createdAt: timestampSchema.describe('When the ticket was created.'),
  updatedAt: timestampSchema.describe('When this change happened (equals the CloudEvent `time`).'),
  resolvedAt: timestampSchema
    .nullable()
    .describe('When the ticket was last resolved; null when it was never resolved or has been reopened since.'),
  closedAt: timestampSchema.nullable().describe('When the ticket was closed or cancelled; null while it is not closed or cancelled.'),
});

/** The state of a ticket after a change. */
export type TicketSnapshot = z.infer<typeof ticketSnapshotSchema>;
