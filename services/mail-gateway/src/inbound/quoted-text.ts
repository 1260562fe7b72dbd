/** A mail's text split into what the sender wrote now and the quoted history below it. */
export interface SplitText {
  readonly text: string;
  /** null when no quoted history was recognised. */
  readonly quoted: string | null;
}

// Lines that start the quoted history in the common mail clients (Outlook, Thunderbird, Gmail,
// Apple Mail), in English and German.
const HISTORY_HEADERS: readonly RegExp[] = [
  /^-{2,}\s*(original message|ursprüngliche nachricht|forwarded message|weitergeleitete nachricht)\s*-{2,}\s*$/i,
  /^on .{3,200}wrote:\s*$/i,
  /^am .{3,200}schrieb .{1,200}:\s*$/i,
  /^_{20,}\s*$/,
];

/**
 * Separates the quoted reply history from the new text where it is recognisable: from the first
 * history header line ("On … wrote:", "Am … schrieb …:", "-----Original Message-----", Outlook's
 * underscore rule) or the first run of `>` lines that reaches the end
 * of the mail (blank lines aside). Text above stays;
 * a mail that is all quote keeps its text (nothing would be left).
 */
export function splitQuotedText(body: string): SplitText {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = historyStart(lines);
  if (start === null) return { text: body, quoted: null };
  const text = lines.slice(0, start).join('\n').trimEnd();
  if (text.trim() === '') return { text: body, quoted: null };
  return { text, quoted: lines.slice(start).join('\n').trim() };
}

function historyStart(lines: readonly string[]): number | null {
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (HISTORY_HEADERS.some((pattern) => pattern.test(line))) return i;
    if (line.startsWith('>') && quoteRunsToEnd(lines, i)) return i;
  }
  return null;
}

function quoteRunsToEnd(lines: readonly string[], from: number): boolean {
  return lines.slice(from).every((line) => line.trim() === '' || line.trim().startsWith('>'));
}
