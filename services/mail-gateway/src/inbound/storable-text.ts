import type { MailAddress, ParsedAttachment, ParsedMail } from './parsed-mail';

/**
 * What PostgreSQL refuses in the values a parsed mail is written to: NUL in `text` columns and
 * jsonb (`\u0000`), and unpaired UTF-16 surrogates in jsonb (JSON.stringify writes them as
 * `\udXXX` escapes, which jsonb rejects). A decoded header, file name or body can contain either
 * (an RFC 2231 `%00`, a quoted-printable `=00`, a broken UTF-16 part).
 */
// NUL is exactly the control character to find here.
// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const REFUSED_ALL = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with NUL and unpaired surrogates replaced by U+FFFD; the same string (no copy) when it has none. */
export function storableText(text: string): string {
  // The test is one scan without allocation: nearly every value passes it.
  return REFUSED.test(text) ? text.replace(REFUSED_ALL, '\ufffd') : text;
}

/**
 * `mail` with every text value made storable (see {@link storableText}) and, when something had
 * to be replaced, a parse note naming where — the raw original keeps the bytes as received.
 * Returns `mail` itself when nothing needed replacing.
 */
export function storableMail(mail: ParsedMail): ParsedMail {
  // The common case without a copy: one scan of each value, no allocation.
  if (!textsOf(mail).some((text) => REFUSED.test(text))) return mail;
  const places: string[] = [];
  const clean = (text: string, place: string): string => {
    const stored = storableText(text);
    if (stored !== text && !places.includes(place)) places.push(place);
    return stored;
  };
  const cleanOrNull = (text: string | null, place: string) => (text === null ? null : clean(text, place));
  const address = (a: MailAddress | null, place: string): MailAddress | null =>
    a === null ? null : { address: clean(a.address, `${place} address`), name: cleanOrNull(a.name, `${place} name`) };
  const addresses = (list: readonly MailAddress[], place: string) => list.map((a) => address(a, place) as MailAddress);
  const attachment = (a: ParsedAttachment): ParsedAttachment => ({
    ...a,
    partId: clean(a.partId, 'attachment part id'),
    fileName: clean(a.fileName, 'attachment file name'),
    contentType: clean(a.contentType, 'attachment content type'),
    contentId: cleanOrNull(a.contentId, 'attachment content id'),
  });
  const cleaned: ParsedMail = {
    ...mail,
    messageId: cleanOrNull(mail.messageId, 'Message-ID'),
    inReplyTo: cleanOrNull(mail.inReplyTo, 'In-Reply-To'),
    references: mail.references.map((id) => clean(id, 'References')),
    from: address(mail.from, 'From'),
    replyTo: address(mail.replyTo, 'Reply-To'),
    to: addresses(mail.to, 'To'),
    cc: addresses(mail.cc, 'Cc'),
    subject: clean(mail.subject, 'subject'),
    text: clean(mail.text, 'text'),
    quotedText: cleanOrNull(mail.quotedText, 'quoted text'),
    html: cleanOrNull(mail.html, 'HTML'),
    attachments: mail.attachments.map(attachment),
    parseProblems: mail.parseProblems.map((p) => clean(p, 'parse problems')),
  };
  if (places.length === 0) return mail;
  return {
    ...cleaned,
    parseProblems: [...cleaned.parseProblems, `characters that cannot be stored (NUL, unpaired UTF-16 surrogates) were replaced by U+FFFD in: ${places.join(', ')}; the raw original keeps them`],
  };
}

/** Every text value of `mail` that is written to PostgreSQL. */
function textsOf(mail: ParsedMail): string[] {
  const texts = [mail.subject, mail.text, ...mail.references, ...mail.parseProblems];
  for (const value of [mail.messageId, mail.inReplyTo, mail.quotedText, mail.html]) if (value !== null) texts.push(value);
  for (const a of [mail.from, mail.replyTo, ...mail.to, ...mail.cc]) if (a !== null) texts.push(a.address, a.name ?? '');
  for (const a of mail.attachments) texts.push(a.partId, a.fileName, a.contentType, a.contentId ?? '');
  return texts;
}
