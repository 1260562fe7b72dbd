import { scopeOf, type Caller, type CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import { TicketError } from '../../tickets/ticket.errors';
import { AssetsRepository } from '../assets/assets.repository';
import { todayIn, type CalendarDate } from '../calendar-date';
import { CustomersRepository } from '../customers/customers.repository';
import type { DirectoryStore } from '../directory-store';
import type { Contract } from './contract';
import { ContractsRepository } from './contracts.repository';
import { decideEntitlement, type EntitlementCandidate, type EntitlementDecision, type EntitlementSubject } from './entitlement';

/** The identifier a CheckEntitlement asks about. */
export type EntitlementQuery = { readonly customerNumber: string } | { readonly serialNumber: string } | { readonly contractNumber: string };

interface Resolved {
  readonly subject: EntitlementSubject;
  readonly candidates: readonly EntitlementCandidate[];
}

/**
 * CheckEntitlement: finds the contracts that may cover an identifier and lets the pure
 * {@link decideEntitlement} pick one for the day. An identifier nothing knows is NOT_FOUND, so
 * a caller can tell "unknown serial number" from "known, but support is paid".
 */
export class EntitlementsService {
  private readonly contracts = new ContractsRepository();
  private readonly customers = new CustomersRepository();
  private readonly assets = new AssetsRepository();

  constructor(private readonly store: DirectoryStore) {}

  async check(caller: Caller, query: EntitlementQuery, onDate: CalendarDate | null): Promise<EntitlementDecision> {
    const day = onDate ?? todayIn(this.store.settings.timeZone, this.store.clock());
    const { subject, candidates } = await this.resolve(this.store.reader, scopeOf(caller), query);
    return decideEntitlement(subject, candidates, day);
  }

  private resolve(manager: EntityManager, scope: CustomerScope, query: EntitlementQuery): Promise<Resolved> {
    if ('serialNumber' in query) return this.bySerialNumber(manager, scope, query.serialNumber);
    if ('customerNumber' in query) return this.byCustomerNumber(manager, scope, query.customerNumber);
    return this.byContractNumber(manager, scope, query.contractNumber);
  }

  private async bySerialNumber(manager: EntityManager, scope: CustomerScope, serialNumber: string): Promise<Resolved> {
    const asset = (await this.assets.find(manager, scope, { serialNumber })) ?? null;
    const listing = await this.contracts.listing(manager, scope, 'serial_number', serialNumber);
    if (!asset && listing.length === 0) throw new TicketError('ASSET_NOT_FOUND', `no asset or contract knows the serial number ${serialNumber}`);
    const own = asset?.data.contractId ? await this.contracts.find(manager, scope, asset.data.contractId) : undefined;
    const wide = asset?.data.customerId ? await this.contracts.customerWide(manager, scope, asset.data.customerId) : [];
    return { subject: { customerId: asset?.data.customerId ?? null, asset }, candidates: candidates([...listing, ...(own ? [own] : [])], wide) };
  }

  private async byCustomerNumber(manager: EntityManager, scope: CustomerScope, customerNumber: string): Promise<Resolved> {
    const customer = await this.customers.find(manager, scope, { customerNumber });
    const listing = await this.contracts.listing(manager, scope, 'customer_number', customerNumber);
    if (!customer && listing.length === 0) throw new TicketError('CUSTOMER_NOT_FOUND', `no customer or contract knows the customer number ${customerNumber}`);
    const wide = customer ? await this.contracts.customerWide(manager, scope, customer.id) : [];
    return { subject: { customerId: customer?.id ?? null, asset: null }, candidates: candidates(listing, wide) };
  }

  private async byContractNumber(manager: EntityManager, scope: CustomerScope, contractNumber: string): Promise<Resolved> {
    const contract = await this.contracts.get(manager, scope, { contractNumber });
    return { subject: { customerId: contract.data.customerId, asset: null }, candidates: [{ contract, specific: true }] };
  }
}

/** Specific and general candidates without duplicates; a contract that is both counts as specific. */
function candidates(specific: readonly Contract[], general: readonly Contract[]): EntitlementCandidate[] {
  const byId = new Map<string, EntitlementCandidate>();
  for (const contract of specific) byId.set(contract.id, { contract, specific: true });
  for (const contract of general) if (!byId.has(contract.id)) byId.set(contract.id, { contract, specific: false });
  return [...byId.values()];
}
