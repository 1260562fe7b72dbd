import type { SlaTrafficLight } from '@helpdesk/contracts';
import PDFDocument from 'pdfkit';
import type { ExportRow } from './export-row';
import { toWinAnsi } from './win-ansi';

/** What the head and the footer of the printed list say. */
export interface OpenItemsHeading {
  readonly title: string;
  /** The generation time as people read it, zone included: `2026-11-24 09:30 (Europe/Berlin)`. */
  readonly generated: string;
  /** The selection in words (see `describeSelection`). */
  readonly selection: string;
}

// A4 landscape in points; the table fills the width between the margins.
const PAGE = { width: 841.89, height: 595.28, margin: 36 } as const;
const TABLE_BOTTOM = PAGE.height - 48;
const FOOTER_Y = PAGE.height - 32;
const ROW_HEIGHT = 15;
const FONT_SIZE = 8.5;
const CELL_PADDING = 4;

interface Column {
  readonly title: string;
  readonly width: number;
  readonly cell: (row: ExportRow) => string;
}

const FIXED: Column[] = [
  { title: 'Number', width: 72, cell: (r) => r.number },
  { title: 'Customer', width: 170, cell: (r) => r.customer },
  { title: 'Priority', width: 58, cell: (r) => r.priority },
  { title: 'Due', width: 88, cell: (r) => r.due },
  { title: 'Traffic light', width: 92, cell: (r) => r.trafficLight },
];
const SUMMARY_WIDTH = PAGE.width - 2 * PAGE.margin - FIXED.reduce((sum, c) => sum + c.width, 0);
const [NUMBER, CUSTOMER, PRIORITY, DUE, LIGHT] = FIXED as [Column, Column, Column, Column, Column];
const COLUMNS: readonly Column[] = [NUMBER, { title: 'Summary', width: SUMMARY_WIDTH, cell: (r) => r.summary }, CUSTOMER, PRIORITY, DUE, LIGHT];

const LIGHT_COLOURS: Record<SlaTrafficLight, string> = { green: '#2e7d32', yellow: '#f9a825', red: '#c62828' };

/**
 * Renders the printable "open items" list — title, generation time, selection, a table with
 * number, summary, customer, priority, due date and coloured traffic light, page numbers — and
 * yields the PDF's bytes as they are produced. Rows arrive in batches (pages of the ticket
 * list); the finished PDF pages of each batch are handed on before the next batch is read, so
 * memory holds one batch, never the whole list. Pages say "Page N" without a total, which would
 * need every page in memory; the list ends with a line giving the number of tickets instead.
 */
export async function* renderOpenItems(batches: AsyncIterable<readonly ExportRow[]>, heading: OpenItemsHeading): AsyncGenerator<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    autoFirstPage: false,
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 12 },
    info: { Title: toWinAnsi(heading.title), Subject: toWinAnsi(heading.selection), Creator: 'helpdesk ticket service' },
  });
  const table = new OpenItemsTable(doc, heading);
  table.startPage();
  let count = 0;
  for await (const rows of batches) {
    for (const row of rows) table.row(row, count++);
    yield* drain(doc);
  }
  table.end(count);
  doc.end();
  yield* drain(doc);
}

// pdfkit pushes the bytes of finished pages into its readable side without waiting for a reader;
// in paused mode read() hands over everything buffered so far.
function* drain(doc: PDFKit.PDFDocument): Generator<Buffer> {
  for (let chunk: unknown = doc.read(); chunk !== null; chunk = doc.read()) {
    if (Buffer.isBuffer(chunk)) yield chunk;
  }
}

