import type { ParsedMail } from './parsed-mail';
import { storableText } from './storable-text';

const ADDRESS = /^[^\s@]+@[^\s@]+$/;
/** Longest failure reason quoted in the note (a database error can quote a whole value). */
const REASON_CHARS = 500;

/** The parse note of a mail that was given up. */
export function givenUpNote(reason: string, attempts: number): string {
  const short = storableText(reason).replace(/\s+/g, ' ').trim().slice(0, REASON_CHARS) || 'unknown error';
  return `could not be processed: ${short} (${attempts} attempts); only its headers are shown, the raw original is stored`;
}

/**
 * What is published of a mail that could not be processed, most first: (1) its readable headers
 * (addresses, subject, Message-IDs, date) without body and attachments; (2) should even that
 * fail, nothing of the mail but the envelope sender. Each carries the note; the raw original
 * (mailId, rawSha256) stays available through GetRawMessage.
 */
export function givenUpVariants(mail: ParsedMail, note: string): ParsedMail[] {
  const headersOnly: ParsedMail = { ...mail, text: '', quotedText: null, html: null, attachments: [], parseProblems: [note, ...mail.parseProblems] };
  const bare: ParsedMail = {
    ...headersOnly, messageId: null, inReplyTo: null, references: [], from: null, replyTo: null, to: [], cc: [], subject: '', sentAt: null, parseProblems: [note],
  };
  return [headersOnly, bare];
}

/** The sender of a given-up mail without a usable From: the envelope sender if it is an address, else a placeholder. */
export function givenUpFallbackFrom(envelopeFrom: string | null): string {
  return envelopeFrom !== null && ADDRESS.test(envelopeFrom) ? envelopeFrom : 'unknown@invalid';
}
