import type { billingV1 } from '@helpdesk/contracts';
import { uuidSchema } from '@helpdesk/contracts';
import { z } from 'zod';
import { calendarDate } from '../plans/plan.grpc-mapper';
import type { PrepaidPackage } from './prepaid-packages.repository';
import type { QuotaState } from './quotas.service';

/** `GetQuotaRequest` → customer and day (null: today). */
export const getQuotaRequestSchema = z.object({
  customerId: z.string().refine((v) => uuidSchema.safeParse(v).success, 'must be a UUID'),
  date: calendarDate.nullish().transform((d) => d ?? null),
});

const date = (d: string) => ({ year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) });

/** A quota state as a `QuotaStatus` message. */
export function toQuotaStatusMessage(s: QuotaState): billingV1.QuotaStatus {
  return {
    contractId: s.contract.id,
    planId: s.plan.planId,
    quotaRef: s.quota.ref,
    period: { startDate: date(s.period.from), endDate: date(s.period.to) },
    includedMinutes: s.included,
    carriedOverMinutes: s.carriedOver,
    usedMinutes: s.used,
    remainingMinutes: s.included + s.carriedOver - s.used,
  };
}

/** `AddPrepaidPackageRequest` → package id (null: generate), customer, minutes, purchase day. */
export const addPrepaidPackageRequestSchema = z.object({
  packageId: z.union([z.literal('').transform(() => null), z.string().refine((v) => uuidSchema.safeParse(v).success, 'must be a UUID')]),
  customerId: z.string().refine((v) => uuidSchema.safeParse(v).success, 'must be a UUID'),
  minutes: z.number().int('must be a whole number').min(1, 'must be positive'),
  purchasedOn: calendarDate,
});

/** A package as a `PrepaidPackage` message. */
export function toPrepaidPackageMessage(p: PrepaidPackage): billingV1.PrepaidPackage {
  return { packageId: p.id, customerId: p.customerId, minutes: p.minutes, purchasedOn: date(p.purchasedOn), usedMinutes: p.usedMinutes, remainingMinutes: p.minutes - p.usedMinutes };
}
