import { assetUpsertedV1, type AssetUpsertedV1 } from '@helpdesk/contracts';
import type { CalendarDate } from '../calendar-date';
import { directoryEventBase, type DirectoryRecord } from '../directory-record';

/** An asset's own fields. */
export type AssetData = {
  /** Unique. */
  readonly serialNumber: string;
  readonly productName: string;
  readonly productSku: string | null;
  /** Null while in stock. */
  readonly customerId: string | null;
  /** An organisation of kind supplier; null when none. */
  readonly supplierId: string | null;
  /** Last day of warranty (inclusive); null when unknown or none. */
  readonly warrantyEndsOn: CalendarDate | null;
  readonly contractId: string | null;
};

/** An installed product with a serial number. */
export type Asset = DirectoryRecord<AssetData>;

/** `helpdesk.directory.asset.upserted.v1` for the asset's current version. */
export function assetUpserted(asset: Asset) {
  const data: AssetUpsertedV1 = { assetId: asset.id, ...asset.data, ...directoryEventBase(asset) };
  return { type: assetUpsertedV1.type, subject: asset.id, time: asset.updatedAt, data };
}
