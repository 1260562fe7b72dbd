import type { BillableItem } from '../items/billable-item';
import { hourlyRate, type PlanVersion } from '../plans/plan';
import { amountForMinutes, amountForQuantity, formatQuantity, hoursOf, parseQuantity } from '../shared/money';
import type { DraftLine } from './rating';
import { roundedWorkMinutes } from './rating';

/** An issued work or material line with what has been reversed of it so far. */
export interface IssuedLine {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly contractId: string | null;
  readonly plan: PlanVersion;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly kind: 'work' | 'material' | 'call';
  readonly activityType: string | null;
  readonly description: string;
  readonly unit: string;
  readonly unitPriceMinor: number;
  readonly amountMinor: number;
  readonly roundedMinutes: number | null;
  /** Minutes covered by quota and prepaid packages; a reversal keeps them covered. */
  readonly quotaMinutes: number;
  /** Sum of the amounts of earlier reversals of this line (≤ 0). */
  readonly reversedMinor: number;
  /** Every item of the line (voided ones included). */
  readonly items: readonly BillableItem[];
}

/**
 * The reversal of an issued line after some of its items were voided: the line is re-rated
 * without the voided items (same rounding, same quota minutes) and the difference to what is
 * billed so far becomes a negative line in the next run. Null when nothing changes.
 */
export function reverseLine(line: IssuedLine, voided: readonly BillableItem[]): DraftLine | null {
  const standing = line.items.filter((i) => !i.voided);
  let newAmount: number;
  let quantity: string;
  if (line.kind === 'work') {
    const rounded = roundedWorkMinutes(line.plan, standing.map((i) => i.minutes));
    const chargeable = Math.max(0, rounded - line.quotaMinutes);
    newAmount = amountForMinutes(chargeable, hourlyRate(line.plan.terms, line.activityType));
    const before = Math.max(0, (line.roundedMinutes ?? 0) - line.quotaMinutes);
    quantity = `-${hoursOf(before - chargeable)}`;
  } else if (line.kind === 'material') {
    const sku = line.description.split(' ')[0] ?? '';
    const qty = (items: readonly BillableItem[]) => items.flatMap((i) => i.materials).filter((m) => m.sku === sku && m.unit === line.unit).reduce((s, m) => s + parseQuantity(m.quantity), 0n);
    newAmount = amountForQuantity(qty(standing), line.unitPriceMinor);
    quantity = formatQuantity(-(qty(line.items) - qty(standing)));
  } else {
    return null;
  }
  const delta = newAmount - (line.amountMinor + line.reversedMinor);
  if (delta === 0) return null;
  return {
    customerId: line.customerId,
    currency: line.currency,
    contractId: line.contractId,
    planId: line.plan.planId,
    planVersion: line.plan.version,
    ticketId: line.ticketId,
    ticketNumber: line.ticketNumber,
    kind: 'reversal',
    activityType: line.activityType,
    description: `Reversal of voided entries: ${line.description}`.slice(0, 500),
    quantity: quantity === '-0' ? '0' : quantity,
    unit: line.unit,
    unitPriceMinor: line.unitPriceMinor,
    amountMinor: delta,
    taxRateBasisPoints: line.plan.terms.taxRateBasisPoints,
    rawMinutes: line.kind === 'work' ? voided.reduce((s, i) => s + i.minutes, 0) : null,
    roundedMinutes: null,
    quotaMinutesApplied: 0,
    packageMinutesApplied: 0,
    quotaKey: null,
    late: false,
    reversesLineId: line.id,
    items: voided,
    sourceKind: 'worklog_void',
  };
}
