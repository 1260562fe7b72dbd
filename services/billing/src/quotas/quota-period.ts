import { addDays, addMonths } from '../shared/calendar';
import type { QuotaDefinition } from '../plans/plan';

/** A quota period: both ends inclusive calendar dates. */
export interface QuotaPeriod {
  readonly from: string;
  readonly to: string;
}

const MONTHS: Record<QuotaDefinition['period'], number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The quota period (calendar month, quarter or year) containing `day`. */
export function quotaPeriodOf(day: string, period: QuotaDefinition['period']): QuotaPeriod {
  const months = MONTHS[period];
  const month = Number(day.slice(5, 7));
  const startMonth = Math.floor((month - 1) / months) * months + 1;
  const from = `${day.slice(0, 4)}-${String(startMonth).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, months), -1) };
}

/** The period before `current`. */
export function previousQuotaPeriod(current: QuotaPeriod, period: QuotaDefinition['period']): QuotaPeriod {
  return quotaPeriodOf(addDays(current.from, -1), period);
}

/** The key that buckets quota usage: contract, quota and period. */
export function quotaKey(contractId: string, ref: string, period: QuotaPeriod): string {
  return `${contractId}|${ref}|${period.from}`;
}

/** Minutes available in a period: included plus, for carry-over quotas, what the previous period left unused (one period only). */
export function availableMinutes(quota: QuotaDefinition, previousUsedMinutes: number): { included: number; carriedOver: number } {
  const carriedOver = quota.carryOver ? Math.max(0, quota.includedMinutes - previousUsedMinutes) : 0;
  return { included: quota.includedMinutes, carriedOver };
}

/** The thresholds (percent) that usage crossed going from `before` to `after` minutes of `size`. */
export function crossedThresholds(thresholds: readonly number[], size: number, before: number, after: number): number[] {
  if (size <= 0) return [];
  return thresholds.filter((percent) => before * 100 < percent * size && after * 100 >= percent * size);
}
