import type { CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import { invalidField } from '../../tickets/ticket.errors';
import type { CalendarDate } from '../calendar-date';
import type { Page, PageRequest } from '../directory-page';
import { ConditionList, DirectoryTable, type RecordRow } from '../directory-table';
import type { Contract, ContractData, Entitlement, EntitlementKind } from './contract';

/** A contract is addressed by its id or by its number. */
export type ContractKey = { readonly id: string } | { readonly contractNumber: string };

/** What ListContracts selects. */
export interface ContractFilter {
  readonly customerId?: string;
  readonly validOn?: CalendarDate;
  readonly includeArchived: boolean;
}

const table = new DirectoryTable<ContractData>({
  table: 'contracts',
  entity: 'contract',
  notFound: 'CONTRACT_NOT_FOUND',
  dataColumns: `customer_id, contract_number, name, valid_from::text AS valid_from, valid_until::text AS valid_until,
    sla_policy_id, billing_plan_id, free_support, entitlements, quota_ref`,
  dataFromRow: (row: RecordRow): ContractData => ({
    customerId: row['customer_id'] as string,
    contractNumber: row['contract_number'] as string,
    name: row['name'] as string,
    validFrom: row['valid_from'] as string,
    validUntil: row['valid_until'] as string | null,
    slaPolicyId: row['sla_policy_id'] as string | null,
    billingPlanId: row['billing_plan_id'] as string | null,
    freeSupport: row['free_support'] as boolean,
    entitlements: row['entitlements'] as Entitlement[],
    quotaRef: row['quota_ref'] as string | null,
  }),
  dataValues: (data) => ({
    customer_id: data.customerId,
    contract_number: data.contractNumber,
    name: data.name,
    valid_from: data.validFrom,
    valid_until: data.validUntil,
    sla_policy_id: data.slaPolicyId,
    billing_plan_id: data.billingPlanId,
    free_support: data.freeSupport,
    entitlements: JSON.stringify(data.entitlements),
    quota_ref: data.quotaRef,
  }),
  uniqueFields: { contracts_contract_number_key: 'contractNumber', contracts_external_key: 'externalId' },
});

/** Contract queries; a customer token reads only its own customer's contracts. */
export class ContractsRepository {
  readonly table = table;

  async get(manager: EntityManager, scope: CustomerScope, key: ContractKey): Promise<Contract> {
    if ('id' in key) return scope.kind === 'customer' ? table.require(manager, key.id, 'AND customer_id = $2', [scope.customerId]) : table.require(manager, key.id);
    const own = ownCustomer(scope, 2);
    const contract = await table.one(manager, `contract_number = $1${own.sql}`, [key.contractNumber, ...own.values]);
    if (!contract) throw table.notFound(key.contractNumber);
    return contract;
  }

  list(manager: EntityManager, scope: CustomerScope, filter: ContractFilter, page: PageRequest): Promise<Page<Contract>> {
    const conditions = new ConditionList();
    if (scope.kind === 'customer') conditions.add((n) => `customer_id = ${n}`, scope.customerId);
    if (filter.customerId) conditions.add((n) => `customer_id = ${n}`, filter.customerId);
    if (filter.validOn) conditions.add((n) => `valid_from <= ${n}::date AND (valid_until IS NULL OR valid_until >= ${n}::date)`, filter.validOn);
    if (!filter.includeArchived) conditions.raw('active');
    const selection = { customerId: filter.customerId ?? null, validOn: filter.validOn ?? null, includeArchived: filter.includeArchived };
    return table.page(manager, conditions, 'contract_number', selection, page);
  }

  /** Contracts that list `value` as an entitlement identifier of `kind`. */
  listing(manager: EntityManager, scope: CustomerScope, kind: EntitlementKind, value: string): Promise<Contract[]> {
    const own = ownCustomer(scope, 2);
    return table.many(manager, `entitlements @> $1::jsonb${own.sql}`, [JSON.stringify([{ kind, value }]), ...own.values]);
  }

  /** The customer's contracts that list no serial numbers, i.e. cover all of its devices. */
  customerWide(manager: EntityManager, scope: CustomerScope, customerId: string): Promise<Contract[]> {
    const own = ownCustomer(scope, 2);
    return table.many(manager, `customer_id = $1 AND NOT entitlements @> '[{"kind":"serial_number"}]'${own.sql}`, [customerId, ...own.values]);
  }

  /**
   * The contract a new ticket of the customer falls under on `day` when nobody names one (a mail or
   * a call opens it): of the customer's active contracts valid that day that cover all its devices,
   * one naming an SLA policy first, then the earliest start (as billing picks the governing one).
   */
  async governing(manager: EntityManager, customerId: string, day: CalendarDate): Promise<Contract | undefined> {
    const candidates = await table.many(
      manager,
      `customer_id = $1 AND active AND valid_from <= $2::date AND (valid_until IS NULL OR valid_until >= $2::date) AND NOT entitlements @> '[{"kind":"serial_number"}]'`,
      [customerId, day],
    );
    return candidates.sort(
      (a, b) => Number(b.data.slaPolicyId !== null) - Number(a.data.slaPolicyId !== null) || a.data.validFrom.localeCompare(b.data.validFrom) || a.id.localeCompare(b.id),
    )[0];
  }

  /** The contract with this id, when it exists and is in scope. */
  find(manager: EntityManager, scope: CustomerScope, id: string): Promise<Contract | undefined> {
    const own = ownCustomer(scope, 2);
    return table.one(manager, `id = $1${own.sql}`, [id, ...own.values]);
  }

  /** The id of a referenced contract (by id or number), checked to exist; null when neither is given. */
  async resolve(manager: EntityManager, ref: { id: string | null; number: string | null }): Promise<string | null> {
    if (ref.id === null && ref.number === null) return null;
    if (ref.id !== null && ref.number !== null) throw invalidField('contractId', 'give contractId or contractNumber, not both');
    const contract = ref.id !== null ? await table.one(manager, 'id = $1', [ref.id]) : await table.one(manager, 'contract_number = $1', [ref.number]);
    if (!contract) throw invalidField(ref.id !== null ? 'contractId' : 'contractNumber', `no contract with this ${ref.id !== null ? 'id' : 'number'} exists`);
    return contract.id;
  }
}

function ownCustomer(scope: CustomerScope, n: number): { sql: string; values: unknown[] } {
  return scope.kind === 'customer' ? { sql: ` AND customer_id = $${n}`, values: [scope.customerId] } : { sql: '', values: [] };
}
