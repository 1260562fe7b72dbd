import { uuidSchema, ticketV1 } from '@helpdesk/contracts';
import { protoTimestampSchema } from '@helpdesk/grpc';
import { z } from 'zod';
import type { TicketKey } from './tickets.service';
import type { AssignInput } from './ticket-assignment';
import type { CreateTicketInput } from './ticket-creation';
import {
  SLA_TRAFFIC_LIGHT_TO_PROTO,
  TICKET_CHANNEL_TO_PROTO,
  TICKET_PRIORITY_TO_PROTO,
  TICKET_SORT_TO_PROTO,
  TICKET_STATUS_TO_PROTO,
  protoEnumListSchema,
  protoEnumSchema,
  requiredProtoEnumSchema,
} from './ticket-enums.grpc-mapper';
import { pageSize, type PageRequest, type TicketFilter } from './ticket-filter';
import type { StatusChangeInput } from './ticket-status-change';
import type { TicketPatch } from './ticket-update';

// Zod schemas turning request messages (as @grpc/proto-loader delivers them: camelCase keys,
// defaults filled, unset messages null) into the service's inputs. Issues name the field as the
// client's generated code spells it, e.g. `customerId: must be a UUID`. Proto3 scalars cannot
// say "not given", so their zero values mean it: '' for ids and reasons, 0 for expectedVersion
// and warningLeadMinutes.

/** `CreateTicketRequest.summary` limit from the proto. */
export const SUMMARY_MAX_LENGTH = 300;
/** The category of a ticket created without one (the configuration always lists it). */
export const DEFAULT_CATEGORY = 'other';

const text = z.string({ error: 'must be a string' });
const nonEmptyText = text.trim().min(1, 'must not be empty');
const summary = nonEmptyText.max(SUMMARY_MAX_LENGTH, `must be at most ${SUMMARY_MAX_LENGTH} characters`);
// The test `uuidSchema` (z.uuid()) makes, run directly: a nested safeParse per id field, and the
// failing '' branch of a union for every id that is set, were most of CreateTicket's validation.
const UUID_TEXT = z.regexes.uuid();
const uuid = text.refine((value) => UUID_TEXT.test(value), 'must be a UUID');
const requiredId = text.min(1, 'must be set').pipe(uuid);
/** '' → null (not given, or "clear" in an update), else a UUID. */
const optionalId = text.transform((value, ctx) => {
  if (value === '') return null;
  if (UUID_TEXT.test(value)) return value;
  ctx.addIssue({ code: 'custom', message: 'must be a UUID', input: value });
  return z.NEVER;
});
const int = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative');
/** 0 → not given. */
const expectedVersion = int.transform((value) => (value === 0 ? undefined : value));
/** 0 → no warning: a warning at the due time itself adds nothing to the due date. */
const warningLeadMinutes = int.transform((value) => (value === 0 ? null : value));
const reason = text.transform((value) => value.trim() || null);

const page = z
  .object({ pageSize: int, pageToken: text })
  .nullish()
  .transform((value): PageRequest => ({ size: pageSize(value?.pageSize ?? 0), token: value?.pageToken ?? '' }));

const UNSPECIFIED_CHANNEL = ticketV1.TicketChannel.TICKET_CHANNEL_UNSPECIFIED;
const UNSPECIFIED_PRIORITY = ticketV1.TicketPriority.TICKET_PRIORITY_UNSPECIFIED;
const UNSPECIFIED_STATUS = ticketV1.TicketStatus.TICKET_STATUS_UNSPECIFIED;

/** `CreateTicketRequest` → {@link CreateTicketInput}; an empty category is `other`. */
export const createTicketRequestSchema = z
  .object({
    summary,
    description: text,
    channel: requiredProtoEnumSchema(TICKET_CHANNEL_TO_PROTO, UNSPECIFIED_CHANNEL),
    category: text.trim(),
    priority: protoEnumSchema(TICKET_PRIORITY_TO_PROTO, UNSPECIFIED_PRIORITY),
    customerId: optionalId,
    contactId: optionalId,
    contractId: optionalId,
    assetIds: z.array(uuid),
    queueId: optionalId,
    tags: z.array(text),
    dueTime: protoTimestampSchema,
    warningLeadMinutes,
  })
  .transform(
    ({ dueTime, category, priority, ...rest }): CreateTicketInput => ({
      ...rest,
      category: category || DEFAULT_CATEGORY,
      ...(priority ? { priority } : {}),
      dueAt: dueTime,
    }),
  );

