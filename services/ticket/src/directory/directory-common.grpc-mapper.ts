import { directoryV1, languageSchema, uuidSchema, type commonV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { z } from 'zod';
import { toActorMessage } from '../tickets/ticket-responses.grpc-mapper';
import { calendarDate, dateParts, type CalendarDate } from './calendar-date';
import { pageSize, type Page, type PageRequest } from './directory-page';
import type { DirectoryRecord, ExternalRef, UpsertKey, UpsertOutcome } from './directory-record';
import type { JsonObject } from '../history/canonical-json';
import type { UpsertTarget } from './directory-store';

// Pieces the directory's request schemas and response mappers share. Requests arrive as
// @grpc/proto-loader delivers them (camelCase, defaults filled, unset messages null); proto3
// has no "not given" for scalars, so '' and 0 mean it. Issues name the field as the client's
// generated code spells it, e.g. `phones[1].number: is not a valid phone number`.

/** A string field. */
export const text = z.string({ error: 'must be a string' });
/** A required, trimmed string. */
export const requiredText = text.trim().min(1, 'must not be empty');
/** '' → null, else trimmed. */
export const optionalText = text.transform((value) => value.trim() || null);
const uuid = text.refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');
/** A required UUID. */
export const requiredId = text.min(1, 'must be set').pipe(uuid);
/** '' → null, else a UUID. */
export const optionalId = z.union([z.literal('').transform(() => null), uuid]);
/** '' → null, else a language tag such as `de` or `en-GB`. */
export const optionalLanguage = z.union([z.literal('').transform(() => null), text.pipe(languageSchema)]);
/** '' → null, else an ISO 3166-1 alpha-2 code (any letter case). */
export const optionalCountry = z.union([
  z.literal('').transform(() => null),
  text
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as DE'),
]);
const count = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative');

/** `helpdesk.common.v1.PageRequest` (unset → first page of the default size). */
export const pageRequest = z
  .object({ pageSize: count, pageToken: text })
  .nullish()
  .transform((value): PageRequest => ({ size: pageSize(value?.pageSize ?? 0), token: value?.pageToken ?? '' }));

/** An optional `helpdesk.common.v1.CalendarDate`: unset (or all zeros) → null. */
export const optionalDate = z
  .object({ year: count, month: count, day: count })
  .nullish()
  .transform((value, ctx): CalendarDate | null => {
    if (!value || (value.year === 0 && value.month === 0 && value.day === 0)) return null;
    const date = calendarDate(value.year, value.month, value.day);
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: 'must be a calendar date that exists' });
    return z.NEVER;
  });

/** A `CalendarDate` that must be set. */
export const requiredDate = optionalDate.transform((value, ctx): CalendarDate => {
  if (value !== null) return value;
  ctx.addIssue({ code: 'custom', message: 'must be set' });
  return z.NEVER;
});

/** The fields every Upsert…Request starts with. */
export const upsertFields = {
  id: optionalId,
  externalSystem: text.trim(),
  externalId: text.trim(),
  expectedVersion: count,
  archived: z.boolean({ error: 'must be a boolean' }),
};

/** How an upsert names its record, from its `id`, `externalSystem`, `externalId` and `expectedVersion`. */
export function upsertTarget(
  fields: { id: string | null; externalSystem: string; externalId: string; expectedVersion: number },
  ctx: z.RefinementCtx,
): UpsertTarget {
  const { id, externalSystem, externalId, expectedVersion } = fields;
  if (Boolean(externalSystem) !== Boolean(externalId)) {
    ctx.addIssue({ code: 'custom', path: [externalSystem ? 'externalId' : 'externalSystem'], message: 'must be set together with the other external key field' });
  }
  const ref: ExternalRef | null = externalSystem && externalId ? { system: externalSystem, id: externalId } : null;
  const key: UpsertKey = id ? { kind: 'id', id, externalRef: ref } : ref ? { kind: 'external', ref } : { kind: 'new' };
  return { key, ...(expectedVersion > 0 ? { expectedVersion } : {}) };
}

/**
 * The member of a oneof that is set: the one the loader names in the oneof's virtual field, or
 * the single non-empty one. Adds an issue and returns undefined when none or several are set.
 */
export function pickOneof<K extends string>(
  request: Partial<Record<K, string | null | undefined>>,
  chosen: string | null | undefined,
  oneof: string,
  members: readonly K[],
  ctx: z.RefinementCtx,
): { member: K; value: string } | undefined {
  const given = members.filter((m) => Boolean(request[m]));
  const named = members.find((m) => m === chosen);
  if (!named && given.length > 1) {
    ctx.addIssue({ code: 'custom', path: [oneof], message: `set only one of ${members.join(', ')}` });
    return undefined;
  }
  const member = named ?? given[0];
  if (!member) {
    ctx.addIssue({ code: 'custom', path: [oneof], message: `must be set: give ${members.join(' or ')}` });
    return undefined;
  }
  const value = request[member]?.trim() ?? '';
  if (!value) ctx.addIssue({ code: 'custom', path: [member], message: 'must not be empty' });
  return value ? { member, value } : undefined;
}

/** Adds an issue at `path` when `value` is not a UUID; returns whether it is. */
export function checkUuid(value: string, path: string, ctx: z.RefinementCtx): boolean {
  if (uuidSchema.safeParse(value).success) return true;
  ctx.addIssue({ code: 'custom', path: [path], message: 'must be a UUID' });
  return false;
}

/** Upsert outcome → `UpsertOutcome`. */
export const UPSERT_OUTCOME_TO_PROTO: Readonly<Record<UpsertOutcome, directoryV1.UpsertOutcome>> = {
  created: directoryV1.UpsertOutcome.UPSERT_OUTCOME_CREATED,
  updated: directoryV1.UpsertOutcome.UPSERT_OUTCOME_UPDATED,
  unchanged: directoryV1.UpsertOutcome.UPSERT_OUTCOME_UNCHANGED,
};

/** A calendar date as `helpdesk.common.v1.CalendarDate`; null → unset. */
export function toCalendarDateMessage(date: CalendarDate | null): commonV1.CalendarDate | undefined {
  return date === null ? undefined : dateParts(date);
}

/** The fields every directory message ends with: external key, archived flag and audit info. */
export function recordMessageFields<D extends JsonObject>(record: DirectoryRecord<D>) {
  return {
    externalSystem: record.externalRef?.system ?? '',
    externalId: record.externalRef?.id ?? '',
    archived: !record.active,
    audit: {
      createTime: toTimestamp(record.createdAt),
      createdBy: toActorMessage(record.createdBy),
      updateTime: toTimestamp(record.updatedAt),
      updatedBy: toActorMessage(record.updatedBy),
      version: record.version,
    },
  };
}

/** A page as a list response's items and `PageResponse`. */
export function pageMessage<T, M>(page: Page<T>, map: (item: T) => M): { items: M[]; page: commonV1.PageResponse } {
  return { items: page.items.map(map), page: { nextPageToken: page.nextToken } };
}
