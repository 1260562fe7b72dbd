import type { PlanTerms } from '../plans/plan';

/**
 * Ids of the demo plans. The ticket service's demo contracts name them as billingPlanId
 * (Gold → the hotline plan, free support; Silver → the contingent plan with `KONTINGENT-<year>-SWN`).
 */
export const DEMO_PLAN_IDS = { hotline: '01936a00-8888-7aaa-8bbb-000000000008', silver: '01936a00-8888-7aaa-8bbb-000000000009' } as const;

const base: Omit<PlanTerms, 'name' | 'quotas'> = {
  currency: 'EUR',
  activityRates: { phone_support: 9_500, remote_support: 9_800, on_site: 12_500, development: 13_500, consulting: 14_500 },
  defaultHourlyRate: 9_800,
  rounding: { incrementMinutes: 15, minimumMinutes: 15, scope: 'entry' },
  callPricing: { mode: 'per_started_minute', intervalSeconds: 0, unitRate: 150, flatFee: 0, freeMinutes: 0 },
  materialPrices: { 'LIC-VPN-5': 4_900 },
  taxRateBasisPoints: 1_900,
  quotaThresholdsPercent: [80, 100],
};

/** The demo plans for `year`: a hotline plan and the Silver plan with a 20 h yearly contingent. */
export function demoPlans(year: number): { planId: string; validFrom: string; terms: PlanTerms }[] {
  return [
    { planId: DEMO_PLAN_IDS.hotline, validFrom: `${year}-01-01`, terms: { ...base, name: 'Hotline Standard', quotas: [] } },
    {
      planId: DEMO_PLAN_IDS.silver,
      validFrom: `${year}-01-01`,
      terms: { ...base, name: 'Silver Service', quotas: [{ ref: `KONTINGENT-${year}-SWN`, includedMinutes: 20 * 60, period: 'yearly', carryOver: false }] },
    },
  ];
}
