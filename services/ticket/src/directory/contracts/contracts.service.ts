import { scopeOf, type Caller } from '@helpdesk/auth';
import { invalidField } from '../../tickets/ticket.errors';
import { CustomersRepository, type CustomerRef } from '../customers/customers.repository';
import type { Page, PageRequest } from '../directory-page';
import type { UpsertDecision } from '../directory-record';
import type { DirectoryStore, UpsertTarget } from '../directory-store';
import { contractUpserted, normaliseContract, type Contract, type ContractData } from './contract';
import { ContractsRepository, type ContractFilter, type ContractKey } from './contracts.repository';

/** An UpsertContract request as the service takes it. */
export interface ContractUpsert extends UpsertTarget {
  readonly customer: CustomerRef;
  readonly contract: Omit<ContractData, 'customerId'>;
  readonly active: boolean;
}

/** Support contracts: upserts for ERP sync and admins, reads scoped to the caller. */
export class ContractsService {
  readonly contracts = new ContractsRepository();
  private readonly customers = new CustomersRepository();

  constructor(private readonly store: DirectoryStore) {}

  upsert(caller: Caller, request: ContractUpsert): Promise<UpsertDecision<ContractData>> {
    return this.store.transaction(async (manager) => {
      const customerId = await this.customers.resolve(manager, request.customer, { id: 'customerId', number: 'customerNumber' });
      if (customerId === null) throw invalidField('customerId', 'must be set: give customerId or customerNumber');
      const data = normaliseContract({ ...request.contract, customerId });
      return this.store.upsert(manager, caller, this.contracts.table, request, { data, active: request.active }, contractUpserted);
    });
  }

  get(caller: Caller, key: ContractKey): Promise<Contract> {
    return this.contracts.get(this.store.reader, scopeOf(caller), key);
  }

  list(caller: Caller, filter: ContractFilter, page: PageRequest): Promise<Page<Contract>> {
    return this.contracts.list(this.store.reader, scopeOf(caller), filter, page);
  }
}