/**
 * `GetTicketRequest` → {@link TicketKey}. The loader delivers the oneof as the set member plus
 * its name in `key` (`{ id, key: 'id' }`); without `key` (in-process callers) the non-empty
 * member counts.
 */
export const getTicketRequestSchema = z
  .object({ id: text.nullish(), number: text.nullish(), key: z.enum(['id', 'number']).nullish() })
  .transform(({ id, number, key }, ctx): TicketKey => {
    if (!key && id && number) return issue(ctx, ['key'], 'set only one of id and number');
    const member = key ?? (id ? 'id' : number ? 'number' : undefined);
    if (member === 'id') {
      return uuidSchema.safeParse(id).success ? { id: id ?? '' } : issue(ctx, ['id'], id ? 'must be a UUID' : 'must be set');
    }
    if (member === 'number') return number?.trim() ? { number: number.trim() } : issue(ctx, ['number'], 'must not be empty');
    return issue(ctx, ['key'], 'must be set: give the ticket id or number');
  });

/** A `ListTicketsRequest` as the service takes it. */
export interface ListTicketsQuery {
  readonly filter: TicketFilter;
  readonly page: PageRequest;
}

/** `ListTicketsRequest` → filter and page; empty lists, '' and false mean "no criterion". */
export const listTicketsRequestSchema = z
  .object({
    statuses: protoEnumListSchema(TICKET_STATUS_TO_PROTO),
    priorities: protoEnumListSchema(TICKET_PRIORITY_TO_PROTO),
    categories: z.array(nonEmptyText),
    queueId: optionalId,
    assigneeId: optionalId,
    customerId: optionalId,
    contactId: optionalId,
    assetId: optionalId,
    trafficLights: protoEnumListSchema(SLA_TRAFFIC_LIGHT_TO_PROTO),
    overdueOnly: z.boolean({ error: 'must be a boolean' }),
    tag: text.trim(),
    createdAfter: protoTimestampSchema,
    createdBefore: protoTimestampSchema,
    updatedAfter: protoTimestampSchema,
    updatedBefore: protoTimestampSchema,
    text: text.trim(),
    sort: protoEnumSchema(TICKET_SORT_TO_PROTO, ticketV1.TicketSort.TICKET_SORT_UNSPECIFIED),
    page,
  })
  .superRefine((r, ctx) => {
    if (r.createdAfter && r.createdBefore && r.createdBefore <= r.createdAfter) {
      ctx.addIssue({ code: 'custom', path: ['createdBefore'], message: 'must be later than createdAfter' });
    }
    if (r.updatedAfter && r.updatedBefore && r.updatedBefore <= r.updatedAfter) {
      ctx.addIssue({ code: 'custom', path: ['updatedBefore'], message: 'must be later than updatedAfter' });
    }
  })
  .transform(({ page: pageRequest, sort, statuses, priorities, categories, trafficLights, overdueOnly, ...rest }): ListTicketsQuery => {
    const filter: TicketFilter = {
      sort: sort ?? 'urgency',
      ...nonEmpty({ statuses, priorities, categories, trafficLights }),
      ...(overdueOnly ? { overdueOnly } : {}),
      ...givenOnly(rest),
    };
    return { filter, page: pageRequest };
  });

/**
 * The fields `UpdateTicketRequest.update_mask` may name (snake_case, as the proto lists them),
 * each with the request key it reads.
 */
export const UPDATE_MASK_FIELDS = {
  summary: 'summary',
  description: 'description',
  category: 'category',
  priority: 'priority',
  customer_id: 'customerId',
  contact_id: 'contactId',
  contract_id: 'contractId',
  asset_ids: 'assetIds',
  tags: 'tags',
  due_time: 'dueTime',
  warning_lead_minutes: 'warningLeadMinutes',
} as const;

/** A field name `update_mask` may hold. */
export type UpdateMaskField = keyof typeof UPDATE_MASK_FIELDS;

const MASK_NAMES = Object.keys(UPDATE_MASK_FIELDS).join(', ');

const updateMask = z.array(text).transform((names, ctx): UpdateMaskField[] => {
  if (names.length === 0) return issue(ctx, [], `must name at least one field to change (${MASK_NAMES})`);
  names.forEach((name, index) => {
    if (!isMaskField(name)) ctx.addIssue({ code: 'custom', path: [index], message: `unknown field "${name}" (allowed: ${MASK_NAMES})` });
  });
  return [...new Set(names.filter(isMaskField))];
});

