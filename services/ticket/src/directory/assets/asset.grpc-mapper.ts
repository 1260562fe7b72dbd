import { directoryV1, sha256Schema } from '@helpdesk/contracts';
import { protoTimestampSchema, toTimestamp } from '@helpdesk/grpc';
import { z } from 'zod';
import { toActorMessage } from '../../tickets/ticket-responses.grpc-mapper';
import {
  checkUuid,
  optionalDate,
  optionalId,
  optionalText,
  pageRequest,
  pickOneof,
  recordMessageFields,
  requiredText,
  text,
  toCalendarDateMessage,
  upsertFields,
  upsertTarget,
} from '../directory-common.grpc-mapper';
import type { PageRequest } from '../directory-page';
import type { Asset } from './asset';
import type { AssetFilter, AssetKey } from './assets.repository';
import type { AssetUpsert } from './assets.service';
import { LIFE_RECORD_TITLE_MAX_LENGTH, type LifeRecordEntry, type LifeRecordKind } from './life-record';
import type { LifeRecordInput } from './life-record.service';

const { LifeRecordEntryKind: Kind } = directoryV1;

/** Life record entry kind → `LifeRecordEntryKind`. */
export const LIFE_RECORD_KIND_TO_PROTO: Readonly<Record<LifeRecordKind, directoryV1.LifeRecordEntryKind>> = {
  ticket: Kind.LIFE_RECORD_ENTRY_KIND_TICKET,
  manual: Kind.LIFE_RECORD_ENTRY_KIND_MANUAL,
  integration: Kind.LIFE_RECORD_ENTRY_KIND_INTEGRATION,
};

/** `UpsertAssetRequest` → {@link AssetUpsert}; customer, supplier and contract by id or by number. */
export const upsertAssetRequestSchema = z
  .object({
    ...upsertFields,
    serialNumber: requiredText,
    productName: requiredText,
    productSku: optionalText,
    customerId: optionalId,
    customerNumber: optionalText,
    supplierId: optionalId,
    supplierNumber: optionalText,
    warrantyEnd: optionalDate,
    contractId: optionalId,
    contractNumber: optionalText,
  })
  .transform((r, ctx): AssetUpsert => ({
    ...upsertTarget(r, ctx),
    asset: { serialNumber: r.serialNumber, productName: r.productName, productSku: r.productSku, warrantyEndsOn: r.warrantyEnd },
    customer: { id: r.customerId, number: r.customerNumber },
    supplier: { id: r.supplierId, number: r.supplierNumber },
    contract: { id: r.contractId, number: r.contractNumber },
    active: !r.archived,
  }));

/** The asset of a request that names it by `assetId` or `serialNumber` (a plain pair, not a oneof). */
function assetKey(request: { assetId: string; serialNumber: string }, ctx: z.RefinementCtx): AssetKey | undefined {
  const picked = pickOneof(request, undefined, 'assetId', ['assetId', 'serialNumber'], ctx);
  if (!picked) return undefined;
  if (picked.member === 'serialNumber') return { serialNumber: picked.value };
  return checkUuid(picked.value, 'assetId', ctx) ? { id: picked.value } : undefined;
}

/** `GetAssetRequest` → the asset's id or serial number. */
export const getAssetRequestSchema = z
  .object({ id: text.nullish(), serialNumber: text.nullish(), key: text.nullish() })
  .transform((request, ctx): AssetKey => {
    const picked = pickOneof(request, request.key, 'key', ['id', 'serialNumber'], ctx);
    if (!picked) return z.NEVER;
    if (picked.member === 'serialNumber') return { serialNumber: picked.value };
    return checkUuid(picked.value, 'id', ctx) ? { id: picked.value } : z.NEVER;
  });

