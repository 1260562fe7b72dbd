/** A contract as billing knows it from `helpdesk.directory.contract.upserted.v1`. */
export interface BillingContract {
  readonly id: string;
  readonly customerId: string;
  readonly planId: string | null;
  readonly freeSupport: boolean;
  readonly quotaRef: string | null;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly active: boolean;
}

/**
 * The contract that governs work of a customer on `day`: the one the ticket named, else the
 * customer's active contract valid that day (one with a plan first, then the earliest start).
 */
export function governingContract(contracts: readonly BillingContract[], customerId: string, contractId: string | null, day: string): BillingContract | null {
  if (contractId !== null) {
    const named = contracts.find((c) => c.id === contractId);
    if (named) return named;
  }
  const candidates = contracts
    .filter((c) => c.customerId === customerId && c.active && c.validFrom <= day && (c.validUntil === null || c.validUntil >= day))
    .sort((a, b) => Number(b.planId !== null) - Number(a.planId !== null) || a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id));
  return candidates[0] ?? null;
}
