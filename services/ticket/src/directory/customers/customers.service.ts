import { scopeOf, type Caller } from '@helpdesk/auth';
import type { Page, PageRequest } from '../directory-page';
import type { UpsertContent, UpsertDecision } from '../directory-record';
import type { DirectoryStore, UpsertTarget } from '../directory-store';
import { customerUpserted, type Customer, type CustomerData } from './customer';
import { CustomersRepository, type CustomerFilter, type CustomerKey } from './customers.repository';

/** Customers and suppliers: upserts for ERP/CRM sync and admins, reads scoped to the caller. */
export class CustomersService {
  readonly customers = new CustomersRepository();

  constructor(private readonly store: DirectoryStore) {}

  upsert(caller: Caller, target: UpsertTarget, content: UpsertContent<CustomerData>): Promise<UpsertDecision<CustomerData>> {
    return this.store.transaction((manager) => this.store.upsert(manager, caller, this.customers.table, target, content, customerUpserted));
  }

  get(caller: Caller, key: CustomerKey): Promise<Customer> {
    return this.customers.get(this.store.reader, scopeOf(caller), key);
  }

  list(caller: Caller, filter: CustomerFilter, page: PageRequest): Promise<Page<Customer>> {
    return this.customers.list(this.store.reader, scopeOf(caller), filter, page);
  }
}
