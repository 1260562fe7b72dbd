import { queuesV1, uuidSchema } from '@helpdesk/contracts';
import { protoTimestampSchema } from '@helpdesk/grpc';
import { z } from 'zod';
import type { AgentProfile, AvailabilityInput } from '../agents/agent';
import { TICKET_PRIORITY_TO_PROTO, protoEnumListSchema, protoEnumSchema, requiredProtoEnumSchema } from '../tickets/ticket-enums.grpc-mapper';
import { pageSize, type PageRequest } from '../tickets/ticket-filter';
import type { QueueSettings } from './queue';
import { parseClock, type ScheduleSlot, type Weekday } from './queue-schedule';
import { QUEUE_STRATEGY_TO_PROTO, WEEKDAY_TO_PROTO } from './queues-enums.grpc-mapper';
import type { QueueRef } from './queues.repository';
import type { NewQueueInput } from './queues.service';

// Zod schemas turning QueueService request messages (proto-loader: camelCase, defaults filled)
// into service inputs; issues name the field. Proto3 zero values mean "not given": '' ids, 0
// versions, UNSPECIFIED enums.

const text = z.string({ error: 'must be a string' });
const bool = z.boolean({ error: 'must be a boolean' });
const uuid = text.refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');
const requiredId = text.min(1, 'must be set').pipe(uuid);
const optionalId = z.union([z.literal('').transform(() => null), uuid]);
const int = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative');
const expectedVersion = int.transform((value) => (value === 0 ? undefined : value));
const optionalText = text.transform((value) => value.trim() || null);
const page = z
  .object({ pageSize: int, pageToken: text })
  .nullish()
  .transform((value): PageRequest => ({ size: pageSize(value?.pageSize ?? 0), token: value?.pageToken ?? '' }));

const UNSPECIFIED_STRATEGY = queuesV1.QueueStrategy.QUEUE_STRATEGY_UNSPECIFIED;
const priorities = protoEnumListSchema(TICKET_PRIORITY_TO_PROTO);
const categories = z.array(text.trim());
const memberIds = z.array(uuid);

/** `UpsertAgentRequest` → id, expected version and the profile. */
export const upsertAgentRequestSchema = z
  .object({ id: requiredId, expectedVersion, displayName: text, email: text, extension: text, externalId: text, archived: bool })
  .transform(({ id, expectedVersion: version, archived, ...rest }): { id: string; expectedVersion: number | undefined; profile: AgentProfile } => ({
    id,
    expectedVersion: version,
    profile: { ...rest, active: !archived },
  }));

/** `GetAgentRequest` → the agent id. */
export const getAgentRequestSchema = z.object({ id: requiredId });

/** `ListAgentsRequest` → filter and page. */
export const listAgentsRequestSchema = z.object({ includeArchived: bool, page });

/** `SetAgentAvailabilityRequest` → agent id, availability and the reason for the ticket history. */
export const setAgentAvailabilityRequestSchema = z
  .object({ agentId: requiredId, absent: bool, substituteAgentId: optionalId, absentUntil: protoTimestampSchema, reason: optionalText })
  .transform(({ agentId, absent, substituteAgentId, absentUntil, reason }): { agentId: string; input: AvailabilityInput; reason: string | null } => ({
    agentId,
    input: { absent, substituteAgentId, until: absentUntil },
    reason,
  }));

/** `CreateQueueRequest` → {@link NewQueueInput}; strategy defaults to manual, the zone to the configured one. */
export const createQueueRequestSchema = z
  .object({
    key: text,
    name: text,
    categories,
    priorities,
    leadAgentId: optionalId,
    memberIds,
    strategy: protoEnumSchema(QUEUE_STRATEGY_TO_PROTO, UNSPECIFIED_STRATEGY),
    timeZone: optionalText,
    carryOverInProgress: bool,
  })
  .transform(({ strategy, ...rest }): NewQueueInput => ({ ...rest, strategy: strategy ?? 'manual' }));

/** The fields `UpdateQueueRequest.update_mask` may name, with the request key each reads. */
export const QUEUE_MASK_FIELDS = {
  name: 'name',
  categories: 'categories',
  priorities: 'priorities',
  lead_agent_id: 'leadAgentId',
  member_ids: 'memberIds',
  strategy: 'strategy',
  time_zone: 'timeZone',
  carry_over_in_progress: 'carryOverInProgress',
  archived: 'archived',
} as const;

type QueueMaskField = keyof typeof QUEUE_MASK_FIELDS;
const MASK_NAMES = Object.keys(QUEUE_MASK_FIELDS).join(', ');
const isMaskField = (name: string): name is QueueMaskField => Object.hasOwn(QUEUE_MASK_FIELDS, name);

