import { contractUpsertedV1, type ContractUpsertedV1 } from '@helpdesk/contracts';
import { invalidField } from '../../tickets/ticket.errors';
import type { CalendarDate } from '../calendar-date';
import { directoryEventBase, type DirectoryRecord } from '../directory-record';

/** What identifier entitles a caller or sender to support under a contract. */
export type EntitlementKind = 'serial_number' | 'customer_number' | 'contract_number' | 'other';

/** An identifier that entitles to support. */
export type Entitlement = { readonly kind: EntitlementKind; readonly value: string };

/** A contract's own fields. */
export type ContractData = {
  readonly customerId: string;
  /** Unique. */
  readonly contractNumber: string;
  readonly name: string;
  /** First day the contract applies (inclusive). */
  readonly validFrom: CalendarDate;
  /** Last day it applies (inclusive); null for open-ended contracts. */
  readonly validUntil: CalendarDate | null;
  readonly slaPolicyId: string | null;
  readonly billingPlanId: string | null;
  readonly freeSupport: boolean;
  readonly entitlements: readonly Entitlement[];
  readonly quotaRef: string | null;
};

/** A support contract. */
export type Contract = DirectoryRecord<ContractData>;

/**
 * The stored form of a contract's fields: validity checked (`validUntil` not before
 * `validFrom`), entitlements trimmed and de-duplicated, a missing name set to the number.
 */
export function normaliseContract(input: ContractData): ContractData {
  if (input.validUntil !== null && input.validUntil < input.validFrom) {
    throw invalidField('validUntil', `must not be before validFrom (${input.validFrom})`);
  }
  const seen = new Set<string>();
  const entitlements: Entitlement[] = [];
  for (const { kind, value } of input.entitlements) {
    const trimmed = value.trim();
    if (seen.has(`${kind}:${trimmed}`)) continue;
    seen.add(`${kind}:${trimmed}`);
    entitlements.push({ kind, value: trimmed });
  }
  return { ...input, name: input.name.trim() || input.contractNumber, entitlements };
}

/** True when the contract is active and `day` lies within its validity. */
export function contractAppliesOn(contract: Contract, day: CalendarDate): boolean {
  const { validFrom, validUntil } = contract.data;
  return contract.active && validFrom <= day && (validUntil === null || day <= validUntil);
}

/** True when the contract lists serial numbers, i.e. covers only those devices. */
export function isDeviceBound(contract: Contract): boolean {
  return contract.data.entitlements.some((e) => e.kind === 'serial_number');
}

/** `helpdesk.directory.contract.upserted.v1` for the contract's current version. */
export function contractUpserted(contract: Contract) {
  const data: ContractUpsertedV1 = { contractId: contract.id, ...contract.data, entitlements: [...contract.data.entitlements], ...directoryEventBase(contract) };
  return { type: contractUpsertedV1.type, subject: contract.id, time: contract.updatedAt, data };
}