// Values as a masked field sets them: '' clears an id, an unset due time clears the due date.
const patchValues = z.object({
  summary,
  description: text,
  category: nonEmptyText,
  priority: requiredProtoEnumSchema(TICKET_PRIORITY_TO_PROTO, UNSPECIFIED_PRIORITY),
  customerId: optionalId,
  contactId: optionalId,
  contractId: optionalId,
  assetIds: z.array(uuid),
  tags: z.array(text),
  dueTime: protoTimestampSchema,
  warningLeadMinutes,
});

/** An `UpdateTicketRequest` as the service takes it. */
export interface UpdateTicketCommand {
  readonly id: string;
  readonly expectedVersion: number | undefined;
  readonly patch: TicketPatch;
}

/**
 * `UpdateTicketRequest` → id, expected version and a {@link TicketPatch} holding exactly the
 * fields in `updateMask`; fields outside the mask are ignored, whatever they hold.
 */
export const updateTicketRequestSchema = z
  .looseObject({ id: requiredId, expectedVersion, updateMask })
  .transform(({ id, expectedVersion: version, updateMask: mask, ...fields }, ctx): UpdateTicketCommand => {
    const keys: { [K in keyof typeof patchValues.shape]?: true } = {};
    for (const name of mask) keys[UPDATE_MASK_FIELDS[name]] = true;
    const parsed = patchValues.pick(keys).safeParse(fields);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      return z.NEVER;
    }
    // pick() with a runtime mask: exactly the masked keys are present.
    const { dueTime, ...values } = parsed.data as Partial<z.output<typeof patchValues>>;
    const patch: TicketPatch = { ...values, ...(dueTime === undefined ? {} : { dueAt: dueTime }) };
    return { id, expectedVersion: version, patch };
  });

/** A `ChangeStatusRequest` as the service takes it. */
export interface ChangeStatusCommand {
  readonly id: string;
  readonly expectedVersion: number | undefined;
  readonly input: StatusChangeInput;
}

/** `ChangeStatusRequest` → {@link StatusChangeInput}; a missing resolution is the domain's call. */
export const changeStatusRequestSchema = z
  .object({
    id: requiredId,
    expectedVersion,
    status: requiredProtoEnumSchema(TICKET_STATUS_TO_PROTO, UNSPECIFIED_STATUS),
    resolution: text.trim(),
    reason,
  })
  .transform(
    ({ id, expectedVersion: version, status, resolution, reason: why }): ChangeStatusCommand => ({
      id,
      expectedVersion: version,
      input: { to: status, reason: why, ...(resolution ? { resolution: { text: resolution } } : {}) },
    }),
  );

/** An `AssignTicketRequest` as the service takes it. */
export interface AssignTicketCommand {
  readonly id: string;
  readonly expectedVersion: number | undefined;
  readonly input: AssignInput;
}

/**
 * `AssignTicketRequest` → {@link AssignInput}: an empty assigneeId unassigns (mode
 * `unassigned`), any other is a `manual` assignment; an empty queueId keeps the queue.
 */
export const assignTicketRequestSchema = z
  .object({ id: requiredId, expectedVersion, assigneeId: optionalId, queueId: optionalId, reason })
  .transform(
    ({ id, expectedVersion: version, assigneeId, queueId, reason: why }): AssignTicketCommand => ({
      id,
      expectedVersion: version,
      input: { assigneeId, ...(queueId ? { queueId } : {}), mode: assigneeId === null ? 'unassigned' : 'manual', reason: why },
    }),
  );

/** `GetHistoryRequest` → ticket id and page. */
export const getHistoryRequestSchema = z.object({ id: requiredId, page });

/** `VerifyHistoryRequest` → ticket id. */
export const verifyHistoryRequestSchema = z.object({ id: requiredId });

function isMaskField(name: string): name is UpdateMaskField {
  return Object.hasOwn(UPDATE_MASK_FIELDS, name);
}

function issue(ctx: z.RefinementCtx, path: PropertyKey[], message: string): never {
  ctx.addIssue({ code: 'custom', path, message });
  return z.NEVER;
}

// The given criteria only, so the filter holds no `undefined` members.
function givenOnly<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], null | '' | undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== '' && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null | '' | undefined>;
  };
}

function nonEmpty<T extends Record<string, readonly unknown[]>>(lists: T): Partial<T> {
  return Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0)) as Partial<T>;
}
