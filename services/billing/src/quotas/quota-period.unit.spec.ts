import { availableMinutes, crossedThresholds, previousQuotaPeriod, quotaPeriodOf } from './quota-period';
import { usageMinutes } from './quota-usage';
import type { PlanTerms } from '../plans/plan';

describe('quota periods', () => {
  it('finds the month, quarter and year of a day', () => {
    expect(quotaPeriodOf('2026-02-14', 'monthly')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(quotaPeriodOf('2026-11-30', 'quarterly')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quotaPeriodOf('2026-11-30', 'yearly')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(previousQuotaPeriod({ from: '2026-01-01', to: '2026-01-31' }, 'monthly')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('carries unused minutes of the previous period over only when the quota allows it', () => {
    const quota = { ref: 'q', includedMinutes: 600, period: 'monthly' as const, carryOver: true };
    expect(availableMinutes(quota, 450)).toEqual({ included: 600, carriedOver: 150 });
    expect(availableMinutes(quota, 700)).toEqual({ included: 600, carriedOver: 0 });
    expect(availableMinutes({ ...quota, carryOver: false }, 0)).toEqual({ included: 600, carriedOver: 0 });
  });

  it('reports each threshold once, when usage first reaches it (also several in one entry)', () => {
    expect(crossedThresholds([80, 100], 600, 400, 480)).toEqual([80]);
    expect(crossedThresholds([80, 100], 600, 480, 500)).toEqual([]);
    expect(crossedThresholds([80, 100], 600, 100, 700)).toEqual([80, 100]);
  });

  it('counts usage in rounded minutes per entry, raw under per-ticket rounding', () => {
    const rounding = { incrementMinutes: 15, minimumMinutes: 15, scope: 'entry' as const };
    expect(usageMinutes({ rounding } as PlanTerms, [35, 15, 1])).toBe(75);
    expect(usageMinutes({ rounding: { ...rounding, scope: 'ticket' } } as PlanTerms, [35, 15, 1])).toBe(51);
  });
});
