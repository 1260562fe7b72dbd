import type { billingV1 } from '@helpdesk/contracts';
import { uuidSchema } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { z } from 'zod';
import { isCalendarDate } from '../shared/calendar';
import { planTermsSchema, type PlanTerms, type PlanVersion } from './plan';
import type { PlanWithVersions } from './plans.service';

// Request messages as @grpc/proto-loader delivers them (camelCase, defaults filled, enums as
// names, int64 as strings) → domain inputs; responses back.

const text = z.string({ error: 'must be a string' });
const int = z.number({ error: 'must be a number' }).int('must be a whole number');
/** A Money message in minor units; unset is zero in the plan's currency. */
const money = z
  .object({ amountMinor: text.regex(/^\d+$/, 'must be a non-negative amount in minor units'), currency: text })
  .nullish()
  .transform((m) => (m ? { minor: Number(m.amountMinor), currency: m.currency } : null));

/** A CalendarDate message → `YYYY-MM-DD`. */
export const calendarDate = z
  .object({ year: int, month: int, day: int }, { error: 'must be set' })
  .transform((d) => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`)
  .refine(isCalendarDate, 'must be a valid calendar date');

const uuid = text.refine((v) => uuidSchema.safeParse(v).success, 'must be a UUID');

const ROUNDING: Record<string, PlanTerms['rounding']['scope']> = { ROUNDING_SCOPE_ENTRY: 'entry', ROUNDING_SCOPE_TICKET: 'ticket' };
const CALL_MODE: Record<string, PlanTerms['callPricing']['mode']> = {
  CALL_PRICING_MODE_UNSPECIFIED: 'none',
  CALL_PRICING_MODE_NONE: 'none',
  CALL_PRICING_MODE_PER_STARTED_MINUTE: 'per_started_minute',
  CALL_PRICING_MODE_PER_INTERVAL: 'per_interval',
};
const QUOTA_PERIOD: Record<string, PlanTerms['quotas'][number]['period']> = { QUOTA_PERIOD_MONTHLY: 'monthly', QUOTA_PERIOD_QUARTERLY: 'quarterly', QUOTA_PERIOD_YEARLY: 'yearly' };

const termsMessage = z
  .object(
    {
      name: text,
      currency: text,
      activityRates: z.array(z.object({ activityType: text, hourlyRate: money })),
      defaultHourlyRate: money,
      rounding: z.object({ incrementMinutes: int, minimumMinutes: int, scope: text }, { error: 'must be set' }),
      callPricing: z.object({ mode: text, intervalSeconds: int, unitRate: money, flatFee: money, freeMinutes: int }).nullish(),
      materialPrices: z.array(z.object({ sku: text, unitPrice: money })),
      taxRateBasisPoints: int,
      quotas: z.array(z.object({ ref: text, includedMinutes: int, period: text, carryOver: z.boolean() })),
      quotaThresholdsPercent: z.array(int),
    },
    { error: 'must be set' },
  )
  .transform((t, ctx) => {
    const scope = ROUNDING[t.rounding.scope];
    if (!scope) ctx.addIssue({ code: 'custom', path: ['rounding', 'scope'], message: 'must be ROUNDING_SCOPE_ENTRY or ROUNDING_SCOPE_TICKET' });
    const mode = CALL_MODE[t.callPricing?.mode ?? 'CALL_PRICING_MODE_NONE'];
    if (!mode) ctx.addIssue({ code: 'custom', path: ['callPricing', 'mode'], message: 'must be a CallPricingMode' });
    if (mode === 'per_interval' && (t.callPricing?.intervalSeconds ?? 0) <= 0) ctx.addIssue({ code: 'custom', path: ['callPricing', 'intervalSeconds'], message: 'must be positive for per-interval pricing' });
    const quotas = t.quotas.map((q, i) => {
      const period = QUOTA_PERIOD[q.period];
      if (!period) ctx.addIssue({ code: 'custom', path: ['quotas', i, 'period'], message: 'must be monthly, quarterly or yearly' });
      return { ref: q.ref, includedMinutes: q.includedMinutes, period: period ?? 'monthly', carryOver: q.carryOver };
    });
    for (const [path, m] of moneyFields(t)) {
      if (m && m.currency !== '' && m.currency !== t.currency) ctx.addIssue({ code: 'custom', path, message: `must be in the plan currency ${t.currency}` });
    }
    const candidate = {
      name: t.name,
      currency: t.currency,
      activityRates: Object.fromEntries(t.activityRates.map((r) => [r.activityType, r.hourlyRate?.minor ?? 0])),
      defaultHourlyRate: t.defaultHourlyRate?.minor ?? 0,
      rounding: { incrementMinutes: t.rounding.incrementMinutes, minimumMinutes: t.rounding.minimumMinutes, scope: scope ?? 'entry' },
      callPricing: {
        mode: mode ?? 'none',
        intervalSeconds: t.callPricing?.intervalSeconds ?? 0,
        unitRate: t.callPricing?.unitRate?.minor ?? 0,
        flatFee: t.callPricing?.flatFee?.minor ?? 0,
        freeMinutes: t.callPricing?.freeMinutes ?? 0,
      },
      materialPrices: Object.fromEntries(t.materialPrices.map((p) => [p.sku, p.unitPrice?.minor ?? 0])),
      taxRateBasisPoints: t.taxRateBasisPoints,
      quotas,
      quotaThresholdsPercent: t.quotaThresholdsPercent,
    };
    const parsed = planTermsSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });

function moneyFields(t: { activityRates: { hourlyRate: { currency: string } | null }[]; defaultHourlyRate: { currency: string } | null }): [(string | number)[], { currency: string } | null][] {
  return [[['defaultHourlyRate', 'currency'], t.defaultHourlyRate], ...t.activityRates.map((r, i): [(string | number)[], { currency: string } | null] => [['activityRates', i, 'hourlyRate', 'currency'], r.hourlyRate])];
}

/** `CreatePlanRequest` → plan id (null: generate), first day and terms. */
export const createPlanRequestSchema = z.object({
  planId: z.union([z.literal('').transform(() => null), uuid]),
  validFrom: calendarDate,
  terms: termsMessage,
});

/** `UpdatePlanRequest` → plan id, first day of the new version and its terms. */
export const updatePlanRequestSchema = z.object({ planId: text.min(1, 'must be set').pipe(uuid), validFrom: calendarDate, terms: termsMessage });

/** `ListPlansRequest` → page size (default 50, at most 500) and the id after which to continue. */
export const listPlansRequestSchema = z
  .object({ page: z.object({ pageSize: int.min(0, 'must not be negative'), pageToken: z.union([z.literal(''), uuid]) }).nullish() })
  .transform(({ page }) => ({ size: Math.min(page?.pageSize || 50, 500), after: page?.pageToken || null }));

const m = (minor: number, currency: string) => ({ amountMinor: String(minor), currency });

/** A plan with its versions as a `Plan` message. */
export function toPlanMessage(plan: PlanWithVersions): billingV1.Plan {
  return { planId: plan.planId, versions: plan.versions.map(toVersionMessage) };
}

function toVersionMessage(v: PlanVersion): billingV1.PlanVersion {
  const t = v.terms;
  const [year, month, day] = v.validFrom.split('-').map(Number);
  return {
    planId: v.planId,
    version: v.version,
    validFrom: { year: year ?? 0, month: month ?? 0, day: day ?? 0 },
    createdTime: toTimestamp(v.createdAt),
    terms: {
      name: t.name,
      currency: t.currency,
      activityRates: Object.entries(t.activityRates).map(([activityType, rate]) => ({ activityType, hourlyRate: m(rate, t.currency) })),
      defaultHourlyRate: m(t.defaultHourlyRate, t.currency),
      rounding: { incrementMinutes: t.rounding.incrementMinutes, minimumMinutes: t.rounding.minimumMinutes, scope: t.rounding.scope === 'entry' ? ('ROUNDING_SCOPE_ENTRY' as billingV1.RoundingScope) : ('ROUNDING_SCOPE_TICKET' as billingV1.RoundingScope) },
      callPricing: {
        mode: (Object.entries(CALL_MODE).find(([k, val]) => val === t.callPricing.mode && k !== 'CALL_PRICING_MODE_UNSPECIFIED')?.[0] ?? 'CALL_PRICING_MODE_NONE') as billingV1.CallPricingMode,
        intervalSeconds: t.callPricing.intervalSeconds,
        unitRate: m(t.callPricing.unitRate, t.currency),
        flatFee: m(t.callPricing.flatFee, t.currency),
        freeMinutes: t.callPricing.freeMinutes,
      },
      materialPrices: Object.entries(t.materialPrices).map(([sku, price]) => ({ sku, unitPrice: m(price, t.currency) })),
      taxRateBasisPoints: t.taxRateBasisPoints,
      quotas: t.quotas.map((q) => ({ ref: q.ref, includedMinutes: q.includedMinutes, carryOver: q.carryOver, period: (Object.entries(QUOTA_PERIOD).find(([, p]) => p === q.period)?.[0] ?? 'QUOTA_PERIOD_MONTHLY') as billingV1.QuotaPeriod })),
      quotaThresholdsPercent: [...t.quotaThresholdsPercent],
    },
  };
}
