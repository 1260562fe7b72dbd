import { z } from 'zod';
import { timestampSchema, uuidSchema } from './primitives';
import { slaTrafficLightSchema, ticketPrioritySchema } from './ticket-snapshot';

/** What a clock measures. */
export const slaTargetSchema = z.enum(['first_response', 'next_update', 'resolution', 'ticket_due', 'task_due']);
/** What an SLA clock measures. */
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/** Where a clock stands. */
export const slaClockStateSchema = z.enum(['running', 'paused', 'met', 'cancelled']);

/** The ticket an SLA event is about, as the SLA service last saw it. */
export const slaTicketRefSchema = z.object({
  ticketId: uuidSchema.describe('The ticket; also the CloudEvent `subject`.'),
  number: z.string().min(1).describe('Human-readable ticket number, for notifications.'),
  summary: z.string().describe('Ticket summary, for notifications.'),
  priority: ticketPrioritySchema.describe('Ticket priority the targets were chosen by.'),
  customerId: uuidSchema.nullable().describe('Customer of the ticket; null when unknown.'),
  contractId: uuidSchema.nullable().describe('Contract whose policy applies; null when the default policy applies.'),
  assigneeId: uuidSchema.nullable().describe('Assigned agent; null when unassigned.'),
  queueId: uuidSchema.nullable().describe('Queue of the ticket; null when none.'),
  ticketVersion: z.int().min(1).describe('The ticket version the SLA service had applied when it published this.'),
});

/** One SLA clock of a ticket (one per target), as it stands after the change. */
export const slaClockSchema = z.object({
  clockId: uuidSchema.describe('Id of the clock in the SLA service.'),
  target: slaTargetSchema.describe(
    'first_response: first agent reply on the customer channel; next_update: agent reply after each customer message; resolution: ticket resolved; ticket_due: the ticket\'s own due date; task_due: a task\'s due time.',
  ),
  taskId: uuidSchema.nullable().describe('For task_due: the task; null otherwise.'),
  policyId: uuidSchema.nullable().describe('SLA policy the target comes from; null for ticket_due and task_due (set by hand).'),
  calendarId: uuidSchema.nullable().describe('Business-hour calendar the clock counts in; null for round-the-clock (24/7) counting.'),
  state: slaClockStateSchema.describe(
    'running: counting; paused: stopped by a pausing status (e.g. pending); met: the target was reached (possibly late, see breachedAt); cancelled: no longer applies (ticket cancelled, task removed).',
  ),
  trafficLight: slaTrafficLightSchema.describe('green: on track; yellow: inside the warning lead; red: breached.'),
  targetSeconds: z.int().min(0).describe('The target as business time in whole seconds (e.g. PT8H = 28800).'),
  elapsedBusinessSeconds: z.int().min(0).describe('Business time counted so far, whole seconds (pauses and closed hours excluded).'),
  remainingBusinessSeconds: z
    .int()
    .describe('targetSeconds minus elapsedBusinessSeconds, whole seconds; negative once breached (how far overdue).'),
  startedAt: timestampSchema.describe('When the clock started.'),
  warningAt: timestampSchema.nullable().describe('When the warning lead begins (instant); null while paused or when no warning lead is configured.'),
  dueAt: timestampSchema.nullable().describe('When the target is due (instant, business hours applied); null while paused, since it depends on the resume time.'),
  metAt: timestampSchema.nullable().describe('When the target was met; null until then.'),
  breachedAt: timestampSchema.nullable().describe('When the due time passed unmet; stays set after a late met. Null when not breached.'),
  escalationLevel: z.int().min(0).describe('Highest escalation level reached so far; 0 when not escalated.'),
});

/** One SLA clock of a ticket. */
export type SlaClock = z.infer<typeof slaClockSchema>;

/** Fields shared by `helpdesk.sla.warning/breached/escalated/met.v1`: the ticket and the clock concerned. */
export const slaClockEventBaseSchema = z.object({
  ticket: slaTicketRefSchema.describe('The ticket the clock belongs to.'),
  clock: slaClockSchema.describe('The clock concerned, as it stands after this moment.'),
});
