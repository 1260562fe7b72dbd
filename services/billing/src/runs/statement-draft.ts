import { taxOf } from '../shared/money';
import type { DraftLine } from './rating';

/** A customer's statement of a run before it has a number (one per customer and currency). */
export interface DraftStatement {
  readonly customerId: string;
  readonly currency: string;
  readonly lines: readonly DraftLine[];
  readonly netMinor: number;
  readonly taxMinor: number;
  readonly taxBreakdown: readonly { readonly taxRateBasisPoints: number; readonly netMinor: number; readonly taxMinor: number }[];
}

/** Groups lines into statements, lines ordered by ticket number then kind; tax per rate, rounded half up once per rate. */
export function draftStatements(lines: readonly DraftLine[]): DraftStatement[] {
  const groups = new Map<string, DraftLine[]>();
  for (const line of lines) {
    const key = `${line.customerId}|${line.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map((group) => {
    // Lines without a ticket last; plain code-point order, not locale order, so numbers sort alike everywhere.
    const sorted = [...group].sort((a, b) => compare(a.ticketNumber ?? '\uffff', b.ticketNumber ?? '\uffff') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    const byRate = new Map<number, number>();
    for (const l of sorted) byRate.set(l.taxRateBasisPoints, (byRate.get(l.taxRateBasisPoints) ?? 0) + l.amountMinor);
    const taxBreakdown = [...byRate.entries()].sort(([a], [b]) => a - b).map(([rate, net]) => ({ taxRateBasisPoints: rate, netMinor: net, taxMinor: taxOf(net, rate) }));
    const first = sorted[0] as DraftLine;
    return {
      customerId: first.customerId,
      currency: first.currency,
      lines: sorted,
      netMinor: taxBreakdown.reduce((s, t) => s + t.netMinor, 0),
      taxMinor: taxBreakdown.reduce((s, t) => s + t.taxMinor, 0),
      taxBreakdown,
    };
  });
}

const KIND_ORDER: Record<DraftLine['kind'], number> = { work: 0, material: 1, call: 2, reversal: 3 };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
