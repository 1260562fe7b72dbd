import type { ticketV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import type { Page } from '../tickets/ticket-filter';
import { toActorMessage } from '../tickets/ticket-responses.grpc-mapper';
import type { VisibleWorkLine } from './work-visibility';

/**
 * A work log line as the `WorkEntry` message. A voiding entry carries only its reference,
 * reason, author and time; its work fields are empty (no agent, 0 minutes), so adding up the
 * minutes of entries that are not `voided` gives the work that stands.
 */
export function toWorkEntryMessage(line: VisibleWorkLine): ticketV1.WorkEntry {
  const common = {
    id: line.id,
    ticketId: line.ticketId,
    recordedBy: line.recordedBy ? toActorMessage(line.recordedBy) : undefined,
    recordTime: toTimestamp(line.recordedAt),
  };
  if (line.kind === 'void') {
    return {
      ...common,
      agentId: '',
      activityType: '',
      startTime: undefined,
      endTime: undefined,
      durationMinutes: 0,
      billable: false,
      materials: [],
      note: '',
      taskId: '',
      callId: '',
      voided: false,
      voidsEntryId: line.voidsEntryId,
      voidReason: line.reason,
    };
  }
  return {
    ...common,
    agentId: line.agentId,
    activityType: line.activityType,
    startTime: toTimestamp(line.startedAt),
    endTime: toTimestamp(line.endedAt),
    durationMinutes: line.durationMinutes,
    billable: line.billable,
    materials: line.materials.map(({ sku, description, quantity, unit }) => ({ sku, description, quantity, unit })),
    note: line.note,
    taskId: line.taskId ?? '',
    callId: line.callId ?? '',
    voided: line.voided,
    voidsEntryId: '',
    voidReason: '',
  };
}

/** A page of the work log as `ListWorkResponse`. */
export function toListWorkResponse(page: Page<VisibleWorkLine>): ticketV1.ListWorkResponse {
  return { entries: page.items.map(toWorkEntryMessage), page: { nextPageToken: page.nextToken } };
}
