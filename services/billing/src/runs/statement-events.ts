import type { BillingLine, BillingStatementIssuedV1, BillingStatementIssuedV2, BillingStatementLine } from '@helpdesk/contracts';

/** Default size budget of one event's data (bytes of JSON): well under NATS' 1 MB default `max_payload`, room for the envelope. */
export const DEFAULT_EVENT_BUDGET_BYTES = 256 * 1024;

/** The events of one issued statement, each within the budget. */
export interface StatementEvents {
  /** One `line.created` per line; a line whose source items do not fit lists only the first of them. */
  readonly lines: BillingLine[];
  /** The `statement.issued.v1` (every line with all its source items), only while it fits the budget. */
  readonly statementV1: BillingStatementIssuedV1 | null;
  /** The `statement.issued.v2` parts (lines without source items), at least one. */
  readonly statementV2: BillingStatementIssuedV2[];
}

const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Splits an issued statement into events that each stay under `budgetBytes` of JSON data, so no
 * event can exceed the broker's `max_payload` and block the outbox relay:
 * - `line.created` carries the line's source items with `sourceItemCount`; when they do not fit,
 *   only as many as fit, `sourceItemsComplete: false` (the stored line, the CSV export and
 *   IssueRun's response keep all of them);
 * - `statement.issued.v2` carries the lines without source items (a count instead), in parts
 *   1…n of the same statement id when they do not fit one event, each part with the totals;
 * - `statement.issued.v1` (all lines with all source items) is still published beside v2 for
 *   its existing subscribers while it fits; a bigger statement is published as v2 only.
 * A single line that alone exceeds the budget without its source items (a description of
 * hundreds of kilobytes) still gets a part of its own: nothing is dropped.
 */
export function statementEvents(statement: BillingStatementIssuedV1, budgetBytes: number): StatementEvents {
  const lines: BillingLine[] = [];
  let v1Bytes = byteSize({ ...statement, lines: [] });
  for (const line of statement.lines) {
    const full: BillingLine = { ...line, sourceItemCount: line.sourceItems.length, sourceItemsComplete: true };
    const size = byteSize(full);
    // The v1 statement's line has neither field: `full` bounds it from above.
    v1Bytes += size + 1;
    lines.push(size <= budgetBytes ? full : capped(line, budgetBytes));
  }
  return {
    lines,
    statementV1: v1Bytes <= budgetBytes ? statement : null,
    statementV2: statementParts(statement, budgetBytes),
  };
}

/** The line with as many of its first source items as fit the budget (at least one: the schema needs one). */
function capped(line: BillingLine, budgetBytes: number): BillingLine {
  const head: BillingLine = { ...line, sourceItems: [], sourceItemCount: line.sourceItems.length, sourceItemsComplete: false };
  let size = byteSize(head);
  let count = 0;
  for (const item of line.sourceItems) {
    size += byteSize(item) + (count === 0 ? 0 : 1);
    if (size > budgetBytes && count > 0) break;
    count += 1;
  }
  return { ...head, sourceItems: line.sourceItems.slice(0, count) };
}

/** The v2 parts: lines packed in order while a part stays within the budget. */
function statementParts(statement: BillingStatementIssuedV1, budgetBytes: number): BillingStatementIssuedV2[] {
  const { lines, ...rest } = statement;
  const header = { ...rest, lineCount: lines.length };
  // Room for the largest part numbers the fields could take.
  const headerBytes = byteSize({ ...header, part: Number.MAX_SAFE_INTEGER, parts: Number.MAX_SAFE_INTEGER, lines: [] });
  const groups: BillingStatementLine[][] = [];
  let current: BillingStatementLine[] = [];
  let currentBytes = headerBytes;
  for (const line of lines) {
    const { sourceItems, sourceItemsComplete: _complete, ...withoutItems } = line;
    const short: BillingStatementLine = { ...withoutItems, sourceItemCount: sourceItems.length };
    const size = byteSize(short);
    // `+ 1`: the comma before every line but the first of a part.
    if (current.length > 0 && currentBytes + 1 + size > budgetBytes) {
      groups.push(current);
      current = [];
      currentBytes = headerBytes;
    }
    currentBytes += size + (current.length === 0 ? 0 : 1);
    current.push(short);
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups.map((group, index) => ({ ...header, part: index + 1, parts: groups.length, lines: group }));
}
