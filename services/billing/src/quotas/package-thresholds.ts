import { billingQuotaThresholdCrossedV1 } from '@helpdesk/contracts';
import type { TransactionOutbox } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { governingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import { versionOn } from '../plans/plan';
import { byPlan, PlansRepository } from '../plans/plans.repository';
import { packagesWithUse } from './package-usage';
import type { PrepaidPackage } from './prepaid-packages.repository';
import type { WorkUsage } from './quotas.service';

/** Every open item counts for a package, whatever day it was performed on. */
const ALL_BOOKED_WORK = '9999-12-31';

/**
 * Threshold events of prepaid packages: after work was booked, every package of the customers
 * whose use (issued plus what the open work will draw, oldest package first) reached one of the
 * plan's `quotaThresholdsPercent` publishes `helpdesk.billing.quota.threshold.crossed.v1`
 * (`kind: prepaid_package`), once per package and threshold.
 */
export class PackageThresholds {
  constructor(private readonly timeZone: string) {}

  async afterWork(manager: EntityManager, outbox: TransactionOutbox, usage: readonly WorkUsage[], now: Date): Promise<void> {
    if (usage.length === 0) return;
    const latest = new Map<string, WorkUsage>();
    for (const u of usage) if ((latest.get(u.customerId)?.performedOn ?? '') <= u.performedOn) latest.set(u.customerId, u);
    const packages = await packagesWithUse(manager, [...latest.keys()], ALL_BOOKED_WORK, this.timeZone);
    if (packages.size === 0) return;
    const contracts = await new DirectoryRepository(manager).contractsOf([...packages.keys()]);
    const plans = byPlan(await new PlansRepository(manager).versionsOf([...new Set(contracts.map((c) => c.planId).filter((p): p is string => p !== null))]));
    for (const [customerId, owned] of packages) {
      const work = latest.get(customerId);
      const contract = work ? governingContract(contracts, customerId, work.contractId, work.performedOn) : null;
      const plan = contract?.planId && work ? versionOn(plans.get(contract.planId) ?? [], work.performedOn) : undefined;
      if (!contract || !plan) continue;
      for (const p of owned) {
        for (const threshold of reached(p, plan.terms.quotaThresholdsPercent)) {
          const rows: unknown[] = await manager.query(
            `INSERT INTO billing_package_thresholds (package_id, threshold) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING threshold`,
            [p.id, threshold],
          );
          if (rows.length === 0) continue;
          await outbox.add({
            event: billingQuotaThresholdCrossedV1,
            subject: customerId,
            data: {
              quotaId: p.id, kind: 'prepaid_package', customerId, contractId: contract.id, planId: plan.planId, periodFrom: null, periodTo: null,
              thresholdPercent: threshold, includedMinutes: p.minutes, usedMinutes: p.usedMinutes, remainingMinutes: p.minutes - p.usedMinutes, crossedAt: now.toISOString(),
            },
          });
        }
      }
    }
  }
}

/** The thresholds (percent) a package's use has reached. */
export function reached(p: PrepaidPackage, thresholds: readonly number[]): number[] {
  return thresholds.filter((percent) => p.usedMinutes * 100 >= percent * p.minutes);
}