class OpenItemsTable {
  private page = 0;
  private y = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly heading: OpenItemsHeading,
  ) {}

  startPage(): void {
    const doc = this.doc;
    doc.addPage();
    this.page += 1;
    this.y = PAGE.margin;
    if (this.page === 1) {
      this.text(this.heading.title, PAGE.margin, this.y, { size: 16, bold: true });
      this.y += 24;
      this.text(`Generated ${this.heading.generated}`, PAGE.margin, this.y, { size: 9 });
      this.y += 13;
      doc.font('Helvetica').fontSize(9).fillColor('#000000');
      doc.text(toWinAnsi(`Selection: ${this.heading.selection}`), PAGE.margin, this.y, { width: PAGE.width - 2 * PAGE.margin });
      this.y = doc.y + 10;
    }
    this.footer();
    this.tableHeader();
  }

  row(row: ExportRow, index: number): void {
    if (this.y + ROW_HEIGHT > TABLE_BOTTOM) this.startPage();
    const doc = this.doc;
    if (index % 2 === 1) doc.rect(PAGE.margin, this.y, PAGE.width - 2 * PAGE.margin, ROW_HEIGHT).fill('#f2f2f2');
    let x = PAGE.margin;
    for (const column of COLUMNS) {
      if (column === LIGHT) this.light(row, x);
      else this.cell(column.cell(row), x, column.width, { bold: column === PRIORITY && row.priority === 'critical' });
      x += column.width;
    }
    this.y += ROW_HEIGHT;
  }

  end(count: number): void {
    if (this.y + 2 * ROW_HEIGHT > TABLE_BOTTOM) this.startPage();
    this.doc.moveTo(PAGE.margin, this.y).lineTo(PAGE.width - PAGE.margin, this.y).lineWidth(0.5).strokeColor('#000000').stroke();
    const text = count === 0 ? 'No tickets match the selection.' : `End of list: ${count} ${count === 1 ? 'ticket' : 'tickets'}.`;
    this.text(text, PAGE.margin, this.y + 6, { size: 9, bold: true });
  }

  private tableHeader(): void {
    const doc = this.doc;
    doc.rect(PAGE.margin, this.y, PAGE.width - 2 * PAGE.margin, ROW_HEIGHT + 3).fill('#d9d9d9');
    let x = PAGE.margin;
    for (const column of COLUMNS) {
      this.cell(column.title, x, column.width, { bold: true, y: this.y + 1.5 });
      x += column.width;
    }
    this.y += ROW_HEIGHT + 3;
  }

  private footer(): void {
    const line = `${this.heading.title} · generated ${this.heading.generated}`;
    this.text(line, PAGE.margin, FOOTER_Y, { size: 8, colour: '#555555' });
    const label = `Page ${this.page}`;
    this.doc.font('Helvetica').fontSize(8);
    this.text(label, PAGE.width - PAGE.margin - this.doc.widthOfString(label), FOOTER_Y, { size: 8, colour: '#555555' });
  }

  private light(row: ExportRow, x: number): void {
    const doc = this.doc;
    const centreY = this.y + ROW_HEIGHT / 2;
    if (row.light) doc.circle(x + CELL_PADDING + 3.5, centreY, 3.5).fill(LIGHT_COLOURS[row.light]);
    else doc.circle(x + CELL_PADDING + 3.5, centreY, 3).lineWidth(0.5).strokeColor('#999999').stroke();
    this.cell(row.trafficLight || 'no SLA', x + 9, LIGHT.width - 9, { bold: row.overdue });
  }

  private cell(value: string, x: number, width: number, options: { bold?: boolean; y?: number }): void {
    const doc = this.doc;
    doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    const text = fitToWidth(doc, toWinAnsi(value), width - 2 * CELL_PADDING);
    this.text(text, x + CELL_PADDING, (options.y ?? this.y) + 3.5, { size: FONT_SIZE, bold: options.bold ?? false });
  }

  // One line at a fixed place, never wrapped: pdfkit's flowing text would add pages on its own.
  private text(value: string, x: number, y: number, style: { size: number; bold?: boolean; colour?: string }): void {
    this.doc
      .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(style.size)
      .fillColor(style.colour ?? '#000000')
      .text(toWinAnsi(value), x, y, { lineBreak: false });
  }
}

/** `text` cut with an ellipsis so that it fits `width` in the current font. */
function fitToWidth(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