const patchValues = z.object({
  name: text,
  categories,
  priorities,
  leadAgentId: optionalId,
  memberIds,
  strategy: requiredProtoEnumSchema(QUEUE_STRATEGY_TO_PROTO, UNSPECIFIED_STRATEGY),
  timeZone: text,
  carryOverInProgress: bool,
  archived: bool,
});

/** `UpdateQueueRequest` → id, expected version and a patch of exactly the masked fields. */
export const updateQueueRequestSchema = z
  .looseObject({ id: requiredId, expectedVersion, updateMask: z.array(text) })
  .transform(({ id, expectedVersion: version, updateMask, ...fields }, ctx) => {
    if (updateMask.length === 0) ctx.addIssue({ code: 'custom', path: ['updateMask'], message: `must name at least one field to change (${MASK_NAMES})` });
    updateMask.forEach((name, index) => {
      if (!isMaskField(name)) ctx.addIssue({ code: 'custom', path: ['updateMask', index], message: `unknown field "${name}" (allowed: ${MASK_NAMES})` });
    });
    const keys: { [K in keyof typeof patchValues.shape]?: true } = {};
    for (const name of updateMask.filter(isMaskField)) keys[QUEUE_MASK_FIELDS[name]] = true;
    const parsed = patchValues.pick(keys).safeParse(fields);
    if (!parsed.success) for (const problem of parsed.error.issues) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    if (!parsed.success || updateMask.length === 0 || !updateMask.every(isMaskField)) return z.NEVER;
    // pick() with a runtime mask: exactly the masked keys are present.
    const { archived, ...values } = parsed.data as Partial<z.output<typeof patchValues>>;
    const patch: Partial<QueueSettings> = { ...values, ...(archived === undefined ? {} : { active: !archived }) };
    return { id, expectedVersion: version, patch };
  });

/** `GetQueueRequest` → {@link QueueRef}; the loader names the set oneof member in `ref`. */
export const getQueueRequestSchema = z
  .object({ id: text.nullish(), key: text.nullish(), ref: z.enum(['id', 'key']).nullish() })
  .transform(({ id, key, ref }, ctx): QueueRef => {
    const member = ref ?? (id ? 'id' : key ? 'key' : undefined);
    if (member === 'id' && id) return { id };
    if (member === 'key' && key?.trim()) return { key: key.trim() };
    ctx.addIssue({ code: 'custom', path: [member ?? 'ref'], message: member ? 'must not be empty' : 'must be set: give the queue id or key' });
    return z.NEVER;
  });

/** `ListQueuesRequest` → filter and page. */
export const listQueuesRequestSchema = z
  .object({ memberId: optionalId, includeArchived: bool, page })
  .transform(({ memberId, includeArchived, page: pageRequest }) => ({
    filter: { includeArchived, ...(memberId ? { memberId } : {}) },
    page: pageRequest,
  }));

const slot = z
  .object({
    weekday: requiredProtoEnumSchema(WEEKDAY_TO_PROTO, queuesV1.Weekday.WEEKDAY_UNSPECIFIED),
    startTime: text.transform((value, ctx) => clock(value, false, ctx)),
    endTime: text.transform((value, ctx) => clock(value, true, ctx)),
    agentId: requiredId,
  })
  // The enum table is keyed by ISO day numbers, which the reverse lookup hands back as strings.
  .transform(({ weekday, startTime, endTime, agentId }): ScheduleSlot => ({ weekday: Number(weekday) as Weekday, startMinute: startTime, endMinute: endTime, agentId }));

/** `SetQueueScheduleRequest` → queue id, expected version and the slots. */
export const setQueueScheduleRequestSchema = z.object({ queueId: requiredId, expectedVersion, slots: z.array(slot) });

/** `GetWorkListRequest` → agent id (null: the caller) and how many items. */
export const getWorkListRequestSchema = z.object({ agentId: optionalId, maxItems: int });

/** `TakeTicketRequest` → ticket id and expected version. */
export const takeTicketRequestSchema = z.object({ ticketId: requiredId, expectedVersion });

function clock(value: string, allowEndOfDay: boolean, ctx: z.RefinementCtx): number {
  const minutes = parseClock(value, allowEndOfDay);
  if (minutes !== null) return minutes;
  ctx.addIssue({ code: 'custom', message: `must be a time of day "HH:MM"${allowEndOfDay ? ' (24:00 for the end of the day)' : ''} (got "${value}")` });
  return z.NEVER;
}
