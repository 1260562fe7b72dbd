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

/** The key that buckets quota usage: contract, quota and period. */
export function quotaKey(contractId: string, ref: string, period: QuotaPeriod): string {
  return `${contractId}|${ref}|${period.from}`;
}

/** One earlier quota period in a carry-over chain: its included minutes, usage and whether its quota carries over. */
export interface CarryPeriod {
  readonly included: number;
  readonly used: number;
  readonly carryOver: boolean;
}

/**
 * Minutes carried into the period after `periods` (oldest first, from the contract's first
 * period). Unused included minutes of a period carry into the next period only and expire at
 * its end; usage draws on the carried minutes first (they expire sooner), then on the period's
 * own. So a quota never carries more than one period's included minutes, and minutes unused for
 * two periods are gone.
 */
export function carriedOverMinutes(periods: readonly CarryPeriod[]): number {
  let carried = 0;
  for (const p of periods) {
    const fromIncluded = Math.max(0, p.used - carried);
    carried = p.carryOver ? Math.max(0, p.included - fromIncluded) : 0;
  }
  return carried;
}

/** The quota periods from the one containing `first` up to (not including) `current`, oldest first. */
export function periodsBefore(first: string, current: QuotaPeriod, period: QuotaDefinition['period']): QuotaPeriod[] {
  const out: QuotaPeriod[] = [];
  for (let p = quotaPeriodOf(first, period); p.from < current.from; p = quotaPeriodOf(addDays(p.to, 1), period)) out.push(p);
  return out;
}

/** The thresholds (percent) that usage crossed going from `before` to `after` minutes of `size`. */
export function crossedThresholds(thresholds: readonly number[], size: number, before: number, after: number): number[] {
  if (size <= 0) return [];
  return thresholds.filter((percent) => before * 100 < percent * size && after * 100 >= percent * size);
}
