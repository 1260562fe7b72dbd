import { carriedOverMinutes, crossedThresholds, periodsBefore, quotaPeriodOf } from './quota-period';
import { usageMinutes } from './quota-usage';
import type { PlanTerms } from '../plans/plan';

describe('quota periods', () => {
  it('finds the month, quarter and year of a day', () => {
    expect(quotaPeriodOf('2026-02-14', 'monthly')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(quotaPeriodOf('2026-11-30', 'quarterly')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quotaPeriodOf('2026-11-30', 'yearly')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('carries unused included minutes one period far, used before the period\'s own, only when the quota allows it', () => {
    const month = (used: number, carryOver = true) => ({ included: 600, used, carryOver });
    expect(carriedOverMinutes([])).toBe(0);
    expect(carriedOverMinutes([month(450)])).toBe(150);
    expect(carriedOverMinutes([month(700)])).toBe(0);
    expect(carriedOverMinutes([month(0, false)])).toBe(0);
    // October leaves 600 (nothing used); November uses 700: 600 carried first, 100 of its own → 500 into December.
    expect(carriedOverMinutes([month(0), month(700)])).toBe(500);
    // Unused for two periods is gone: at most one period's included minutes carry.
    expect(carriedOverMinutes([month(0), month(0)])).toBe(600);
    // A period whose quota does not carry over ends the chain.
    expect(carriedOverMinutes([month(0), month(100, false)])).toBe(0);
    expect(periodsBefore('2026-01-15', { from: '2026-04-01', to: '2026-04-30' }, 'monthly').map((p) => p.from)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodsBefore('2026-04-15', { from: '2026-04-01', to: '2026-04-30' }, 'monthly')).toEqual([]);
    expect(periodsBefore('2025-11-01', { from: '2026-04-01', to: '2026-06-30' }, 'quarterly').map((p) => p.from)).toEqual(['2025-10-01', '2026-01-01']);
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
