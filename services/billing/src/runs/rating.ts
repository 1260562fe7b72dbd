import type { BillableItem } from '../items/billable-item';
import { callCharge, callUnits, hourlyRate, pricesCalls, roundMinutes, type PlanVersion } from '../plans/plan';
import { amountForMinutes, amountForQuantity, formatQuantity, hoursOf, parseQuantity } from '../shared/money';

/** An open item with what the run resolved for it. */
export interface ResolvedItem {
  readonly item: BillableItem;
  readonly customerId: string;
  readonly contractId: string | null;
  readonly plan: PlanVersion;
  /** Performed before the run's period: billed now because it arrived after that period was issued. */
  readonly late: boolean;
  /** Quota bucket its work minutes draw on; null when none applies. */
  readonly quotaKey: string | null;
  /** Prepaid package pool its work minutes draw on after the quota; null when none. */
  readonly packageKey: string | null;
}

/** A line before it has a number. */
export interface DraftLine {
  readonly customerId: string;
  readonly currency: string;
  readonly contractId: string | null;
  readonly planId: string;
  readonly planVersion: number;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly kind: 'work' | 'call' | 'material' | 'reversal';
  readonly activityType: string | null;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPriceMinor: number;
  readonly amountMinor: number;
  readonly taxRateBasisPoints: number;
  readonly rawMinutes: number | null;
  readonly roundedMinutes: number | null;
  /** Minutes covered by the included quota. */
  readonly quotaMinutesApplied: number;
  /** Minutes covered by prepaid packages (after the quota). */
  readonly packageMinutesApplied: number;
  readonly quotaKey: string | null;
  readonly late: boolean;
  readonly reversesLineId: string | null;
  readonly items: readonly BillableItem[];
  readonly sourceKind: 'worklog' | 'call' | 'worklog_void';
}

/** What rating a run's items produced. */
export interface Rating {
  readonly lines: DraftLine[];
  /** Charge of each priced call item (minor units), for the itemised call list. */
  readonly callCharges: Map<string, number>;
  /** Items that the run bills without a line of their own (call talk time priced as work, or free calls). */
  readonly settledWithoutLine: BillableItem[];
}

interface Group {
  readonly first: ResolvedItem;
  readonly items: ResolvedItem[];
}

/**
 * Prices a run's open items (`rate(plan, usage)`): work grouped by ticket, activity and plan
 * version with the plan's rounding and the available quota, materials by SKU, answered calls by
 * the hotline pricing. A work entry made from a call is priced once: by the call when the plan
 * prices calls, else as work. `quotaAvailable` is consumed in performed order.
 */
