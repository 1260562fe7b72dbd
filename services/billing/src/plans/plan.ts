import { z } from 'zod';

const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A quota ("Kontingent") of included minutes per period, named by contracts' quotaRef. */
export const quotaDefinitionSchema = z.object({
  ref: z.string().min(1).max(200),
  includedMinutes: z.int().min(1),
  period: z.enum(['monthly', 'quarterly', 'yearly']),
  carryOver: z.boolean(),
});

/**
 * The terms of one plan version; every price in integer minor units of `currency`. Stored as
 * the version's JSON and validated on every read and write.
 */
export const planTermsSchema = z.object({
  name: z.string().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' }),
  /** Net minor units per hour, by activity type. */
  activityRates: z.record(z.string().min(1), minor),
  /** Net minor units per hour of activity types without their own rate. */
  defaultHourlyRate: minor,
  rounding: z.object({
    incrementMinutes: z.int().min(1).max(1440),
    minimumMinutes: z.int().min(0).max(1440),
    scope: z.enum(['entry', 'ticket']),
  }),
  callPricing: z.object({
    mode: z.enum(['none', 'per_started_minute', 'per_interval']),
    intervalSeconds: z.int().min(0).max(3600),
    unitRate: minor,
    flatFee: minor,
    freeMinutes: z.int().min(0).max(1440),
  }),
  /** Net minor units per unit, by SKU. */
  materialPrices: z.record(z.string().min(1), minor),
  taxRateBasisPoints: z.int().min(0).max(10_000),
  quotas: z.array(quotaDefinitionSchema),
  quotaThresholdsPercent: z.array(z.int().min(1).max(1000)),
});

/** The terms of a plan version. */
export type PlanTerms = z.infer<typeof planTermsSchema>;
/** An included quota of a plan. */
export type QuotaDefinition = z.infer<typeof quotaDefinitionSchema>;

/** One version of a plan, in force from `validFrom` (a calendar date) until the next version's. */
export interface PlanVersion {
  readonly planId: string;
  readonly version: number;
  readonly validFrom: string;
  readonly terms: PlanTerms;
  readonly createdAt: Date;
}

/** The version of a plan in force on `day`; undefined when the plan starts later. */
export function versionOn(versions: readonly PlanVersion[], day: string): PlanVersion | undefined {
  let found: PlanVersion | undefined;
  for (const v of versions) if (v.validFrom <= day && (!found || v.validFrom > found.validFrom)) found = v;
  return found;
}

/** Hourly rate of an activity type under the terms. */
export function hourlyRate(terms: PlanTerms, activityType: string | null): number {
  return (activityType !== null ? terms.activityRates[activityType] : undefined) ?? terms.defaultHourlyRate;
}

/** Minutes after the plan's rounding: up to the increment, at least the minimum; 0 stays 0. */
export function roundMinutes(minutes: number, rounding: PlanTerms['rounding']): number {
  if (minutes <= 0) return 0;
  const up = Math.ceil(minutes / rounding.incrementMinutes) * rounding.incrementMinutes;
  return Math.max(up, rounding.minimumMinutes);
}

/** True when the plan charges answered calls (by time or per call). */
export function pricesCalls(terms: PlanTerms): boolean {
  return terms.callPricing.mode !== 'none' || terms.callPricing.flatFee > 0;
}

/** Charged time units (started minutes or intervals after the free minutes) of a call. */
export function callUnits(terms: PlanTerms, talkSeconds: number): number {
  const pricing = terms.callPricing;
  const billed = Math.max(0, talkSeconds - pricing.freeMinutes * 60);
  if (pricing.mode === 'per_started_minute') return Math.ceil(billed / 60);
  if (pricing.mode === 'per_interval' && pricing.intervalSeconds > 0) return Math.ceil(billed / pricing.intervalSeconds);
  return 0;
}

/** Net charge of one answered call: flat fee plus time units at the unit rate. */
export function callCharge(terms: PlanTerms, talkSeconds: number): number {
  return terms.callPricing.flatFee + callUnits(terms, talkSeconds) * terms.callPricing.unitRate;
}