/** `ListAssetsRequest` → filter and page. */
export const listAssetsRequestSchema = z
  .object({ customerId: optionalId, contractId: optionalId, text: text.trim(), includeArchived: z.boolean(), page: pageRequest })
  .transform(({ customerId, contractId, text: t, includeArchived, page }): { filter: AssetFilter; page: PageRequest } => ({
    filter: { ...(customerId ? { customerId } : {}), ...(contractId ? { contractId } : {}), ...(t ? { text: t } : {}), includeArchived },
    page,
  }));

const attachment = z.object({
  sha256: text.trim().toLowerCase().pipe(sha256Schema),
  fileName: requiredText,
  contentType: text.trim().transform((value) => value || 'application/octet-stream'),
  // int64: a decimal string from the loader, a number from in-process callers.
  sizeBytes: z.union([
    z.number().int().min(0),
    text.regex(/^\d{1,15}$/, 'must be a non-negative number of bytes').transform(Number),
  ]),
});

/** `AddLifeRecordEntryRequest` → {@link LifeRecordInput}. */
export const addLifeRecordEntryRequestSchema = z
  .object({
    assetId: text,
    serialNumber: text,
    title: requiredText.max(LIFE_RECORD_TITLE_MAX_LENGTH, `must be at most ${LIFE_RECORD_TITLE_MAX_LENGTH} characters`),
    text,
    occurTime: protoTimestampSchema,
    attachments: z.array(attachment),
    ticketId: optionalId,
    sourceSystem: text.trim(),
    sourceRef: text.trim(),
  })
  .transform((r, ctx): LifeRecordInput => {
    const asset = assetKey(r, ctx);
    if (Boolean(r.sourceSystem) !== Boolean(r.sourceRef)) {
      ctx.addIssue({ code: 'custom', path: [r.sourceSystem ? 'sourceRef' : 'sourceSystem'], message: 'must be set together with the other source field' });
    }
    if (!asset) return z.NEVER;
    const source = r.sourceSystem && r.sourceRef ? { system: r.sourceSystem, ref: r.sourceRef } : null;
    return { asset, title: r.title, text: r.text, occurredAt: r.occurTime, attachments: r.attachments, ticketId: r.ticketId, source };
  });

/** `ListLifeRecordRequest` → asset, order and page. */
export const listLifeRecordRequestSchema = z
  .object({ assetId: text, serialNumber: text, newestFirst: z.boolean(), page: pageRequest })
  .transform((r, ctx): { asset: AssetKey; newestFirst: boolean; page: PageRequest } => {
    const asset = assetKey(r, ctx);
    return asset ? { asset, newestFirst: r.newestFirst, page: r.page } : z.NEVER;
  });

/** An asset as the `Asset` message. */
export function toAssetMessage(asset: Asset): directoryV1.Asset {
  const { data } = asset;
  return {
    id: asset.id,
    serialNumber: data.serialNumber,
    productName: data.productName,
    productSku: data.productSku ?? '',
    customerId: data.customerId ?? '',
    supplierId: data.supplierId ?? '',
    warrantyEnd: toCalendarDateMessage(data.warrantyEndsOn),
    contractId: data.contractId ?? '',
    ...recordMessageFields(asset),
  };
}

/** A life record entry as the `LifeRecordEntry` message. */
export function toLifeRecordEntryMessage(entry: LifeRecordEntry): directoryV1.LifeRecordEntry {
  return {
    id: entry.id,
    assetId: entry.assetId,
    kind: LIFE_RECORD_KIND_TO_PROTO[entry.kind],
    occurTime: toTimestamp(entry.occurredAt),
    recordTime: toTimestamp(entry.recordedAt),
    author: toActorMessage(entry.author),
    title: entry.title,
    text: entry.text,
    ticketId: entry.ticketId ?? '',
    ticketNumber: entry.ticketNumber ?? '',
    attachments: entry.attachments.map((a) => ({ ...a, sizeBytes: String(a.sizeBytes) })),
    sourceSystem: entry.source?.system ?? '',
    sourceRef: entry.source?.ref ?? '',
  };
}
