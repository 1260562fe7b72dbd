import { scopeOf, type Caller } from '@helpdesk/auth';
import { ContractsRepository } from '../contracts/contracts.repository';
import { CustomersRepository, type CustomerRef } from '../customers/customers.repository';
import type { Page, PageRequest } from '../directory-page';
import type { UpsertDecision } from '../directory-record';
import type { DirectoryStore, UpsertTarget } from '../directory-store';
import { assetUpserted, type Asset, type AssetData } from './asset';
import { AssetsRepository, type AssetFilter, type AssetKey } from './assets.repository';

/** An UpsertAsset request as the service takes it: references by id or by number. */
export interface AssetUpsert extends UpsertTarget {
  readonly asset: Omit<AssetData, 'customerId' | 'supplierId' | 'contractId'>;
  readonly customer: CustomerRef;
  readonly supplier: CustomerRef;
  readonly contract: { readonly id: string | null; readonly number: string | null };
  readonly active: boolean;
}

/** Assets (installed products): upserts for ERP sync and admins, reads scoped to the caller. */
export class AssetsService {
  readonly assets = new AssetsRepository();
  private readonly customers = new CustomersRepository();
  private readonly contracts = new ContractsRepository();

  constructor(private readonly store: DirectoryStore) {}

  upsert(caller: Caller, request: AssetUpsert): Promise<UpsertDecision<AssetData>> {
    return this.store.transaction(async (manager) => {
      const customerId = await this.customers.resolve(manager, request.customer, { id: 'customerId', number: 'customerNumber' });
      const supplierId = await this.customers.resolve(manager, request.supplier, { id: 'supplierId', number: 'supplierNumber' }, 'supplier');
      const contractId = await this.contracts.resolve(manager, request.contract);
      const data: AssetData = { ...request.asset, customerId, supplierId, contractId };
      return this.store.upsert(manager, caller, this.assets.table, request, { data, active: request.active }, assetUpserted);
    });
  }

  get(caller: Caller, key: AssetKey): Promise<Asset> {
    return this.assets.get(this.store.reader, scopeOf(caller), key);
  }

  list(caller: Caller, filter: AssetFilter, page: PageRequest): Promise<Page<Asset>> {
    return this.assets.list(this.store.reader, scopeOf(caller), filter, page);
  }
}
