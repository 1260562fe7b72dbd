/** One line of a results table. */
export interface ResultRow {
  readonly measurement: string;
  readonly result: string;
  readonly target: string;
  /** Whether the target was met; undefined for figures without a target. */
  readonly met?: boolean;
}

/** Prints the rows as an aligned table (pasteable into a Markdown file). */
export function printResults(title: string, rows: readonly ResultRow[]): void {
  const cells = rows.map((r) => [r.measurement, r.result, r.target, r.met === undefined ? '' : r.met ? 'met' : 'MISSED']);
  const header = ['measurement', 'result', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${cells.map(line).join('\n')}`);
}
