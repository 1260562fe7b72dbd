import type { BillingLine } from '@helpdesk/contracts';

/** One answered call of the itemised call list ("Einzelverbindungsnachweis"). */
export interface StatementCall {
  readonly at: Date;
  readonly number: string;
  readonly agent: string;
  readonly talkSeconds: number;
  readonly chargedMinor: number;
}

/** Everything an exported statement shows. */
export interface StatementDocument {
  readonly statementNumber: string;
  readonly customerName: string;
  readonly customerNumber: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly currency: string;
  readonly netMinor: number;
  readonly taxMinor: number;
  readonly lines: readonly BillingLine[];
  readonly calls: readonly StatementCall[];
  /** IANA zone the call times are shown in. */
  readonly timeZone: string;
}

/** `m:ss` of a duration in seconds. */
export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Date and time of an instant in a zone, `YYYY-MM-DD` and `HH:mm`. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
