import PDFDocument from 'pdfkit';
import { formatMinor } from '../shared/money';
import { formatDuration, localDateTime, type StatementDocument } from './statement-document';

const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
const BOTTOM = PAGE.height - 50;
const ROW = 13;

// The standard fonts cover Windows-1252 only; other characters become "?".
const printable = (text: string) => text.replace(/[\t\r\n]+/g, ' ').replace(/[^\x20-\x7e\xa0-\xff€]/g, '?');

/**
 * Renders the statement PDF: a cover with customer, period and totals, the work, material and
 * call lines per ticket, and the itemised call list (date, time, number, agent, duration,
 * charged amount). Resolves with the whole file (a statement is at most a few thousand lines).
 */
export function renderStatementPdf(doc: StatementDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 20 }, info: { Title: `Statement ${doc.statementNumber}`, Creator: 'helpdesk billing service' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const money = (minor: number) => `${formatMinor(minor)} ${doc.currency}`;

  pdf.font('Helvetica-Bold').fontSize(18).text(`Statement ${doc.statementNumber}`);
  pdf.font('Helvetica').fontSize(11).moveDown(0.5);
  pdf.text(printable(`Customer: ${doc.customerName} (${doc.customerNumber})`));
  pdf.text(`Period: ${doc.periodFrom} to ${doc.periodTo}`);
  pdf.moveDown();
  pdf.text(`Net total: ${money(doc.netMinor)}`);
  pdf.text(`Tax: ${money(doc.taxMinor)}`);
  pdf.font('Helvetica-Bold').text(`Gross total: ${money(doc.netMinor + doc.taxMinor)}`);
  pdf.font('Helvetica').text(`Lines: ${doc.lines.length}, calls: ${doc.calls.length}`);

  let y = 0;
  const row = (cells: readonly [string, number, number][], bold = false) => {
    if (y + ROW > BOTTOM) {
      pdf.addPage();
      y = PAGE.margin;
    }
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    for (const [text, x, width] of cells) pdf.text(printable(text), PAGE.margin + x, y, { width, lineBreak: false, ellipsis: true });
    y += ROW;
  };
  const heading = (title: string) => {
    pdf.addPage();
    y = PAGE.margin;
    pdf.font('Helvetica-Bold').fontSize(13).text(title, PAGE.margin, y);
    y += 22;
  };

  heading('Work, materials and calls per ticket');
  let ticket: string | null | undefined;
  for (const l of doc.lines) {
    if (l.ticketNumber !== ticket) {
      ticket = l.ticketNumber;
      y += 4;
      row([[`Ticket ${ticket ?? '(none)'}`, 0, 300]], true);
    }
    row([
      [l.lineNumber, 0, 80],
      [l.description, 82, 220],
      [`${l.quantity} ${l.unit}`, 304, 70],
      [l.quotaMinutesApplied > 0 ? `quota ${l.quotaMinutesApplied} min` : '', 376, 60],
      [money(l.amount.amountMinor), 438, 77],
    ]);
  }

  heading('Itemised calls (Einzelverbindungsnachweis)');
  row([['Date', 0, 60], ['Time', 62, 40], ['Number', 104, 110], ['Agent', 216, 130], ['Duration', 348, 60], ['Charged', 410, 105]], true);
  for (const c of doc.calls) {
    const { date, time } = localDateTime(c.at, doc.timeZone);
    row([[date, 0, 60], [time, 62, 40], [c.number, 104, 110], [c.agent, 216, 130], [formatDuration(c.talkSeconds), 348, 60], [money(c.chargedMinor), 410, 105]]);
  }
  pdf.end();
  return done;
}
