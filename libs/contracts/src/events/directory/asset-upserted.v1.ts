import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { directoryEntityBaseSchema } from '../shared/directory-entity';
import { dateSchema, uuidSchema } from '../shared/primitives';

const schema = directoryEntityBaseSchema.extend({
  assetId: uuidSchema.describe('Id of the asset (an installed product).'),
  customerId: uuidSchema.nullable().describe('Customer who owns or uses the asset; null while in stock.'),
  serialNumber: z.string().min(1).describe('Serial number; entitles support under contracts that list it.'),
  productName: z.string().min(1).describe('Product name, e.g. "SecureConnect VPN Gateway 3000".'),
  productSku: z.string().min(1).nullable().describe('Product SKU; null when unknown.'),
  supplierId: uuidSchema.nullable().describe('Supplier organisation (directory customer of kind supplier); null when none.'),
  warrantyEndsOn: dateSchema.nullable().describe('Last day of the warranty (inclusive); null when unknown or none.'),
  contractId: uuidSchema.nullable().describe('Contract that covers the asset; null when none.'),
});

/** `helpdesk.directory.asset.upserted.v1`: an asset/product record was created or changed. */
export const assetUpsertedV1 = defineEvent({
  type: 'helpdesk.directory.asset.upserted.v1',
  domain: 'directory',
  description:
    'An asset (installed product with serial number) was created (version 1) or changed; its life record entries stay in the ticket service.',
  schema,
  example: {
    assetId: '01936a00-4444-7aaa-8bbb-000000000004',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    serialNumber: 'SC3000-88412',
    productName: 'SecureConnect VPN Gateway 3000',
    productSku: 'SC-3000',
    supplierId: null,
    warrantyEndsOn: '2027-06-30',
    contractId: '01936a00-3333-7aaa-8bbb-000000000003',
    version: 1,
    externalId: null,
    active: true,
    updatedAt: '2026-03-01T10:00:00.000Z',
  },
});

/** Data of `helpdesk.directory.asset.upserted.v1`. */
export type AssetUpsertedV1 = z.infer<typeof schema>;
