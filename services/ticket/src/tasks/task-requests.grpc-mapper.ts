import { ticketV1, uuidSchema } from '@helpdesk/contracts';
import { protoTimestampSchema } from '@helpdesk/grpc';
import { z } from 'zod';
import { protoEnumSchema, requiredProtoEnumSchema } from '../tickets/ticket-enums.grpc-mapper';
import type { Appointment, TaskAssignee } from './task';
import type { CompleteTaskInput } from './task-completion';
import type { NewTaskInput } from './task-creation';

// Request messages (as @grpc/proto-loader delivers them) → service inputs. Shapes are checked
// here; the rules (title, reminder, appointment times) are the domain's, which names the same
// request fields. Proto3 zero values mean "not given": '' ids, 0 minutes, an unset message.

const text = z.string({ error: 'must be a string' });
const uuid = text.refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');
const requiredId = text.min(1, 'must be set').pipe(uuid);
const int = z.number({ error: 'must be a number' }).int('must be a whole number');

/** Appointment mode → `helpdesk.ticket.v1.AppointmentMode`. */
export const APPOINTMENT_MODE_TO_PROTO: Readonly<Record<Appointment['mode'], ticketV1.AppointmentMode>> = {
  on_site: ticketV1.AppointmentMode.APPOINTMENT_MODE_ON_SITE,
  online: ticketV1.AppointmentMode.APPOINTMENT_MODE_ONLINE,
};

/** How CompleteTask may end a task (UNSPECIFIED means done). */
const COMPLETION_TO_PROTO: Readonly<Record<CompleteTaskInput['status'], ticketV1.TaskStatus>> = {
  done: ticketV1.TaskStatus.TASK_STATUS_DONE,
  cancelled: ticketV1.TaskStatus.TASK_STATUS_CANCELLED,
};

const ASSIGNEE_KINDS = ['agent', 'supplier_contact'] as const;

const appointment = z
  .object({
    mode: requiredProtoEnumSchema(APPOINTMENT_MODE_TO_PROTO, ticketV1.AppointmentMode.APPOINTMENT_MODE_UNSPECIFIED),
    startTime: protoTimestampSchema.refine((value) => value !== null, 'must be set'),
    endTime: protoTimestampSchema.refine((value) => value !== null, 'must be set'),
    location: text,
    joinUrl: text,
  })
  .nullish()
  .transform((value): Appointment | null =>
    value && value.startTime && value.endTime
      ? { mode: value.mode, startsAt: value.startTime, endsAt: value.endTime, location: value.location, joinUrl: value.joinUrl }
      : null,
  );

/** `AddTaskRequest` → ticket id and {@link NewTaskInput}; no assignee kind and id is unassigned. */
export const addTaskRequestSchema = z
  .object({
    ticketId: requiredId,
    title: text,
    description: text,
    assigneeKind: text,
    assigneeId: z.union([z.literal(''), uuid]),
    dueTime: protoTimestampSchema,
    reminderLeadMinutes: int,
    appointment,
  })
  .superRefine((r, ctx) => {
    if (r.assigneeKind === '' && r.assigneeId !== '') ctx.addIssue({ code: 'custom', path: ['assigneeKind'], message: 'must be set when assigneeId is' });
    if (r.assigneeKind !== '' && !isAssigneeKind(r.assigneeKind)) {
      ctx.addIssue({ code: 'custom', path: ['assigneeKind'], message: `must be one of ${ASSIGNEE_KINDS.join(', ')} (got "${r.assigneeKind}")` });
    }
    if (r.assigneeKind !== '' && r.assigneeId === '') ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'must be set when assigneeKind is' });
  })
  .transform(({ ticketId, assigneeKind, assigneeId, dueTime, reminderLeadMinutes, ...rest }): { ticketId: string; input: NewTaskInput } => {
    const assignee: TaskAssignee | null = isAssigneeKind(assigneeKind) && assigneeId ? { kind: assigneeKind, id: assigneeId } : null;
    return { ticketId, input: { ...rest, assignee, dueAt: dueTime, reminderLeadMinutes: reminderLeadMinutes === 0 ? null : reminderLeadMinutes } };
  });

/** `CompleteTaskRequest` → ticket id, task id and {@link CompleteTaskInput}; UNSPECIFIED is done, OPEN is refused. */
export const completeTaskRequestSchema = z
  .object({
    ticketId: requiredId,
    taskId: requiredId,
    status: protoEnumSchema(COMPLETION_TO_PROTO, ticketV1.TaskStatus.TASK_STATUS_UNSPECIFIED),
    note: text,
  })
  .transform(({ ticketId, taskId, status, note }): { ticketId: string; taskId: string; input: CompleteTaskInput } => ({
    ticketId,
    taskId,
    input: { status: status ?? 'done', note },
  }));

/** `ListTasksRequest` → ticket id. */
export const listTasksRequestSchema = z.object({ ticketId: requiredId });

function isAssigneeKind(kind: string): kind is TaskAssignee['kind'] {
  return (ASSIGNEE_KINDS as readonly string[]).includes(kind);
}
