import { z } from 'zod';
import { actorSchema } from './actor';
import { e164Schema, timestampSchema, uuidSchema } from './primitives';

/** What a task is: a general sub-step or a callback requested by a missed call ("Rückruf"). */
export const taskKindSchema = z.enum(['task', 'callback']);
/** Task statuses. */
export const taskStatusSchema = z.enum(['open', 'in_progress', 'done', 'cancelled']);

/** A customer appointment attached to a task (on site or online). */
export const appointmentSchema = z.object({
  mode: z.enum(['on_site', 'online']).describe('on_site: at the customer\'s location; online: a remote session.'),
  startsAt: timestampSchema.describe('Start of the appointment.'),
  endsAt: timestampSchema.describe('End of the appointment.'),
  location: z.string().nullable().describe('Address for on-site appointments; null when online or not yet known.'),
  joinUrl: z.string().nullable().describe('Meeting link for online appointments; null when on site or not yet known.'),
});

/** A task (sub-step) on a ticket, as it stands after the change. */
export const ticketTaskSchema = z.object({
  taskId: uuidSchema.describe('Id of the task.'),
  kind: taskKindSchema.describe('task: a sub-step; callback: call the customer back (created from a missed call).'),
  title: z.string().min(1).describe('Short title of the task.'),
  description: z.string().describe('What is to be done; may be empty.'),
  status: taskStatusSchema.describe('Status after the change.'),
  assigneeKind: z
    .enum(['agent', 'supplier_contact'])
    .nullable()
    .describe('Whether the assignee is an agent or a supplier\'s contact; null when unassigned.'),
  assigneeId: uuidSchema.nullable().describe('Agent id or contact id of the assignee; null when unassigned.'),
  dueAt: timestampSchema.nullable().describe('When the task is due; the SLA service flags it overdue after this. Null when no due time.'),
  remindAt: timestampSchema.nullable().describe('When to remind the assignee (due time minus reminder lead time); null when no reminder.'),
  appointment: appointmentSchema.nullable().describe('Customer appointment for this task; null when none.'),
  callId: uuidSchema.nullable().describe('For callback tasks: the missed call (helpdesk.call.ended.v1 callId); null otherwise.'),
  callbackNumber: e164Schema
    .nullable()
    .describe('For callback tasks: the number to call back in E.164; null otherwise or when the caller withheld the number.'),
  createdBy: actorSchema.describe('Who created the task.'),
  createdAt: timestampSchema.describe('When the task was created.'),
  completedAt: timestampSchema.nullable().describe('When the task was done or cancelled; null while open.'),
});

/** A task on a ticket. */
export type TicketTask = z.infer<typeof ticketTaskSchema>;