export function rateItems(resolved: readonly ResolvedItem[], quotaAvailable: Map<string, number>): Rating {
  // Times read once and code-point order on ties (same as localeCompare for lowercase UUIDs): a run sorts a million items.
  const sorted = resolved
    .map((r) => ({ r, at: r.item.performedAt.getTime(), id: r.item.id }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((k) => k.r);
  const work = new Map<string, Group>();
  const materials = new Map<string, Group & { sku: string; unit: string }>();
  const calls = new Map<string, Group>();
  const settledWithoutLine: BillableItem[] = [];
  for (const r of sorted) {
    const base = `${r.customerId}|${r.contractId}|${r.plan.planId}|${r.plan.version}|${r.item.ticketId}|${r.late}`;
    if (r.item.source === 'call') {
      if (!pricesCalls(r.plan.terms)) settledWithoutLine.push(r.item);
      else add(calls, base, r);
      continue;
    }
    const timeAsCall = r.item.callId !== null && pricesCalls(r.plan.terms);
    if (!timeAsCall && r.item.minutes > 0) add(work, `${base}|${r.item.activityType}`, r);
    for (const m of r.item.materials) {
      const key = `${base}|${m.sku}|${m.unit}`;
      const group = materials.get(key) ?? { first: r, items: [], sku: m.sku, unit: m.unit };
      if (!group.items.includes(r)) group.items.push(r);
      materials.set(key, group);
    }
    if ((timeAsCall || r.item.minutes === 0) && r.item.materials.length === 0) settledWithoutLine.push(r.item);
  }
  const callCharges = new Map<string, number>();
  const lines = [
    ...[...work.values()].map((g) => workLine(g, quotaAvailable)),
    ...[...materials.values()].map((g) => materialLine(g, g.sku, g.unit)),
    ...[...calls.values()].flatMap((g) => callLines(g, callCharges)),
  ];
  return { lines, callCharges, settledWithoutLine };
}

function add(groups: Map<string, Group>, key: string, r: ResolvedItem): void {
  const group = groups.get(key);
  if (group) group.items.push(r);
  else groups.set(key, { first: r, items: [r] });
}

function common(g: Group): Pick<DraftLine, 'customerId' | 'currency' | 'contractId' | 'planId' | 'planVersion' | 'ticketId' | 'ticketNumber' | 'taxRateBasisPoints' | 'late' | 'reversesLineId'> {
  const { first } = g;
  return {
    customerId: first.customerId,
    currency: first.plan.terms.currency,
    contractId: first.contractId,
    planId: first.plan.planId,
    planVersion: first.plan.version,
    ticketId: first.item.ticketId,
    ticketNumber: first.item.ticketNumber,
    taxRateBasisPoints: first.plan.terms.taxRateBasisPoints,
    late: first.late,
    reversesLineId: null,
  };
}

/** Rounded minutes of work items under the plan's rounding scope. */
export function roundedWorkMinutes(plan: PlanVersion, minutes: readonly number[]): number {
  const rounding = plan.terms.rounding;
  if (rounding.scope === 'ticket') return roundMinutes(minutes.reduce((a, b) => a + b, 0), rounding);
  return minutes.reduce((sum, m) => sum + roundMinutes(m, rounding), 0);
}

function workLine(g: Group, quotaAvailable: Map<string, number>): DraftLine {
  const { plan, quotaKey, item } = g.first;
  const raw = g.items.reduce((sum, r) => sum + r.item.minutes, 0);
  const rounded = roundedWorkMinutes(plan, g.items.map((r) => r.item.minutes));
  const available = quotaKey ? (quotaAvailable.get(quotaKey) ?? 0) : 0;
  const quota = Math.max(0, Math.min(rounded, available));
  if (quotaKey) quotaAvailable.set(quotaKey, available - quota);
  const { packageKey } = g.first;
  const pool = packageKey ? (quotaAvailable.get(packageKey) ?? 0) : 0;
  const prepaid = Math.max(0, Math.min(rounded - quota, pool));
  if (packageKey) quotaAvailable.set(packageKey, pool - prepaid);
  const chargeable = rounded - quota - prepaid;
  const rate = hourlyRate(plan.terms, item.activityType);
  const activity = item.activityType ?? 'work';
  const notes = g.items.map((r) => r.item.description).filter((d) => d.trim() !== '');
  return {
    ...common(g),
    kind: 'work',
    activityType: item.activityType,
    description: `${activity}${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`.slice(0, 500),
    quantity: hoursOf(chargeable),
    unit: 'hour',
    unitPriceMinor: rate,
    amountMinor: amountForMinutes(chargeable, rate),
    rawMinutes: raw,
    roundedMinutes: rounded,
    quotaMinutesApplied: quota,
    packageMinutesApplied: prepaid,
    quotaKey,
    items: g.items.map((r) => r.item),
    sourceKind: 'worklog',
  };
}

function materialLine(g: Group, sku: string, unit: string): DraftLine {
  let quantity = 0n;
  let description = sku;
  for (const r of g.items) {
    for (const m of r.item.materials) {
      if (m.sku !== sku || m.unit !== unit) continue;
      quantity += parseQuantity(m.quantity);
      if (m.description) description = `${sku} ${m.description}`;
    }
  }
  const price = g.first.plan.terms.materialPrices[sku];
  return {
    ...common(g),
    kind: 'material',
    activityType: null,
    description: price === undefined ? `${description} (no price in plan)` : description,
    quantity: formatQuantity(quantity),
    unit,
    unitPriceMinor: price ?? 0,
    amountMinor: amountForQuantity(quantity, price ?? 0),
    rawMinutes: null,
    roundedMinutes: null,
    quotaMinutesApplied: 0,
    packageMinutesApplied: 0,
    quotaKey: null,
    items: g.items.map((r) => r.item),
    sourceKind: 'worklog',
  };
}

function callLines(g: Group, charges: Map<string, number>): DraftLine[] {
  const terms = g.first.plan.terms;
  const pricing = terms.callPricing;
  let units = 0;
  let minutes = 0;
  for (const r of g.items) {
    const talk = r.item.talkSeconds ?? 0;
    units += callUnits(terms, talk);
    minutes += r.item.minutes;
    charges.set(r.item.id, callCharge(terms, talk));
  }
  const base = { ...common(g), activityType: null, rawMinutes: minutes, roundedMinutes: minutes, quotaMinutesApplied: 0, packageMinutesApplied: 0, quotaKey: null, items: g.items.map((r) => r.item), sourceKind: 'call' as const };
  const lines: DraftLine[] = [];
  if (pricing.mode !== 'none') {
    const unit = pricing.mode === 'per_started_minute' ? 'minute' : 'interval';
    const label = pricing.mode === 'per_started_minute' ? 'started minutes' : `started ${pricing.intervalSeconds}-second intervals`;
    lines.push({ ...base, kind: 'call', description: `Hotline: ${g.items.length} call(s), ${units} ${label}`, quantity: String(units), unit, unitPriceMinor: pricing.unitRate, amountMinor: units * pricing.unitRate });
  }
  if (pricing.flatFee > 0) {
    lines.push({ ...base, kind: 'call', description: `Hotline: fee per call`, quantity: String(g.items.length), unit: 'call', unitPriceMinor: pricing.flatFee, amountMinor: g.items.length * pricing.flatFee });
  }
  return lines;
}
