// Turns a customer's mail or portal message into the problem in their own words: quoted history,
// forwarded headers, signatures, greetings and closing formulas are not part of the problem.

const HISTORY_MARKERS: readonly RegExp[] = [
  /^-{2,}\s*(original message|ursprüngliche nachricht|weitergeleitete nachricht|forwarded message)\s*-{2,}/i,
  /^(on|am)\s.+\s(wrote|schrieb)( \S+)?:\s*$/i,
  /^(from|von):\s.+$/i,
  /^_{5,}\s*$/,
];

const SIGNATURE_MARKERS: readonly RegExp[] = [
  /^--\s*$/,
  /^(mit )?(freundlichen|besten|herzlichen|vielen|liebe|viele|beste) (grüßen|gruessen|grüsse|grüße|gruesse|dank)\b.*$/i,
  /^(mfg|lg|vg|gruß|gruss|grüße|danke( schön| sehr)?( und grüße)?)[,.!]?\s*$/i,
  /^(best|kind|warm) regards\b.*$/i,
  /^(regards|cheers|thanks|thank you|many thanks|best|sincerely|yours sincerely|br)[,.!]?\s*$/i,
  /^(sent from my|von meinem \S+ gesendet|gesendet von)\b.*$/i,
];

const GREETING = /^(hallo|hi|hello|hey|dear|sehr geehrte[rs]?|guten (tag|morgen|abend)|moin|servus|liebe[rs]?|good (morning|afternoon|evening))\b[^.!?\n]{0,60}[,!:]?\s*$/i;

/** The new text of a customer message: no quoted history, greeting, closing formula or signature. */
export function cleanCustomerText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (HISTORY_MARKERS.some((marker) => marker.test(line))) break;
    if (SIGNATURE_MARKERS.some((marker) => marker.test(line))) break;
    if (line.startsWith('>')) continue;
    if (kept.every((k) => k === '') && GREETING.test(line)) continue;
    kept.push(line);
  }
  return collapseBlankLines(kept).trim();
}

/** A ticket summary as an article title: no reply/forward prefixes or ticket tags. */
export function cleanTitle(summary: string): string {
  let title = summary.trim();
  for (;;) {
    const next = title
      .replace(/^(re|aw|wg|fw|fwd|antw|sv|tr)\s*:\s*/i, '')
      .replace(/^\[[^\]]{1,40}\]\s*/, '')
      .trim();
    if (next === title) break;
    title = next;
  }
  return title.replace(/\s+/g, ' ');
}

function collapseBlankLines(lines: readonly string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
