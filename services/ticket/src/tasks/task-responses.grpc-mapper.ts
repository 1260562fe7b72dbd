import { ticketV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { toActorMessage } from '../tickets/ticket-responses.grpc-mapper';
import type { TaskKind, TaskStatus } from './task';
import { APPOINTMENT_MODE_TO_PROTO } from './task-requests.grpc-mapper';
import type { VisibleTask } from './task-visibility';

/** Task status → `helpdesk.ticket.v1.TaskStatus`. */
export const TASK_STATUS_TO_PROTO: Readonly<Record<TaskStatus, ticketV1.TaskStatus>> = {
  open: ticketV1.TaskStatus.TASK_STATUS_OPEN,
  done: ticketV1.TaskStatus.TASK_STATUS_DONE,
  cancelled: ticketV1.TaskStatus.TASK_STATUS_CANCELLED,
};

/** Task kind → `helpdesk.ticket.v1.TaskKind`. */
export const TASK_KIND_TO_PROTO: Readonly<Record<TaskKind, ticketV1.TaskKind>> = {
  task: ticketV1.TaskKind.TASK_KIND_TASK,
  callback: ticketV1.TaskKind.TASK_KIND_CALLBACK,
};

/** A task as the `Task` message; null ids and texts become '', null times unset Timestamps. */
export function toTaskMessage(task: VisibleTask): ticketV1.Task {
  const a = task.appointment;
  return {
    id: task.id,
    ticketId: task.ticketId,
    kind: TASK_KIND_TO_PROTO[task.kind],
    title: task.title,
    description: task.description,
    status: TASK_STATUS_TO_PROTO[task.status],
    assigneeKind: task.assignee?.kind ?? '',
    assigneeId: task.assignee?.id ?? '',
    dueTime: toTimestamp(task.dueAt),
    remindTime: toTimestamp(task.remindAt),
    appointment: a
      ? { mode: APPOINTMENT_MODE_TO_PROTO[a.mode], startTime: toTimestamp(a.startsAt), endTime: toTimestamp(a.endsAt), location: a.location ?? '', joinUrl: a.joinUrl ?? '' }
      : undefined,
    callId: task.callId ?? '',
    callbackNumber: task.callbackNumber ?? '',
    createdBy: task.createdBy ? toActorMessage(task.createdBy) : undefined,
    createTime: toTimestamp(task.createdAt),
    completeTime: toTimestamp(task.completedAt),
  };
}
