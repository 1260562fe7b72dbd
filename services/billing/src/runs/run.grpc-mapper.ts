import { toTimestamp } from '@helpdesk/grpc';
import type { BillingLine, BillingStatementIssuedV1, billingV1 } from '@helpdesk/contracts';
import { uuidSchema } from '@helpdesk/contracts';
import { z } from 'zod';
import { calendarDate } from '../plans/plan.grpc-mapper';
import type { DraftLine } from './rating';
import type { RunRequest } from './run-computation';
import type { DraftStatement } from './statement-draft';

const uuid = z.string().refine((v) => uuidSchema.safeParse(v).success, 'must be a UUID');

/** A DateRange message → inclusive `from`/`to` dates, `from` ≤ `to`. */
export const periodSchema = z
  .object({ startDate: calendarDate, endDate: calendarDate }, { error: 'must be set' })
  .refine((p) => p.startDate <= p.endDate, { message: 'start_date must not be after end_date', path: ['endDate'] })
  .transform((p) => ({ from: p.startDate, to: p.endDate }));

/** `PreviewRunRequest` / `IssueRunRequest` → {@link RunRequest}. */
export const runRequestSchema = z
  .object({ period: periodSchema, customerIds: z.array(uuid) })
  .transform(({ period, customerIds }): RunRequest => ({ ...period, customerIds: customerIds.length > 0 ? customerIds : null }));

const money = (amountMinor: number, currency: string) => ({ amountMinor: String(amountMinor), currency });
const KIND: Record<DraftLine['kind'], billingV1.LineKind> = {
  work: 'LINE_KIND_WORK' as billingV1.LineKind,
  call: 'LINE_KIND_CALL' as billingV1.LineKind,
  material: 'LINE_KIND_MATERIAL' as billingV1.LineKind,
  reversal: 'LINE_KIND_REVERSAL' as billingV1.LineKind,
};

/** A previewed statement (no ids or numbers). */
export function toDraftStatementMessage(s: DraftStatement): billingV1.Statement {
  return {
    statementId: '',
    statementNumber: '',
    customerId: s.customerId,
    currency: s.currency,
    netTotal: money(s.netMinor, s.currency),
    taxTotal: money(s.taxMinor, s.currency),
    grossTotal: money(s.netMinor + s.taxMinor, s.currency),
    lines: s.lines.map((l) => ({
      lineId: '',
      lineNumber: '',
      customerId: l.customerId,
      contractId: l.contractId ?? '',
      planId: l.planId,
      planVersion: l.planVersion,
      ticketId: l.ticketId ?? '',
      ticketNumber: l.ticketNumber ?? '',
      kind: KIND[l.kind],
      activityType: l.activityType ?? '',
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: money(l.unitPriceMinor, l.currency),
      amount: money(l.amountMinor, l.currency),
      taxRateBasisPoints: l.taxRateBasisPoints,
      rawMinutes: l.rawMinutes ?? 0,
      roundedMinutes: l.roundedMinutes ?? 0,
      quotaMinutesApplied: l.quotaMinutesApplied + l.packageMinutesApplied,
      late: l.late,
      reversesLineId: l.reversesLineId ?? '',
      sourceItems: l.items.map((i) => ({ itemId: i.id, source: l.sourceKind, sourceId: i.sourceId, performedTime: toTimestamp(i.performedAt), minutes: l.kind === 'material' ? 0 : i.minutes })),
      sourceItemCount: l.items.length,
    })),
  };
}

/** An issued statement as a `Statement` message; `omitSourceItems`: lines carry only the count of their source items. */
export function toIssuedStatementMessage(s: BillingStatementIssuedV1, omitSourceItems = false): billingV1.Statement {
  return {
    statementId: s.statementId,
    statementNumber: s.statementNumber,
    customerId: s.customerId,
    currency: s.currency,
    netTotal: { ...s.netTotal, amountMinor: String(s.netTotal.amountMinor) },
    taxTotal: { ...s.taxTotal, amountMinor: String(s.taxTotal.amountMinor) },
    grossTotal: { ...s.grossTotal, amountMinor: String(s.grossTotal.amountMinor) },
    lines: s.lines.map((l) => toLineMessage(l, omitSourceItems)),
  };
}

function toLineMessage(l: BillingLine, omitSourceItems: boolean): billingV1.Line {
  return {
    lineId: l.lineId,
    lineNumber: l.lineNumber,
    customerId: l.customerId,
    contractId: l.contractId ?? '',
    planId: l.planId,
    planVersion: l.planVersion,
    ticketId: l.ticketId ?? '',
    ticketNumber: l.ticketNumber ?? '',
    kind: KIND[l.kind],
    activityType: l.activityType ?? '',
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: money(l.unitPrice.amountMinor, l.unitPrice.currency),
    amount: money(l.amount.amountMinor, l.amount.currency),
    taxRateBasisPoints: l.taxRateBasisPoints,
    rawMinutes: l.rawMinutes ?? 0,
    roundedMinutes: l.roundedMinutes ?? 0,
    quotaMinutesApplied: l.quotaMinutesApplied,
    late: l.late,
    reversesLineId: l.reversesLineId ?? '',
    sourceItems: omitSourceItems
      ? []
      : l.sourceItems.map((i) => ({ itemId: i.itemId, source: i.source, sourceId: i.sourceId, performedTime: toTimestamp(new Date(i.performedOn)), minutes: i.minutes ?? 0 })),
    sourceItemCount: l.sourceItems.length,
  };
}
