import { csvRecord, UTF8_BOM, type CsvDelimiter } from './csv';
import { csvColumns, type ExportRow } from './export-row';
import type { LocalTime } from './local-time';

/**
 * The CSV export as UTF-8 bytes: byte order mark and header line first, then one piece per
 * batch of rows, so the file is never held whole in memory.
 */
export async function* ticketCsv(batches: AsyncIterable<readonly ExportRow[]>, delimiter: CsvDelimiter, time: LocalTime): AsyncGenerator<Buffer> {
  const columns = csvColumns(time);
  yield Buffer.from(UTF8_BOM + csvRecord(columns.map((c) => c.header), delimiter), 'utf8');
  for await (const rows of batches) {
    if (rows.length > 0) yield Buffer.from(rows.map((row) => csvRecord(columns.map((c) => c.cell(row)), delimiter)).join(''), 'utf8');
  }
}
