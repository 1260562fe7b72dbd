import type { Actor } from '@helpdesk/contracts';
import { canonicalJson, type JsonObject } from '../history/canonical-json';
import { TicketError } from '../tickets/ticket.errors';

/** Where a record is synchronised from: the ERP/CRM system and the record's id there. */
export interface ExternalRef {
  readonly system: string;
  readonly id: string;
}

/**
 * A directory record: the entity's own fields in `data` (JSON values only, so that "did anything
 * change" is one canonical comparison), plus what every directory record carries.
 */
export interface DirectoryRecord<D extends JsonObject> {
  /** UUIDv7. */
  readonly id: string;
  /** 1 when created, +1 with every change. */
  readonly version: number;
  readonly data: D;
  /** The upsert key of ERP/CRM synchronisation; null for records created in the helpdesk. */
  readonly externalRef: ExternalRef | null;
  /** False once archived. */
  readonly active: boolean;
  readonly createdAt: Date;
  readonly createdBy: Actor;
  readonly updatedAt: Date;
  readonly updatedBy: Actor;
}

/**
 * How an upsert names its record: by id (update that one; an external ref given with it links
 * the record), by external ref (create or update), or not at all (create).
 */
export type UpsertKey =
  | { readonly kind: 'id'; readonly id: string; readonly externalRef: ExternalRef | null }
  | { readonly kind: 'external'; readonly ref: ExternalRef }
  | { readonly kind: 'new' };

/** The content an upsert sends: the whole record, not a patch. */
export interface UpsertContent<D extends JsonObject> {
  readonly data: D;
  readonly active: boolean;
}

/** Who upserts, when, with which id for a new record, and the version the caller last saw. */
export interface UpsertContext {
  readonly now: Date;
  readonly actor: Actor;
  /** The id a created record gets. */
  readonly newId: string;
  /** When given, the stored version must equal it (VERSION_CONFLICT otherwise). */
  readonly expectedVersion?: number;
}

/** What an upsert did. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** The record after an upsert and what happened to it. */
export interface UpsertDecision<D extends JsonObject> {
  readonly record: DirectoryRecord<D>;
  readonly outcome: UpsertOutcome;
}

/**
 * Decides an upsert: a new record at version 1, the next version when the content differs from
 * the stored one, or the stored record unchanged (same version, so no event) when it does not.
 * Sending the same payload twice is therefore a no-op, which is what makes ERP/CRM sync runs
 * safe to repeat.
 */
export function decideUpsert<D extends JsonObject>(
  existing: DirectoryRecord<D> | undefined,
  key: UpsertKey,
  content: UpsertContent<D>,
  ctx: UpsertContext,
): UpsertDecision<D> {
  if (!existing) {
    if (ctx.expectedVersion !== undefined) {
      throw new TicketError('VERSION_CONFLICT', `expected version ${ctx.expectedVersion}, but the record does not exist yet`);
    }
    const externalRef = key.kind === 'external' ? key.ref : key.kind === 'id' ? key.externalRef : null;
    const record = { id: ctx.newId, version: 1, ...content, externalRef, createdAt: ctx.now, createdBy: ctx.actor, updatedAt: ctx.now, updatedBy: ctx.actor };
    return { record, outcome: 'created' };
  }
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== existing.version) {
    throw new TicketError('VERSION_CONFLICT', `the record is at version ${existing.version}, not ${ctx.expectedVersion}; reload it and try again`);
  }
  const externalRef = key.kind === 'external' ? key.ref : key.kind === 'id' && key.externalRef ? key.externalRef : existing.externalRef;
  const next = { ...existing, ...content, externalRef };
  if (contentKey(next) === contentKey(existing)) return { record: existing, outcome: 'unchanged' };
  return { record: { ...next, version: existing.version + 1, updatedAt: ctx.now, updatedBy: ctx.actor }, outcome: 'updated' };
}

function contentKey<D extends JsonObject>(record: DirectoryRecord<D>): string {
  const ref = record.externalRef ? { system: record.externalRef.system, id: record.externalRef.id } : null;
  return canonicalJson({ data: record.data, active: record.active, externalRef: ref });
}

/** The fields every `helpdesk.directory.*.upserted.v1` event carries. */
export function directoryEventBase<D extends JsonObject>(record: DirectoryRecord<D>) {
  return {
    version: record.version,
    externalId: record.externalRef?.id ?? null,
    active: record.active,
    updatedAt: record.updatedAt.toISOString(),
  };
}
