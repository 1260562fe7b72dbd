import type { CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import type { Page, PageRequest } from '../directory-page';
import { ConditionList, containsPattern, DirectoryTable, isUuid, type RecordRow } from '../directory-table';
import type { Asset, AssetData } from './asset';

/** An asset is addressed by its id or by its serial number. */
export type AssetKey = { readonly id: string } | { readonly serialNumber: string };

/** What ListAssets selects. */
export interface AssetFilter {
  readonly customerId?: string;
  readonly contractId?: string;
  readonly text?: string;
  readonly includeArchived: boolean;
}

const table = new DirectoryTable<AssetData>({
  table: 'assets',
  entity: 'asset',
  notFound: 'ASSET_NOT_FOUND',
  dataColumns: 'serial_number, product_name, product_sku, customer_id, supplier_id, warranty_ends_on::text AS warranty_ends_on, contract_id',
  dataFromRow: (row: RecordRow): AssetData => ({
    serialNumber: row['serial_number'] as string,
    productName: row['product_name'] as string,
    productSku: row['product_sku'] as string | null,
    customerId: row['customer_id'] as string | null,
    supplierId: row['supplier_id'] as string | null,
    warrantyEndsOn: row['warranty_ends_on'] as string | null,
    contractId: row['contract_id'] as string | null,
  }),
  dataValues: (data) => ({
    serial_number: data.serialNumber,
    product_name: data.productName,
    product_sku: data.productSku,
    customer_id: data.customerId,
    supplier_id: data.supplierId,
    warranty_ends_on: data.warrantyEndsOn,
    contract_id: data.contractId,
  }),
  uniqueFields: { assets_serial_number_key: 'serialNumber', assets_external_key: 'externalId' },
});

/** Asset queries; a customer token reads only its own customer's assets. */
export class AssetsRepository {
  readonly table = table;

  /** The asset in scope; ASSET_NOT_FOUND otherwise. */
  async get(manager: EntityManager, scope: CustomerScope, key: AssetKey): Promise<Asset> {
    const asset = await this.find(manager, scope, key);
    if (!asset) throw table.notFound('id' in key ? key.id : key.serialNumber);
    return asset;
  }

  /** The asset in scope, if there is one. */
  async find(manager: EntityManager, scope: CustomerScope, key: AssetKey): Promise<Asset | undefined> {
    if ('id' in key && !isUuid(key.id)) return undefined;
    const [where, value] = 'id' in key ? ['id = $1', key.id] : ['serial_number = $1', key.serialNumber];
    const own = scope.kind === 'customer' ? { sql: ' AND customer_id = $2', values: [scope.customerId] } : { sql: '', values: [] };
    return table.one(manager, `${where}${own.sql}`, [value, ...own.values]);
  }

  list(manager: EntityManager, scope: CustomerScope, filter: AssetFilter, page: PageRequest): Promise<Page<Asset>> {
    const conditions = new ConditionList();
    if (scope.kind === 'customer') conditions.add((n) => `customer_id = ${n}`, scope.customerId);
    if (filter.customerId) conditions.add((n) => `customer_id = ${n}`, filter.customerId);
    if (filter.contractId) conditions.add((n) => `contract_id = ${n}`, filter.contractId);
    if (filter.text) conditions.add((n) => `(serial_number ILIKE ${n} OR product_name ILIKE ${n})`, containsPattern(filter.text));
    if (!filter.includeArchived) conditions.raw('active');
    const selection = { customerId: filter.customerId ?? null, contractId: filter.contractId ?? null, text: filter.text ?? null, includeArchived: filter.includeArchived };
    return table.page(manager, conditions, 'serial_number', selection, page);
  }
}
