import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { ParsedAttachment } from './parsed-mail';
import { isTnef } from './tnef/tnef-reader';
import { unpackTnef, type TnefFile } from './tnef/unpack-tnef';

/** Attachments with every readable winmail.dat replaced by its files, and the body it carried. */
export interface WinmailExpansion {
  readonly attachments: ParsedAttachment[];
  /** The first winmail.dat body (for mail whose MIME body is empty, as Outlook's rich-text mail can be). */
  readonly body: { readonly text: string | null; readonly html: string | null } | null;
  readonly problems: string[];
}

const TNEF_TYPES = new Set(['application/ms-tnef', 'application/vnd.ms-tnef']);

/**
 * Outlook's rich-text mail packs its files and body into winmail.dat (TNEF), which other mail
 * clients — and agents — cannot open. Each one that can be read is replaced by the files inside
 * (part ids `<winmail part>.tnef<n>`), plus the RTF body as `message.rtf` when it has no text or
 * HTML body. When anything inside cannot be unpacked, or the file is not readable TNEF at all,
 * winmail.dat stays as an attachment too and the problem is named: nothing is lost either way,
 * and the raw original keeps the file byte for byte.
 */
export function expandWinmail(attachments: readonly ParsedAttachment[]): WinmailExpansion {
  const out: ParsedAttachment[] = [];
  const problems: string[] = [];
  let body: WinmailExpansion['body'] = null;
  for (const part of attachments) {
    const looksLikeTnef = TNEF_TYPES.has(part.contentType) || /^winmail\.dat$/i.test(part.fileName);
    if (!looksLikeTnef) {
      out.push(part);
      continue;
    }
    if (!isTnef(part.content)) {
      out.push(part);
      problems.push(`"${part.fileName}" is not TNEF and was kept as it came`);
      continue;
    }
    try {
      const content = unpackTnef(part.content);
      const files: TnefFile[] = [...content.files];
      if (!content.text && !content.html && content.rtf) files.push({ fileName: 'message.rtf', contentType: 'application/rtf', contentId: null, content: content.rtf });
      files.forEach((file, index) => out.push(toAttachment(file, `${part.partId}.tnef${index + 1}`)));
      if (content.problems.length > 0) out.push(part);
      problems.push(...content.problems);
      if (!body && (content.text || content.html)) body = { text: content.text, html: content.html };
    } catch (error) {
      out.push(part);
      problems.push(`"${part.fileName}" could not be unpacked (${error instanceof Error ? error.message : String(error)}); it is kept as an attachment`);
    }
  }
  return { attachments: out, body, problems };
}

function toAttachment(file: TnefFile, partId: string): ParsedAttachment {
  return {
    partId,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    // An image the HTML body shows by Content-ID is inline, like a multipart/related part.
    inline: file.contentId !== null,
    contentId: file.contentId,
    content: file.content,
  };
}

/** A readable plain-text rendering of a winmail.dat's HTML body (only used when it has no plain body). */
export function htmlToPlainText(html: string): string {
  const withBreaks = html.replace(/<\s*br\s*\/?>/gi, '\n').replace(/<\/\s*(p|div|li|tr|h[1-6])\s*>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
