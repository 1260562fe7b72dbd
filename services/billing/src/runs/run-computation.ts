import type { EntityManager } from 'typeorm';
import { governingContract, type BillingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import type { BillableItem, BilledItem } from '../items/billable-item';
import { versionOn, type PlanVersion } from '../plans/plan';
import { byPlan, PlansRepository } from '../plans/plans.repository';
import { quotaKey, quotaPeriodOf } from '../quotas/quota-period';
import { PrepaidPackagesRepository } from '../quotas/prepaid-packages.repository';
import { QuotasService } from '../quotas/quotas.service';
import { rateItems, type DraftLine, type ResolvedItem } from './rating';
import { reverseLine } from './reversal';
import { RunsRepository } from './runs.repository';
import { draftStatements, type DraftStatement } from './statement-draft';

/** Which period and customers a run covers (dates inclusive). */
export interface RunRequest {
  readonly from: string;
  readonly to: string;
  /** null for all customers. */
  readonly customerIds: readonly string[] | null;
}

/** Everything a run would issue, computed without writing. */
export interface RunComputation {
  readonly statements: DraftStatement[];
  /** Per item: the charge of a priced call. */
  readonly callCharges: Map<string, number>;
  /** Items billed without a line of their own, by customer. */
  readonly settledWithoutLine: readonly BillableItem[];
  /** Items of free-support contracts: documented effort, never billed. */
  readonly freeSupportItems: readonly BillableItem[];
  /** Issued items whose reversal this run writes. */
  readonly reversedItems: readonly BillableItem[];
  readonly unpricedItemCount: number;
}

/** Reads the open items of a run, resolves contract, plan version and quota, and rates them. */
export async function computeRun(manager: EntityManager, request: RunRequest, timeZone: string): Promise<RunComputation> {
  const runs = new RunsRepository(manager);
  const open = await withTicketNumbers(runs, await runs.openItems(request.to, request.customerIds));
  const toReverse = await runs.itemsToReverse(request.customerIds);
  const customers = [...new Set([...open, ...toReverse].map((i) => i.customerId).filter((c): c is string => c !== null))];
  const contracts = await new DirectoryRepository(manager).contractsOf(customers);
  const reversalLines = await runs.lines([...new Set(toReverse.flatMap((i) => i.lineIds))]);
  const planIds = [...new Set([...contracts.map((c) => c.planId), ...reversalLines.map((l) => l.plan_id)].filter((p): p is string => p !== null))];
  const plans = byPlan(await new PlansRepository(manager).versionsOf(planIds));

  const resolved: ResolvedItem[] = [];
  const freeSupportItems: BillableItem[] = [];
  let unpriced = 0;
  const index = contractIndex(contracts);
  for (const item of open) {
    const r = resolve(item, index, plans, request.from);
    if (r === 'free') freeSupportItems.push(item);
    else if (r === null) unpriced += 1;
    else resolved.push(r);
  }
  const quotaAvailable = await availableQuota(manager, runs, resolved, contracts, timeZone);
  await addPackagePools(manager, quotaAvailable, resolved, request.to);
  const rating = rateItems(resolved, quotaAvailable);
  const reversals = await reversalDrafts(runs, reversalLines, toReverse, plans);
  return {
    statements: draftStatements([...rating.lines, ...reversals]),
    callCharges: rating.callCharges,
    settledWithoutLine: rating.settledWithoutLine,
    freeSupportItems,
    reversedItems: toReverse,
    unpricedItemCount: unpriced,
  };
}

/** Contracts by id and by customer, so resolving a million items does not scan every contract for each. */
interface ContractIndex {
  readonly byId: Map<string, BillingContract>;
  readonly byCustomer: Map<string, BillingContract[]>;
}

function contractIndex(contracts: readonly BillingContract[]): ContractIndex {
  const byCustomer = new Map<string, BillingContract[]>();
  for (const c of contracts) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
  return { byId: new Map(contracts.map((c) => [c.id, c])), byCustomer };
}

function resolve(item: BillableItem, index: ContractIndex, plans: Map<string, PlanVersion[]>, from: string): ResolvedItem | 'free' | null {
  if (item.customerId === null) return null;
  const named = item.contractId === null ? undefined : index.byId.get(item.contractId);
  const candidates = index.byCustomer.get(item.customerId) ?? [];
  const contract = governingContract(named ? [named, ...candidates] : candidates, item.customerId, item.contractId, item.performedOn);
  if (contract?.freeSupport) return 'free';
  if (!contract?.planId) return null;
  const plan = versionOn(plans.get(contract.planId) ?? [], item.performedOn);
  if (!plan) return null;
  const quota = contract.quotaRef === null ? undefined : plan.terms.quotas.find((q) => q.ref === contract.quotaRef);
  const key = quota && item.source === 'worklog' ? quotaKey(contract.id, quota.ref, quotaPeriodOf(item.performedOn, quota.period)) : null;
  const packageKey = item.source === 'worklog' ? packagePoolKey(item.customerId) : null;
  return { item, customerId: item.customerId, contractId: contract.id, plan, late: item.performedOn < from, quotaKey: key, packageKey };
}

/** Per quota key: included + carry-over − minutes applied on earlier runs' lines. */
async function availableQuota(manager: EntityManager, runs: RunsRepository, resolved: readonly ResolvedItem[], contracts: readonly BillingContract[], timeZone: string): Promise<Map<string, number>> {
  const firstByKey = new Map<string, ResolvedItem>();
  for (const r of resolved) if (r.quotaKey && !firstByKey.has(r.quotaKey)) firstByKey.set(r.quotaKey, r);
  const applied = await runs.quotaApplied([...firstByKey.keys()]);
  const quotas = new QuotasService(timeZone);
  const available = new Map<string, number>();
  for (const [key, r] of firstByKey) {
    const contract = contracts.find((c) => c.id === r.contractId);
    const state = contract ? await quotas.stateOfContract(manager, contract, r.item.performedOn) : null;
    available.set(key, state ? state.included + state.carriedOver - (applied.get(key) ?? 0) : 0);
  }
  return available;
}

async function reversalDrafts(runs: RunsRepository, lines: Awaited<ReturnType<RunsRepository['lines']>>, toReverse: readonly BilledItem[], plans: Map<string, PlanVersion[]>): Promise<DraftLine[]> {
  if (lines.length === 0) return [];
  const ids = lines.map((l) => l.id);
  const reversed = await runs.reversedAmounts(ids);
  const items = await runs.itemsOfLines(ids);
  const drafts: DraftLine[] = [];
  for (const l of lines) {
    const plan = plans.get(l.plan_id)?.find((v) => v.version === l.plan_version);
    if (!plan || l.kind === 'reversal') continue;
    const lineItems = items.filter((i) => i.lineIds.includes(l.id));
    const voided = toReverse.filter((i) => i.lineIds.includes(l.id));
    const draft = reverseLine(
      {
        id: l.id, customerId: l.customer_id, currency: l.currency, contractId: l.contract_id, plan, ticketId: l.ticket_id, ticketNumber: l.ticket_number,
        kind: l.kind, activityType: l.activity_type, description: l.description, unit: l.unit, unitPriceMinor: Number(l.unit_price_minor),
        amountMinor: Number(l.amount_minor), roundedMinutes: l.rounded_minutes, quotaMinutes: l.quota_minutes + l.package_minutes, reversedMinor: reversed.get(l.id) ?? 0, items: lineItems,
      },
      voided,
    );
    if (draft) drafts.push(draft);
  }
  return drafts;
}

/** Call items name their ticket by id only: take its number from the ticket's work items. */
async function withTicketNumbers(runs: RunsRepository, items: BillableItem[]): Promise<BillableItem[]> {
  const numbers = new Map<string, string>();
  for (const i of items) if (i.ticketId && i.ticketNumber) numbers.set(i.ticketId, i.ticketNumber);
  const missing = [...new Set(items.filter((i) => i.ticketId && !i.ticketNumber && !numbers.has(i.ticketId)).map((i) => i.ticketId as string))];
  for (const [ticketId, number] of await runs.ticketNumbers(missing)) numbers.set(ticketId, number);
  return items.map((i) => (i.ticketId && !i.ticketNumber && numbers.has(i.ticketId) ? { ...i, ticketNumber: numbers.get(i.ticketId) ?? null } : i));
}

/** The key of a customer's prepaid package pool in the availability map. */
function packagePoolKey(customerId: string): string {
  return `package|${customerId}`;
}

/** Remaining minutes of the packages each customer bought up to the run's end. */
async function addPackagePools(manager: EntityManager, available: Map<string, number>, resolved: readonly ResolvedItem[], to: string): Promise<void> {
  const customers = [...new Set(resolved.filter((r) => r.packageKey !== null).map((r) => r.customerId))];
  for (const [customerId, packages] of await new PrepaidPackagesRepository(manager).ofCustomers(customers)) {
    const remaining = packages.filter((p) => p.purchasedOn <= to).reduce((sum, p) => sum + p.minutes - p.usedMinutes, 0);
    available.set(packagePoolKey(customerId), remaining);
  }
}
