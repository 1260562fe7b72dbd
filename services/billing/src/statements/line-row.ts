/** A `billing_lines` row joined with its statement → the `BillingLine` contract shape (validated by the caller). */
export function lineOf(r: Record<string, unknown>): unknown {
  const currency = r['currency'];
  const issuedAt = r['issued_at'];
  return {
    lineId: r['id'],
    lineNumber: r['number'],
    runId: r['run_id'],
    statementId: r['statement_id'],
    customerId: r['customer_id'],
    contractId: r['contract_id'],
    planId: r['plan_id'],
    planVersion: r['plan_version'],
    ticketId: r['ticket_id'],
    ticketNumber: r['ticket_number'],
    kind: r['kind'],
    activityType: r['activity_type'],
    description: r['description'],
    quantity: r['quantity'],
    unit: r['unit'],
    unitPrice: { amountMinor: Number(r['unit_price_minor']), currency },
    amount: { amountMinor: Number(r['amount_minor']), currency },
    taxRateBasisPoints: r['tax_rate_bp'],
    rawMinutes: r['raw_minutes'],
    roundedMinutes: r['rounded_minutes'],
    // The contract's quotaMinutesApplied covers included quota and prepaid packages alike.
    quotaMinutesApplied: Number(r['quota_minutes'] ?? 0) + Number(r['package_minutes'] ?? 0),
    late: r['late'],
    reversesLineId: r['reverses_line_id'],
    sourceItems: r['source_items'],
    periodFrom: r['period_from'],
    periodTo: r['period_to'],
    issuedAt: issuedAt instanceof Date ? issuedAt.toISOString() : issuedAt,
  };
}
