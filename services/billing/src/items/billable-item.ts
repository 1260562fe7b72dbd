/** A material used during work, as the work log entry carried it. */
export interface ItemMaterial {
  readonly sku: string;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
}

/** One billable (or documented non-billable) item: a work log entry or an answered call. */
export interface BillableItem {
  readonly id: string;
  readonly source: 'worklog' | 'call';
  /** The work log entryId or the callId; unique per source. */
  readonly sourceId: string;
  readonly customerId: string | null;
  readonly contractId: string | null;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly activityType: string | null;
  readonly agentId: string | null;
  readonly performedAt: Date;
  /** Calendar day of the work in the billing time zone. */
  readonly performedOn: string;
  /** Unrounded work minutes; for calls the started minutes of talk time. */
  readonly minutes: number;
  readonly talkSeconds: number | null;
  readonly callerNumber: string | null;
  /** For work entries made from a call: that call. */
  readonly callId: string | null;
  readonly billable: boolean;
  readonly materials: readonly ItemMaterial[];
  readonly description: string;
  readonly voided: boolean;
}

/** An issued item with the lines it went into (billed marks live in `billing_item_lines`). */
export interface BilledItem extends BillableItem {
  readonly lineIds: readonly string[];
}
