import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type HeaderLines, type ParsedMail as MailparserMail, type StructuredHeader } from 'mailparser';
import { bareMessageId, messageIdsIn } from '../shared/message-id';
import { sanitizeMailHtml } from './html-sanitizer';
import type { MailAddress, ParsedAttachment, ParsedMail } from './parsed-mail';
import { splitQuotedText } from './quoted-text';
import { storableMail } from './storable-text';
import { expandWinmail, htmlToPlainText } from './winmail';

const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * Parses a raw mail with mailparser: every charset and transfer encoding it knows, multipart
 * alternatives (text preferred, else text rendered from the HTML), inline parts and attachments
 * (nested message/rfc822 stays one attachment, the original; winmail.dat is unpacked into its
 * files where it can be read), HTML sanitized, quoted history
 * split off. A mail mailparser cannot read at all is still returned — its headers read by hand
 * and its body as text — with the problem named, so it becomes a ticket instead of being lost.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  // Made storable here, once, so that neither the raw row (Message-ID, addresses) nor the
  // processing (attachment names, thread map, event) meets a value PostgreSQL refuses.
  return storableMail(await parseWithMailparser(raw));
}

async function parseWithMailparser(raw: Buffer): Promise<ParsedMail> {
  let mail: MailparserMail;
  try {
    mail = await simpleParser(raw, { keepCidLinks: true, keepDeliveryStatus: true, skipTextToHtml: true, skipImageLinks: true, checksumAlgo: 'sha256' });
  } catch (error) {
    return unparsedMail(raw, `the MIME structure could not be parsed (${error instanceof Error ? error.message : String(error)}); the text is the raw body`);
  }
  const problems: string[] = [];
  const headers = headerMap(mail.headerLines);
  const contentType = structured(mail.headers.get('content-type'));
  if (contentType.value.startsWith('multipart/') && !contentType.params['boundary']) problems.push('multipart message without a boundary parameter');
  const winmail = expandWinmail(mail.attachments.map(toAttachment));
  problems.push(...winmail.problems);
  // Outlook's rich-text mail may carry its only body inside winmail.dat.
  const mimeText = (mail.text ?? '').replace(/\r\n/g, '\n');
  const tnefBody = mimeText.trim() === '' && !mail.html ? winmail.body : null;
  const body = tnefBody ? (tnefBody.text ?? htmlToPlainText(tnefBody.html ?? '')).replace(/\r\n/g, '\n') : mimeText;
  const { text, quoted } = splitQuotedText(body);
  const from = firstAddress(mail.from);
  if (!from) problems.push('no valid From address');
  return {
    messageId: bareMessageId(mail.messageId),
    inReplyTo: messageIdsIn(mail.inReplyTo ?? null)[0] ?? null,
    references: messageIdsIn(mail.references ?? null),
    from,
    replyTo: firstAddress(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').trim(),
    sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text,
    quotedText: quoted,
    html: sanitizeMailHtml(tnefBody ? (tnefBody.html ?? undefined) : mail.html),
    attachments: winmail.attachments,
    signals: { headers, from: from?.address ?? null, contentType: contentType.value, reportType: contentType.params['report-type']?.toLowerCase() ?? null },
    parseProblems: problems,
  };
}

function toAttachment(part: Attachment, index: number): ParsedAttachment {
  const content = part.content as Buffer;
  return {
    partId: part.partId ?? `attachment-${index + 1}`,
    fileName: part.filename?.trim() || defaultFileName(part.contentType, index),
    contentType: part.contentType.toLowerCase(),
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    inline: part.contentDisposition === 'inline' || (part.related === true && part.contentId !== undefined),
    contentId: bareMessageId(part.contentId ?? null),
    content,
  };
}

function defaultFileName(contentType: string, index: number): string {
  if (contentType === 'message/rfc822') return `message-${index + 1}.eml`;
  if (contentType === 'message/delivery-status') return `delivery-status-${index + 1}.txt`;
  return `attachment-${index + 1}`;
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  for (const entry of objects.flatMap((o) => o.value).flatMap((a) => (a.group ? a.group : [a]))) {
    const address = entry.address?.trim().toLowerCase() ?? '';
    if (ADDRESS.test(address)) out.push({ address, name: entry.name?.trim() || null });
  }
  return out;
}

function firstAddress(value: AddressObject | undefined): MailAddress | null {
  return addresses(value)[0] ?? null;
}

function structured(value: unknown): StructuredHeader {
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') {
    const params = 'params' in value && value.params && typeof value.params === 'object' ? (value.params as Record<string, string>) : {};
    return { value: value.value.toLowerCase(), params };
  }
  return { value: 'text/plain', params: {} };
}

/** Header values by lower-case name, unfolded, every occurrence in order. */
export function headerMap(lines: HeaderLines): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const name = key.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), value]);
  }
  return map;
}

/** A mail mailparser refused: headers split by hand, the body kept as text. */
function unparsedMail(raw: Buffer, problem: string): ParsedMail {
  const source = raw.toString('latin1');
  const split = source.search(/\r?\n\r?\n/);
  const head = split < 0 ? source : source.slice(0, split);
  const lines = head.split(/\r?\n(?![ \t])/).filter((l) => l.includes(':')).map((line) => ({ key: line.slice(0, line.indexOf(':')).trim(), line }));
  const headers = headerMap(lines);
  const first = (name: string) => headers.get(name)?.[0] ?? null;
  const fromAddress = /([^\s<>"]+@[^\s<>"]+)/.exec(first('from') ?? '')?.[1]?.toLowerCase() ?? null;
  return {
    messageId: bareMessageId(first('message-id')),
    inReplyTo: messageIdsIn(first('in-reply-to'))[0] ?? null,
    references: messageIdsIn(first('references')),
    from: fromAddress ? { address: fromAddress, name: null } : null,
    replyTo: null,
    to: [],
    cc: [],
    subject: first('subject') ?? '',
    sentAt: null,
    text: split < 0 ? '' : source.slice(split).trim(),
    quotedText: null,
    html: null,
    attachments: [],
    signals: { headers, from: fromAddress, contentType: 'text/plain', reportType: null },
    parseProblems: [problem],
  };
}
