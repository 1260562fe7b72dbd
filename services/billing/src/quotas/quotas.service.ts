import { billingQuotaThresholdCrossedV1 } from '@helpdesk/contracts';
import type { TransactionOutbox } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { governingContract, type BillingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import { ItemsRepository } from '../items/items.repository';
import { versionOn, type PlanVersion, type QuotaDefinition } from '../plans/plan';
import { PlansRepository } from '../plans/plans.repository';
import { availableMinutes, crossedThresholds, previousQuotaPeriod, quotaPeriodOf, type QuotaPeriod } from './quota-period';
import { usageMinutes } from './quota-usage';

/** The state of one contract's quota in the period containing a day. */
export interface QuotaState {
  readonly contract: BillingContract;
  readonly plan: PlanVersion;
  readonly quota: QuotaDefinition;
  readonly period: QuotaPeriod;
  readonly included: number;
  readonly carriedOver: number;
  readonly used: number;
}

/** Quota usage from the standing work items: reports it and publishes threshold crossings. */
export class QuotasService {
  constructor(private readonly timeZone: string) {}

  /** The quota of each of the customer's contracts that has one, on `day`. */
  async statesOf(manager: EntityManager, customerId: string, day: string): Promise<QuotaState[]> {
    const contracts = (await new DirectoryRepository(manager).contractsOf([customerId])).filter((c) => c.quotaRef !== null && c.planId !== null);
    const states: QuotaState[] = [];
    for (const contract of contracts) {
      const state = await this.stateOfContract(manager, contract, day);
      if (state) states.push(state);
    }
    return states;
  }

  /**
   * After a work item was stored: publishes `helpdesk.billing.quota.threshold.crossed.v1` for every
   * configured threshold the item's minutes crossed (once per contract, quota, period and threshold).
   */
  async afterWork(manager: EntityManager, outbox: TransactionOutbox, item: { customerId: string; contractId: string | null; performedOn: string; minutes: number }, now: Date): Promise<void> {
    const contracts = await new DirectoryRepository(manager).contractsOf([item.customerId]);
    const contract = governingContract(contracts, item.customerId, item.contractId, item.performedOn);
    if (!contract || contract.quotaRef === null || contract.planId === null) return;
    const state = await this.stateOfContract(manager, contract, item.performedOn);
    if (!state || state.plan.terms.quotaThresholdsPercent.length === 0) return;
    const size = state.included + state.carriedOver;
    const before = state.used - usageMinutes(state.plan.terms, [item.minutes]);
    for (const threshold of crossedThresholds(state.plan.terms.quotaThresholdsPercent, size, before, state.used)) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO billing_quota_thresholds (contract_id, quota_ref, period_from, threshold) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING threshold`,
        [contract.id, state.quota.ref, state.period.from, threshold],
      );
      if (rows.length === 0) continue;
      await outbox.add({
        event: billingQuotaThresholdCrossedV1,
        subject: contract.customerId,
        data: {
          quotaId: quotaIdOf(contract.id),
          kind: 'included',
          customerId: contract.customerId,
          contractId: contract.id,
          planId: state.plan.planId,
          periodFrom: state.period.from,
          periodTo: state.period.to,
          thresholdPercent: threshold,
          includedMinutes: size,
          usedMinutes: state.used,
          remainingMinutes: size - state.used,
          crossedAt: now.toISOString(),
        },
      });
    }
  }

  /** The quota state of one contract on `day`; null when the contract's plan has no such quota. */
  async stateOfContract(manager: EntityManager, contract: BillingContract, day: string): Promise<QuotaState | null> {
    if (contract.planId === null || contract.quotaRef === null) return null;
    const versions = await new PlansRepository(manager).versionsOf([contract.planId]);
    const plan = versionOn(versions, day);
    const quota = plan?.terms.quotas.find((q) => q.ref === contract.quotaRef);
    if (!plan || !quota) return null;
    const items = new ItemsRepository(manager, this.timeZone);
    const period = quotaPeriodOf(day, quota.period);
    const previous = previousQuotaPeriod(period, quota.period);
    const previousUsed = quota.carryOver ? usageMinutes(plan.terms, await items.workMinutes(contract.id, previous.from, previous.to)) : 0;
    const { included, carriedOver } = availableMinutes(quota, previousUsed);
    const used = usageMinutes(plan.terms, await items.workMinutes(contract.id, period.from, period.to));
    return { contract, plan, quota, period, included, carriedOver, used };
  }
}

/** The quota's id in events: the contract's included quota is identified by the contract. */
function quotaIdOf(contractId: string): string {
  return contractId;
}
