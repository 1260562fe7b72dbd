import type { EntityManager } from 'typeorm';
import { computeRun } from '../runs/run-computation';
import { PrepaidPackagesRepository, type PrepaidPackage } from './prepaid-packages.repository';

/**
 * The customers' prepaid packages with their use: what issued lines drew from them plus what
 * the open work performed up to `to` will draw when it is invoiced (the next run's rating of
 * it, same rounding, quota and order), spread over the packages oldest first. So a package
 * depletes as work is booked, not only when a run issues it. Lists every package, also those
 * bought after `to` (the run's rating lets work draw only on packages bought by then).
 */
export async function packagesWithUse(manager: EntityManager, customerIds: readonly string[], to: string, timeZone: string): Promise<Map<string, PrepaidPackage[]>> {
  const repository = new PrepaidPackagesRepository(manager);
  const owners = await repository.customersWithPackages(customerIds);
  if (owners.length === 0) return new Map();
  const pending = new Map<string, number>();
  const preview = await computeRun(manager, { from: to, to, customerIds: owners }, timeZone);
  for (const statement of preview.statements) {
    for (const line of statement.lines) pending.set(line.customerId, (pending.get(line.customerId) ?? 0) + line.packageMinutesApplied);
  }
  return repository.ofCustomers(owners, pending);
}
