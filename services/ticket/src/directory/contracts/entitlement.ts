import type { Asset } from '../assets/asset';
import type { CalendarDate } from '../calendar-date';
import { contractAppliesOn, type Contract } from './contract';

/**
 * A contract that may cover the checked identifier. `specific` contracts name it (they list the
 * serial or customer number, are the asset's own contract, or are the contract asked for);
 * general ones cover it through its customer (the customer's contracts without serial numbers).
 */
export interface EntitlementCandidate {
  readonly contract: Contract;
  readonly specific: boolean;
}

/** Why support is free or paid. */
export type SupportBasis = 'warranty' | 'contract' | 'none';

/** What applies on a day to a customer, asset or contract. */
export interface EntitlementDecision {
  /** The day decided for. */
  readonly onDate: CalendarDate;
  /** True when a contract applies or the asset is under warranty. */
  readonly entitled: boolean;
  /** True under warranty or a free contract. */
  readonly freeSupport: boolean;
  readonly basis: SupportBasis;
  /** The contract that applies; null when none does. */
  readonly contract: Contract | null;
  /** From the contract; null for the default policy. */
  readonly slaPolicyId: string | null;
  /** From the contract; null when none. */
  readonly billingPlanId: string | null;
  readonly customerId: string | null;
  readonly assetId: string | null;
  readonly warrantyEndsOn: CalendarDate | null;
  /** The decision for a person. */
  readonly explanation: string;
}

/** What the identifier resolved to. */
export interface EntitlementSubject {
  readonly customerId: string | null;
  readonly asset: Asset | null;
}

/**
 * Decides entitlement on `day`. Of the candidate contracts that apply (active, `day` within
 * validity), a specific one beats a general one, then the most recently started, then the
 * lowest number, so the answer is stable. Under warranty (`day` up to and including the
 * warranty end) support is free whatever the contract says; the contract still names the SLA
 * policy and billing plan. Without either, support is paid under the defaults.
 */
export function decideEntitlement(subject: EntitlementSubject, candidates: readonly EntitlementCandidate[], day: CalendarDate): EntitlementDecision {
  const contract = pickContract(candidates, day);
  const warrantyEndsOn = subject.asset?.data.warrantyEndsOn ?? null;
  const underWarranty = warrantyEndsOn !== null && day <= warrantyEndsOn;
  const basis: SupportBasis = underWarranty ? 'warranty' : contract ? 'contract' : 'none';
  return {
    onDate: day,
    entitled: underWarranty || contract !== null,
    freeSupport: underWarranty || (contract?.data.freeSupport ?? false),
    basis,
    contract,
    slaPolicyId: contract?.data.slaPolicyId ?? null,
    billingPlanId: contract?.data.billingPlanId ?? null,
    customerId: subject.customerId ?? contract?.data.customerId ?? null,
    assetId: subject.asset?.id ?? null,
    warrantyEndsOn,
    explanation: explain(day, warrantyEndsOn, underWarranty, contract),
  };
}

function pickContract(candidates: readonly EntitlementCandidate[], day: CalendarDate): Contract | null {
  const applicable = candidates.filter((c) => contractAppliesOn(c.contract, day));
  applicable.sort(
    (a, b) =>
      Number(b.specific) - Number(a.specific) ||
      compare(b.contract.data.validFrom, a.contract.data.validFrom) ||
      compare(a.contract.data.contractNumber, b.contract.data.contractNumber),
  );
  return applicable[0]?.contract ?? null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function explain(day: CalendarDate, warrantyEndsOn: CalendarDate | null, underWarranty: boolean, contract: Contract | null): string {
  const parts: string[] = [];
  if (underWarranty) parts.push(`under warranty until ${warrantyEndsOn ?? ''}: support is free`);
  else if (warrantyEndsOn !== null) parts.push(`warranty ended ${warrantyEndsOn}`);
  if (contract) {
    const until = contract.data.validUntil ? ` until ${contract.data.validUntil}` : '';
    const terms = contract.data.freeSupport ? 'free support' : 'paid support';
    parts.push(`contract ${contract.data.contractNumber} (${contract.data.name}) applies${until} with ${terms}`);
  } else {
    parts.push(`no contract applies on ${day}${underWarranty ? '' : ': paid support under the default SLA policy'}`);
  }
  return parts.join('; ');
}
