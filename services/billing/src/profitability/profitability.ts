import type { BillableItem } from '../items/billable-item';
import { callCharge, hourlyRate, type PlanVersion } from '../plans/plan';
import { amountForMinutes } from '../shared/money';

/** What one customer cost and paid in a period, in one currency. */
export interface CustomerProfitability {
  readonly customerId: string;
  readonly currency: string;
  workMinutes: number;
  nonBillableMinutes: number;
  callCount: number;
  effortMinor: number;
  revenueMinor: number;
}

/** Values one standing item at its plan's rates as if it were billed: unrounded work minutes, calls at the hotline pricing. */
export function effortValue(item: BillableItem, plan: PlanVersion): number {
  if (item.source === 'call') return callCharge(plan.terms, item.talkSeconds ?? 0);
  return amountForMinutes(item.minutes, hourlyRate(plan.terms, item.activityType));
}
