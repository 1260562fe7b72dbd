/** A CSV field separator: `;` (what Excel expects in German and most European locales) or `,` (RFC 4180). */
export type CsvDelimiter = ';' | ',';

/** The UTF-8 byte order mark: without it Excel reads a CSV file as the local ANSI code page. */
export const UTF8_BOM = '\uFEFF';

// A spreadsheet treats a cell starting with one of these as a formula ("CSV injection", OWASP):
// a ticket summary such as `=HYPERLINK(…)` written by a customer must stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: a value that a spreadsheet would run as a formula gets a leading `'`; a value
 * holding the delimiter, a quote or a line break is quoted with quotes doubled (RFC 4180).
 */
export function csvField(value: string, delimiter: CsvDelimiter): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(delimiter) || safe.includes('"') || safe.includes('\n') || safe.includes('\r');
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record ending in CRLF (RFC 4180). */
export function csvRecord(values: readonly string[], delimiter: CsvDelimiter): string {
  return `${values.map((value) => csvField(value, delimiter)).join(delimiter)}\r\n`;
}
