import type { BillingLine, BillingStatementIssuedV1 } from '@helpdesk/contracts';
import type { DraftStatement } from './statement-draft';

/** Numbers and ids for a run's statements, handed in so that numbering stays a pure step. */
export interface Numbering {
  readonly runId: string;
  readonly issuedAt: Date;
  readonly from: string;
  readonly to: string;
  /** Statement number of the n-th statement of the run (0-based). */
  statementNumber(index: number): string;
  newId(): string;
}

/** The issued form of a run's drafts: the `statement.issued` payloads with numbered lines. */
export function numberStatements(drafts: readonly DraftStatement[], n: Numbering): BillingStatementIssuedV1[] {
  const issuedAt = n.issuedAt.toISOString();
  return drafts.map((d, index) => {
    const statementId = n.newId();
    const statementNumber = n.statementNumber(index);
    const money = (amountMinor: number) => ({ amountMinor, currency: d.currency });
    const lines: BillingLine[] = d.lines.map((l, position) => ({
      lineId: n.newId(),
      lineNumber: `${statementNumber}/${position + 1}`,
      runId: n.runId,
      statementId,
      customerId: l.customerId,
      contractId: l.contractId,
      planId: l.planId,
      planVersion: l.planVersion,
      ticketId: l.ticketId,
      ticketNumber: l.ticketId === null ? null : (l.ticketNumber ?? null),
      kind: l.kind,
      activityType: l.activityType,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: money(l.unitPriceMinor),
      amount: money(l.amountMinor),
      taxRateBasisPoints: l.taxRateBasisPoints,
      rawMinutes: l.rawMinutes,
      roundedMinutes: l.roundedMinutes,
      quotaMinutesApplied: l.quotaMinutesApplied + l.packageMinutesApplied,
      late: l.late,
      reversesLineId: l.reversesLineId,
      sourceItems: l.items.map((i) => ({
        itemId: i.id,
        source: l.sourceKind,
        sourceId: i.sourceId,
        performedOn: i.performedAt.toISOString(),
        minutes: l.kind === 'material' ? null : i.minutes,
      })),
      periodFrom: n.from,
      periodTo: n.to,
      issuedAt,
    }));
    return {
      statementId,
      statementNumber,
      runId: n.runId,
      customerId: d.customerId,
      periodFrom: n.from,
      periodTo: n.to,
      currency: d.currency,
      lines,
      netTotal: money(d.netMinor),
      taxTotal: money(d.taxMinor),
      grossTotal: money(d.netMinor + d.taxMinor),
      taxBreakdown: d.taxBreakdown.map((t) => ({ taxRateBasisPoints: t.taxRateBasisPoints, net: money(t.netMinor), tax: money(t.taxMinor) })),
      issuedAt,
    };
  });
}
