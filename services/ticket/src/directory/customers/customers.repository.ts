import type { CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import { invalidField } from '../../tickets/ticket.errors';
import type { Page, PageRequest } from '../directory-page';
import { ConditionList, containsPattern, DirectoryTable, isUuid, type RecordRow } from '../directory-table';
import type { Customer, CustomerData, CustomerKind, PostalAddress } from './customer';

/** A customer is addressed by its id or by its customer number. */
export type CustomerKey = { readonly id: string } | { readonly customerNumber: string };

/** What ListCustomers selects. */
export interface CustomerFilter {
  readonly kind?: CustomerKind;
  readonly text?: string;
  readonly includeArchived: boolean;
}

/** A reference to a customer as an upsert gives it: by id or by customer number. */
export interface CustomerRef {
  readonly id: string | null;
  readonly number: string | null;
}

const table = new DirectoryTable<CustomerData>({
  table: 'customers',
  entity: 'customer',
  notFound: 'CUSTOMER_NOT_FOUND',
  dataColumns: 'kind, customer_number, name, legal_name, vat_id, address, language, account_manager_id',
  dataFromRow: (row: RecordRow): CustomerData => ({
    kind: row['kind'] as CustomerKind,
    customerNumber: row['customer_number'] as string,
    name: row['name'] as string,
    legalName: row['legal_name'] as string | null,
    vatId: row['vat_id'] as string | null,
    address: row['address'] as PostalAddress | null,
    language: row['language'] as string | null,
    accountManagerId: row['account_manager_id'] as string | null,
  }),
  dataValues: (data) => ({
    kind: data.kind,
    customer_number: data.customerNumber,
    name: data.name,
    legal_name: data.legalName,
    vat_id: data.vatId,
    address: data.address === null ? null : JSON.stringify(data.address),
    language: data.language,
    account_manager_id: data.accountManagerId,
  }),
  uniqueFields: { customers_customer_number_key: 'customerNumber', customers_external_key: 'externalId' },
});

/**
 * Customer queries. Reads take the caller's scope: a customer token sees only its own customer
 * (any other is "not found").
 */
export class CustomersRepository {
  readonly table = table;

  /** The customer in scope; CUSTOMER_NOT_FOUND otherwise. */
  async get(manager: EntityManager, scope: CustomerScope, key: CustomerKey): Promise<Customer> {
    const customer = await this.find(manager, scope, key);
    if (!customer) throw table.notFound('id' in key ? key.id : key.customerNumber);
    return customer;
  }

  /** The customer in scope, if there is one. */
  find(manager: EntityManager, scope: CustomerScope, key: CustomerKey): Promise<Customer | undefined> {
    if ('id' in key && !isUuid(key.id)) return Promise.resolve(undefined);
    const [where, value] = 'id' in key ? ['id = $1', key.id] : ['customer_number = $1', key.customerNumber];
    const own = scope.kind === 'customer' ? { sql: ' AND id = $2', values: [scope.customerId] } : { sql: '', values: [] };
    return table.one(manager, `${where}${own.sql}`, [value, ...own.values]);
  }

  list(manager: EntityManager, scope: CustomerScope, filter: CustomerFilter, page: PageRequest): Promise<Page<Customer>> {
    const conditions = new ConditionList();
    if (scope.kind === 'customer') conditions.add((n) => `id = ${n}`, scope.customerId);
    if (filter.kind) conditions.add((n) => `kind = ${n}`, filter.kind);
    if (filter.text) conditions.add((n) => `(name ILIKE ${n} OR customer_number ILIKE ${n})`, containsPattern(filter.text));
    if (!filter.includeArchived) conditions.raw('active');
    const selection = { kind: filter.kind ?? null, text: filter.text ?? null, includeArchived: filter.includeArchived };
    return table.page(manager, conditions, 'lower(name)', selection, page);
  }

  /**
   * The id of a referenced customer (by id or number), checked to exist and, when `kind` is
   * given, to be of that kind; null when neither is given. INVALID_FIELD names `field`.
   */
  async resolve(manager: EntityManager, ref: CustomerRef, field: { id: string; number: string }, kind?: CustomerKind): Promise<string | null> {
    if (ref.id === null && ref.number === null) return null;
    if (ref.id !== null && ref.number !== null) throw invalidField(field.id, `give ${field.id} or ${field.number}, not both`);
    const customer = ref.id !== null ? await table.one(manager, 'id = $1', [ref.id]) : await table.one(manager, 'customer_number = $1', [ref.number]);
    const name = ref.id !== null ? field.id : field.number;
    if (!customer) throw invalidField(name, `no ${kind ?? 'customer'} with this ${ref.id !== null ? 'id' : 'number'} exists`);
    if (kind && customer.data.kind !== kind) throw invalidField(name, `must name a ${kind}, not a ${customer.data.kind}`);
    return customer.id;
  }
}
