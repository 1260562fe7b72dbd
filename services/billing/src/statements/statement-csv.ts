import { formatMinor } from '../shared/money';
import { formatDuration, localDateTime, type StatementDocument } from './statement-document';

const field = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const record = (values: readonly string[]) => `${values.map(field).join(';')}\r\n`;

/**
 * The statement as CSV (`;`-separated, UTF-8 with BOM, what Excel expects in German locales):
 * one record per line with its traceable numbers, then the itemised calls, then the totals.
 */
export function statementCsv(doc: StatementDocument): string {
  let out = '\uFEFF';
  out += record(['record', 'line_number', 'ticket', 'kind', 'activity', 'description', 'quantity', 'unit', 'unit_price', 'amount', 'currency', 'tax_rate_percent', 'raw_minutes', 'rounded_minutes', 'quota_minutes', 'late', 'reverses_line', 'source_ids']);
  for (const l of doc.lines) {
    out += record([
      'line', l.lineNumber, l.ticketNumber ?? '', l.kind, l.activityType ?? '', l.description, l.quantity, l.unit, formatMinor(l.unitPrice.amountMinor),
      formatMinor(l.amount.amountMinor), doc.currency, formatMinor(l.taxRateBasisPoints), String(l.rawMinutes ?? ''), String(l.roundedMinutes ?? ''),
      String(l.quotaMinutesApplied), l.late ? 'yes' : 'no', l.reversesLineId ?? '', l.sourceItems.map((s) => s.sourceId).join(' '),
    ]);
  }
  for (const c of doc.calls) {
    const { date, time } = localDateTime(c.at, doc.timeZone);
    out += record(['call', '', '', 'call', '', `${date} ${time} ${c.number} ${c.agent}`, formatDuration(c.talkSeconds), 'm:ss', '', formatMinor(c.chargedMinor), doc.currency, '', '', '', '', '', '', '']);
  }
  out += record(['total', doc.statementNumber, '', '', '', 'net', '', '', '', formatMinor(doc.netMinor), doc.currency, '', '', '', '', '', '', '']);
  out += record(['total', doc.statementNumber, '', '', '', 'tax', '', '', '', formatMinor(doc.taxMinor), doc.currency, '', '', '', '', '', '', '']);
  out += record(['total', doc.statementNumber, '', '', '', 'gross', '', '', '', formatMinor(doc.netMinor + doc.taxMinor), doc.currency, '', '', '', '', '', '', '']);
  return out;
}
