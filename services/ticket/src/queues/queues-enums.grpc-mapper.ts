import { directoryV1, queuesV1 } from '@helpdesk/contracts';
import type { AgentChange } from '../agents/agent';
import type { QueueStrategy } from './queue';
import type { Weekday } from './queue-schedule';
import type { WorkItemReason } from './queue-tickets.repository';

// Domain value → proto enum name, one exhaustive table per enum (the reverse is derived by
// `protoEnumSchema`), as in the tickets feature.

/** Queue strategy → `QueueStrategy`. */
export const QUEUE_STRATEGY_TO_PROTO: Readonly<Record<QueueStrategy, queuesV1.QueueStrategy>> = {
  manual: queuesV1.QueueStrategy.QUEUE_STRATEGY_MANUAL,
  round_robin: queuesV1.QueueStrategy.QUEUE_STRATEGY_ROUND_ROBIN,
  schedule: queuesV1.QueueStrategy.QUEUE_STRATEGY_SCHEDULE,
};

/** ISO weekday → `Weekday`. */
export const WEEKDAY_TO_PROTO: Readonly<Record<Weekday, queuesV1.Weekday>> = {
  1: queuesV1.Weekday.WEEKDAY_MONDAY,
  2: queuesV1.Weekday.WEEKDAY_TUESDAY,
  3: queuesV1.Weekday.WEEKDAY_WEDNESDAY,
  4: queuesV1.Weekday.WEEKDAY_THURSDAY,
  5: queuesV1.Weekday.WEEKDAY_FRIDAY,
  6: queuesV1.Weekday.WEEKDAY_SATURDAY,
  7: queuesV1.Weekday.WEEKDAY_SUNDAY,
};

/** Work item reason → `WorkItemReason`. */
export const WORK_ITEM_REASON_TO_PROTO: Readonly<Record<WorkItemReason, queuesV1.WorkItemReason>> = {
  assigned: queuesV1.WorkItemReason.WORK_ITEM_REASON_ASSIGNED,
  slot: queuesV1.WorkItemReason.WORK_ITEM_REASON_SLOT,
};

/** Upsert outcome → `UpsertOutcome` (shared with the directory). */
export const UPSERT_OUTCOME_TO_PROTO: Readonly<Record<AgentChange['outcome'], directoryV1.UpsertOutcome>> = {
  created: directoryV1.UpsertOutcome.UPSERT_OUTCOME_CREATED,
  updated: directoryV1.UpsertOutcome.UPSERT_OUTCOME_UPDATED,
  unchanged: directoryV1.UpsertOutcome.UPSERT_OUTCOME_UNCHANGED,
};
