import type { BillableItem } from '../items/billable-item';
import type { PlanTerms, PlanVersion } from '../plans/plan';
import { versionOn } from '../plans/plan';
import { rateItems, type ResolvedItem } from './rating';
import { reverseLine } from './reversal';
import { draftStatements } from './statement-draft';

const terms: PlanTerms = {
  name: 'Test',
  currency: 'EUR',
  activityRates: { remote_support: 9_800 },
  defaultHourlyRate: 6_000,
  rounding: { incrementMinutes: 15, minimumMinutes: 15, scope: 'entry' },
  callPricing: { mode: 'per_started_minute', intervalSeconds: 0, unitRate: 150, flatFee: 50, freeMinutes: 1 },
  materialPrices: { SKU: 4_900 },
  taxRateBasisPoints: 1_900,
  quotas: [],
  quotaThresholdsPercent: [],
};
const plan = (overrides: Partial<PlanTerms> = {}, version = 1, validFrom = '2026-01-01'): PlanVersion => ({ planId: 'p', version, validFrom, terms: { ...terms, ...overrides }, createdAt: new Date(0) });

let seq = 0;
function item(overrides: Partial<BillableItem> = {}): BillableItem {
  seq += 1;
  return {
    id: `i${String(seq).padStart(3, '0')}`, source: 'worklog', sourceId: `s${seq}`, customerId: 'c', contractId: 'k', ticketId: 't', ticketNumber: 'T-1',
    activityType: 'remote_support', agentId: null, performedAt: new Date(Date.UTC(2026, 10, 2, 9, seq)), performedOn: '2026-11-02', minutes: 35,
    talkSeconds: null, callerNumber: null, callId: null, billable: true, materials: [], description: '', voided: false, ...overrides,
  };
}
const resolved = (i: BillableItem, p = plan(), quotaKey: string | null = null, late = false): ResolvedItem => ({ item: i, customerId: 'c', contractId: 'k', plan: p, late, quotaKey, packageKey: 'pkg' });

