import { billingQuotaThresholdCrossedV1 } from '@helpdesk/contracts';
import type { TransactionOutbox } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { governingContract, type BillingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import { ItemsRepository } from '../items/items.repository';
import { versionOn, type PlanVersion, type QuotaDefinition } from '../plans/plan';
import { PlansRepository } from '../plans/plans.repository';
import { carriedOverMinutes, crossedThresholds, periodsBefore, quotaPeriodOf, type QuotaPeriod } from './quota-period';
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

/** Billable work minutes just stored for a customer (what quota usage grew by). */
export interface WorkUsage {
  readonly customerId: string;
  readonly contractId: string | null;
  readonly performedOn: string;
  readonly minutes: number;
  /** The item's contract names a quota (others cannot cross an included quota's threshold). */
  readonly hasQuota: boolean;
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
   * After work items were stored (one consumer batch): publishes
   * `helpdesk.billing.quota.threshold.crossed.v1` for every configured threshold that the new
   * minutes crossed, once per contract, quota, period and threshold. Items are bucketed by
   * contract and quota period, so several entries of one batch count as one step from the
   * usage before the batch to the usage after it.
   */
  async afterWork(manager: EntityManager, outbox: TransactionOutbox, items: readonly WorkUsage[], now: Date): Promise<void> {
    if (items.length === 0) return;
    const contracts = await new DirectoryRepository(manager).contractsOf([...new Set(items.map((i) => i.customerId))]);
    const states = new Map<string, QuotaState | null>();
    const buckets = new Map<string, { state: QuotaState; minutes: number[] }>();
    for (const item of items) {
      const contract = governingContract(contracts, item.customerId, item.contractId, item.performedOn);
      if (!contract || contract.quotaRef === null || contract.planId === null) continue;
      const dayKey = `${contract.id}|${item.performedOn}`;
      if (!states.has(dayKey)) states.set(dayKey, await this.stateOfContract(manager, contract, item.performedOn));
      const state = states.get(dayKey);
      if (!state || state.plan.terms.quotaThresholdsPercent.length === 0) continue;
      const key = `${contract.id}|${state.quota.ref}|${state.period.from}`;
      const bucket = buckets.get(key) ?? { state, minutes: [] };
      bucket.minutes.push(item.minutes);
      buckets.set(key, bucket);
    }
    for (const { state, minutes } of buckets.values()) await this.publishCrossed(manager, outbox, state, state.used - usageMinutes(state.plan.terms, minutes), now);
  }

  private async publishCrossed(manager: EntityManager, outbox: TransactionOutbox, state: QuotaState, before: number, now: Date): Promise<void> {
    const { contract } = state;
    const size = state.included + state.carriedOver;
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
    const carriedOver = quota.carryOver ? await carriedIntoPeriod(items, contract, versions, quota, period) : 0;
    const included = quota.includedMinutes;
    const used = usageMinutes(plan.terms, await items.workMinutes(contract.id, period.from, period.to));
    return { contract, plan, quota, period, included, carriedOver, used };
  }
}

/**
 * Minutes carried into `period`: the chain of the contract's earlier periods since it started
 * (each with the plan version and quota in force on its first day, usage rounded by that
 * version), see {@link carriedOverMinutes}.
 */
async function carriedIntoPeriod(items: ItemsRepository, contract: BillingContract, versions: readonly PlanVersion[], quota: QuotaDefinition, period: QuotaPeriod): Promise<number> {
  const earlier = periodsBefore(contract.validFrom, period, quota.period);
  const first = earlier[0];
  if (!first) return 0;
  const usage = await items.workMinutesByDay(contract.id, first.from, earlier[earlier.length - 1]?.to ?? first.to);
  return carriedOverMinutes(
    earlier.map((p) => {
      const version = versionOn(versions, p.from) ?? versionOn(versions, p.to);
      const q = version?.terms.quotas.find((x) => x.ref === quota.ref);
      if (!version || !q) return { included: 0, used: 0, carryOver: false };
      const minutes = usage.filter((u) => u.day >= p.from && u.day <= p.to).map((u) => u.minutes);
      return { included: q.includedMinutes, used: usageMinutes(version.terms, minutes), carryOver: q.carryOver };
    }),
  );
}

/** The quota's id in events: the contract's included quota is identified by the contract. */
function quotaIdOf(contractId: string): string {
  return contractId;
}
