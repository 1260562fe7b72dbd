import { requireRole, type Caller } from '@helpdesk/auth';
import type { DataSource } from 'typeorm';
import { governingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import type { BillableItem } from '../items/billable-item';
import { ITEM_COLUMNS } from '../items/items.repository';
import { versionOn } from '../plans/plan';
import { byPlan, PlansRepository } from '../plans/plans.repository';
import { effortValue, type CustomerProfitability } from './profitability';

/**
 * GetCustomerProfitability: all standing work and calls performed in the period (billable or
 * not) valued at the plan rates, against the net of the lines of statements issued for runs
 * inside the period (reversals included).
 */
export class ProfitabilityService {
  constructor(private readonly dataSource: DataSource) {}

  async report(caller: Caller, from: string, to: string, customerIds: readonly string[] | null): Promise<CustomerProfitability[]> {
    requireRole(caller, ['admin', 'agent', 'integration'], 'BillingService/GetCustomerProfitability');
    const m = this.dataSource.manager;
    const items: BillableItem[] = await m.query(
      `SELECT ${ITEM_COLUMNS} FROM billable_items WHERE voided_at IS NULL AND customer_id IS NOT NULL AND performed_on BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR customer_id = ANY($3::uuid[]))`,
      [from, to, customerIds],
    );
    const revenue: { customer_id: string; currency: string; net: string }[] = await m.query(
      `SELECT customer_id, currency, sum(net_minor)::text AS net FROM billing_statements WHERE period_from >= $1 AND period_to <= $2 AND ($3::uuid[] IS NULL OR customer_id = ANY($3::uuid[])) GROUP BY customer_id, currency`,
      [from, to, customerIds],
    );
    const customers = [...new Set([...items.map((i) => i.customerId as string), ...revenue.map((r) => r.customer_id)])];
    const contracts = await new DirectoryRepository(m).contractsOf(customers);
    const plans = byPlan(await new PlansRepository(m).versionsOf([...new Set(contracts.map((c) => c.planId).filter((p): p is string => p !== null))]));
    const report = new Map<string, CustomerProfitability>();
    const entry = (customerId: string, currency: string) => {
      const key = `${customerId}|${currency}`;
      const found = report.get(key) ?? { customerId, currency, workMinutes: 0, nonBillableMinutes: 0, callCount: 0, effortMinor: 0, revenueMinor: 0 };
      report.set(key, found);
      return found;
    };
    for (const item of items) {
      const customerId = item.customerId as string;
      const contract = governingContract(contracts, customerId, item.contractId, item.performedOn);
      const plan = contract?.planId ? versionOn(plans.get(contract.planId) ?? [], item.performedOn) : undefined;
      const e = entry(customerId, plan?.terms.currency ?? '');
      if (item.source === 'call') e.callCount += 1;
      else {
        e.workMinutes += item.minutes;
        if (!item.billable || contract?.freeSupport) e.nonBillableMinutes += item.minutes;
      }
      if (plan) e.effortMinor += effortValue(item, plan);
    }
    for (const r of revenue) entry(r.customer_id, r.currency).revenueMinor += Number(r.net);
    return [...report.values()].sort((a, b) => a.customerId.localeCompare(b.customerId) || a.currency.localeCompare(b.currency));
  }
}