describe('rating', () => {
  it('rounds each entry up to the increment; an entry exactly on an increment stays as it is', () => {
    const { lines } = rateItems([resolved(item({ minutes: 35 })), resolved(item({ minutes: 15 })), resolved(item({ minutes: 5 }))], new Map());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: 'work', rawMinutes: 55, roundedMinutes: 45 + 15 + 15, quantity: '1.25', unit: 'hour', unitPriceMinor: 9_800, amountMinor: 12_250 });
  });

  it('rounds the ticket total once under per-ticket rounding', () => {
    const p = plan({ rounding: { incrementMinutes: 15, minimumMinutes: 15, scope: 'ticket' } });
    const { lines } = rateItems([resolved(item({ minutes: 35 }), p), resolved(item({ minutes: 5 }), p)], new Map());
    expect(lines[0]).toMatchObject({ rawMinutes: 40, roundedMinutes: 45, amountMinor: 7_350 });
  });

  it('splits an entry that crosses the quota: the covered part is free, the rest is charged', () => {
    const quota = new Map([['q', 30]]);
    const { lines } = rateItems([resolved(item({ minutes: 60 }), plan(), 'q')], quota);
    expect(lines[0]).toMatchObject({ roundedMinutes: 60, quotaMinutesApplied: 30, quantity: '0.5', amountMinor: 4_900, quotaKey: 'q' });
    expect(quota.get('q')).toBe(0);
  });

  it('covers what the quota leaves from the prepaid package pool, then charges the rest', () => {
    const available = new Map([['q', 30], ['pkg', 20]]);
    const { lines } = rateItems([resolved(item({ minutes: 60 }), plan(), 'q')], available);
    expect(lines[0]).toMatchObject({ quotaMinutesApplied: 30, packageMinutesApplied: 20, quantity: '0.1667', amountMinor: 1_633 });
    expect([available.get('q'), available.get('pkg')]).toEqual([0, 0]);
  });

  it('prices each line with the plan version in force on the day of the work (plan change mid-period)', () => {
    const versions = [plan({}, 1, '2026-01-01'), plan({ activityRates: { remote_support: 12_000 } }, 2, '2026-11-15')];
    const early = item({ minutes: 60, performedOn: '2026-11-10' });
    const late = item({ minutes: 60, performedOn: '2026-11-20' });
    const { lines } = rateItems([early, late].map((i) => resolved(i, versionOn(versions, i.performedOn))), new Map());
    expect(lines.map((l) => [l.planVersion, l.amountMinor])).toEqual([[1, 9_800], [2, 12_000]]);
  });

  it('prices calls per started minute after the free minutes plus a fee per call, and keeps a call-derived work entry out of the work lines', () => {
    const call = item({ source: 'call', minutes: 9, talkSeconds: 515, activityType: null });
    const fromCall = item({ minutes: 9, callId: 'call-1' });
    const { lines, callCharges, settledWithoutLine } = rateItems([resolved(call), resolved(fromCall)], new Map());
    expect(lines.map((l) => [l.kind, l.quantity, l.unit, l.amountMinor])).toEqual([['call', '8', 'minute', 1_200], ['call', '1', 'call', 50]]);
    expect(callCharges.get(call.id)).toBe(1_250);
    expect(settledWithoutLine.map((i) => i.id)).toEqual([fromCall.id]);
  });

  it('bills a call-derived entry as work when the plan does not price calls', () => {
    const p = plan({ callPricing: { mode: 'none', intervalSeconds: 0, unitRate: 0, flatFee: 0, freeMinutes: 0 } });
    const call = item({ source: 'call', minutes: 9, talkSeconds: 515, activityType: null });
    const { lines, settledWithoutLine } = rateItems([resolved(call, p), resolved(item({ minutes: 9, callId: 'x' }), p)], new Map());
    expect(lines.map((l) => [l.kind, l.roundedMinutes])).toEqual([['work', 15]]);
    expect(settledWithoutLine).toEqual([call]);
  });

  it('prices materials by SKU with exact decimal quantities and marks unknown SKUs', () => {
    const { lines } = rateItems([resolved(item({ minutes: 0, materials: [{ sku: 'SKU', description: 'Cable', quantity: '1.5', unit: 'piece' }, { sku: 'X', description: '', quantity: '2', unit: 'm' }] }))], new Map());
    expect(lines.map((l) => [l.description, l.quantity, l.amountMinor])).toEqual([['SKU Cable', '1.5', 7_350], ['X (no price in plan)', '2', 0]]);
  });

  it('keeps late items on lines of their own', () => {
    const { lines } = rateItems([resolved(item()), resolved(item(), plan(), null, true)], new Map());
    expect(lines.map((l) => l.late)).toEqual([false, true]);
  });

  it('computes statement totals with tax rounded half up per rate', () => {
    const { lines } = rateItems([resolved(item({ minutes: 35 }))], new Map());
    const [statement] = draftStatements(lines);
    expect(statement).toMatchObject({ netMinor: 7_350, taxMinor: 1_397, taxBreakdown: [{ taxRateBasisPoints: 1_900, netMinor: 7_350, taxMinor: 1_397 }] });
  });

  it('reverses the share of a voided entry by re-rating the issued line without it', () => {
    const a = item({ minutes: 35 });
    const b = item({ minutes: 15 });
    const base = { id: 'l1', customerId: 'c', currency: 'EUR', contractId: 'k', plan: plan(), ticketId: 't', ticketNumber: 'T-1', kind: 'work' as const, activityType: 'remote_support', description: 'remote_support', unit: 'hour', unitPriceMinor: 9_800, amountMinor: 9_800, roundedMinutes: 60, quotaMinutes: 0, reversedMinor: 0 };
    const reversal = reverseLine({ ...base, items: [a, { ...b, voided: true }] }, [{ ...b, voided: true }]);
    expect(reversal).toMatchObject({ kind: 'reversal', amountMinor: -2_450, quantity: '-0.25', reversesLineId: 'l1' });
    expect(reverseLine({ ...base, reversedMinor: -2_450, items: [a, { ...b, voided: true }] }, [])).toBeNull();
  });
});
