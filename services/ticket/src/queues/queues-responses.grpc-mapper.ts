import type { queuesV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { isAbsent, isAvailable, type Agent } from '../agents/agent';
import { TICKET_PRIORITY_TO_PROTO } from '../tickets/ticket-enums.grpc-mapper';
import type { Page } from '../tickets/ticket-filter';
import { toTicketMessage } from '../tickets/ticket-responses.grpc-mapper';
import type { Queue } from './queue';
import { formatClock, type ScheduleSlot } from './queue-schedule';
import { QUEUE_STRATEGY_TO_PROTO, WEEKDAY_TO_PROTO, WORK_ITEM_REASON_TO_PROTO } from './queues-enums.grpc-mapper';
import type { WorkList } from './work-list.service';

// Domain values → QueueService response messages. Null ids become '' and null times unset
// Timestamps, as the proto documents. Records keep who created or changed them in the table,
// not in the domain type, so `audit` carries times and version only (as tickets do).

/** An agent as the `Agent` message; `available` as of `now`. */
export function toAgentMessage(agent: Agent, now: Date): queuesV1.Agent {
  const absent = isAbsent(agent, now);
  return {
    id: agent.id,
    displayName: agent.displayName,
    email: agent.email,
    extension: agent.extension ?? '',
    externalId: agent.externalId ?? '',
    archived: !agent.active,
    availability: {
      absent,
      substituteAgentId: absent ? (agent.absence?.substituteAgentId ?? '') : '',
      absentSince: absent ? toTimestamp(agent.absence?.since) : undefined,
      absentUntil: absent ? toTimestamp(agent.absence?.until) : undefined,
      available: isAvailable(agent, now),
    },
    audit: audit(agent),
  };
}

/** A schedule slot as the `ScheduleSlot` message. */
export function toScheduleSlotMessage(slot: ScheduleSlot): queuesV1.ScheduleSlot {
  return { weekday: WEEKDAY_TO_PROTO[slot.weekday], startTime: formatClock(slot.startMinute), endTime: formatClock(slot.endMinute), agentId: slot.agentId };
}

/** A queue as the `Queue` message. */
export function toQueueMessage(queue: Queue): queuesV1.Queue {
  return {
    id: queue.id,
    key: queue.key,
    name: queue.name,
    categories: [...queue.categories],
    priorities: queue.priorities.map((p) => TICKET_PRIORITY_TO_PROTO[p]),
    leadAgentId: queue.leadAgentId ?? '',
    memberIds: [...queue.memberIds],
    strategy: QUEUE_STRATEGY_TO_PROTO[queue.strategy],
    timeZone: queue.timeZone,
    carryOverInProgress: queue.carryOverInProgress,
    schedule: queue.schedule.map(toScheduleSlotMessage),
    archived: !queue.active,
    audit: audit(queue),
  };
}

/** A page of agents as `ListAgentsResponse`. */
export function toListAgentsResponse(page: Page<Agent>, now: Date): queuesV1.ListAgentsResponse {
  return { agents: page.items.map((agent) => toAgentMessage(agent, now)), page: { nextPageToken: page.nextToken } };
}

/** A page of queues as `ListQueuesResponse`. */
export function toListQueuesResponse(page: Page<Queue>): queuesV1.ListQueuesResponse {
  return { queues: page.items.map(toQueueMessage), page: { nextPageToken: page.nextToken } };
}

/** A work list as `GetWorkListResponse`. */
export function toGetWorkListResponse(list: WorkList): queuesV1.GetWorkListResponse {
  return {
    items: list.items.map((item) => ({ ticket: toTicketMessage(item.ticket), reason: WORK_ITEM_REASON_TO_PROTO[item.reason] })),
    truncated: list.truncated,
    activeSlots: list.activeSlots.map(({ queue, slot }) => ({
      queueId: queue.id,
      queueKey: queue.key,
      slot: toScheduleSlotMessage(slot),
      timeZone: queue.timeZone,
    })),
  };
}

function audit(record: { readonly createdAt: Date; readonly updatedAt: Date; readonly version: number }) {
  return {
    createTime: toTimestamp(record.createdAt),
    createdBy: undefined,
    updateTime: toTimestamp(record.updatedAt),
    updatedBy: undefined,
    version: record.version,
  };
}
