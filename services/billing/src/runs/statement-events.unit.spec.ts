import { billingLineCreatedV1, billingStatementIssuedV1, billingStatementIssuedV2, type BillingLine, type BillingStatementIssuedV1 } from '@helpdesk/contracts';
import { statementEvents } from './statement-events';

const size = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
const base = billingLineCreatedV1.example;
const item = base.sourceItems[0] as BillingLine['sourceItems'][number];

function statementWith(lineCount: number, itemsOfFirst = 1): BillingStatementIssuedV1 {
  const lines: BillingLine[] = Array.from({ length: lineCount }, (_, i) => ({
    ...base,
    lineId: `01936c00-0000-7abc-8def-${String(i).padStart(12, '0')}`,
    lineNumber: `2026-11-00042/${i + 1}`,
    sourceItems: Array.from({ length: i === 0 ? itemsOfFirst : 1 }, (_, k) => ({ ...item, itemId: `01936b30-1000-7abc-8def-${String(k).padStart(12, '0')}` })),
  }));
  return { ...billingStatementIssuedV1.example, lines };
}

describe('statementEvents', () => {
  it('publishes a small statement whole: v1 unchanged, one v2 part, complete line events', () => {
    const s = statementWith(3);
    const events = statementEvents(s, 256 * 1024);
    expect(events.statementV1).toBe(s);
    expect(events.statementV2).toHaveLength(1);
    expect(billingStatementIssuedV2.schema.parse(events.statementV2[0])).toMatchObject({ part: 1, parts: 1, lineCount: 3 });
    expect(events.lines.map((l) => [l.sourceItems.length, l.sourceItemCount, l.sourceItemsComplete])).toEqual([[1, 1, true], [1, 1, true], [1, 1, true]]);
  });

  it('splits a statement over the budget into parts under it that reassemble to every line, and drops only v1', () => {
    const s = statementWith(40);
    const budget = 8 * 1024;
    const events = statementEvents(s, budget);
    expect(events.statementV1).toBeNull();
    expect(events.statementV2.length).toBeGreaterThan(1);
    for (const part of events.statementV2) {
      expect(size(part)).toBeLessThanOrEqual(budget);
      billingStatementIssuedV2.schema.parse(part);
    }
    expect(events.statementV2.map((p) => [p.part, p.parts])).toEqual(events.statementV2.map((_, i) => [i + 1, events.statementV2.length]));
    expect(events.statementV2.flatMap((p) => p.lines.map((l) => l.lineId))).toEqual(s.lines.map((l) => l.lineId));
    expect(events.statementV2.every((p) => p.lineCount === 40 && p.netTotal.amountMinor === s.netTotal.amountMinor)).toBe(true);
  });

  it('caps the source items of a line event over the budget and says how many there are', () => {
    const s = statementWith(2, 500);
    const budget = 16 * 1024;
    const [big, small] = statementEvents(s, budget).lines;
    expect(size(big)).toBeLessThanOrEqual(budget);
    expect(big).toMatchObject({ sourceItemCount: 500, sourceItemsComplete: false });
    expect(big?.sourceItems.length).toBeGreaterThan(10);
    expect(big?.sourceItems).toEqual(s.lines[0]?.sourceItems.slice(0, big?.sourceItems.length));
    billingLineCreatedV1.schema.parse(big);
    expect(small).toMatchObject({ sourceItemCount: 1, sourceItemsComplete: true });
  });
});
