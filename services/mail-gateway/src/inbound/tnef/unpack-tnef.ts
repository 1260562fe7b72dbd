import { decompressRtf } from './compressed-rtf';
import { PT, propertyText, readMapiProperties, type MapiProperty } from './mapi-properties';
import { ATT, LEVEL, readTnefAttributes } from './tnef-reader';

/** A file that was inside a winmail.dat. */
export interface TnefFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly contentId: string | null;
  readonly content: Buffer;
}

/** What a winmail.dat held, as far as it could be read. */
export interface TnefContent {
  readonly subject: string | null;
  /** The plain-text body (attBody or PR_BODY); null when it had none. */
  readonly text: string | null;
  /** The HTML body (PR_BODY_HTML); null when it had none. */
  readonly html: string | null;
  /** The decompressed RTF body (PR_RTF_COMPRESSED); null when it had none. */
  readonly rtf: Buffer | null;
  readonly files: readonly TnefFile[];
  /** What could not be unpacked (embedded Outlook items, damaged attributes); empty when everything was. */
  readonly problems: readonly string[];
}

const PR = {
  body: 0x1000,
  rtfCompressed: 0x1009,
  bodyHtml: 0x1013,
  displayName: 0x3001,
  attachDataBin: 0x3701,
  attachFilename: 0x3704,
  attachMethod: 0x3705,
  attachLongFilename: 0x3707,
  attachMimeTag: 0x370e,
  attachContentId: 0x3712,
} as const;

interface FileDraft {
  title: string | null;
  data: Buffer | null;
  properties: MapiProperty[];
}

/**
 * Unpacks a winmail.dat (TNEF, [MS-OXTNEF]): its attachments (attAttachData, names and MIME
 * types from the attachment's MAPI properties, else attAttachTitle) and its body (attBody,
 * PR_BODY, PR_BODY_HTML, PR_RTF_COMPRESSED). Throws when the stream is not TNEF or is cut off;
 * parts it cannot turn into a file (an embedded Outlook item) are named in `problems`.
 */
export function unpackTnef(data: Buffer): TnefContent {
  const problems: string[] = [];
  const drafts: FileDraft[] = [];
  let codepage = 1252;
  let subject: string | null = null;
  let text: string | null = null;
  let messageProperties: MapiProperty[] = [];
  for (const attribute of readTnefAttributes(data)) {
    if (!attribute.checksumOk) problems.push(`TNEF attribute 0x${attribute.id.toString(16)} has a wrong checksum; it was read anyway`);
    const current = drafts[drafts.length - 1];
    switch (attribute.id) {
      case ATT.oemCodepage:
        codepage = attribute.data.length >= 4 ? attribute.data.readUInt32LE(0) : codepage;
        break;
      case ATT.subject:
        subject = decode8bit(attribute.data, codepage);
        break;
      case ATT.body:
        text = decode8bit(attribute.data, codepage);
        break;
      case ATT.mapiProps:
        messageProperties = readMapiProperties(attribute.data);
        break;
      case ATT.attachRendData:
        drafts.push({ title: null, data: null, properties: [] });
        break;
      case ATT.attachTitle:
        if (current && attribute.level === LEVEL.attachment) current.title = decode8bit(attribute.data, codepage);
        break;
      case ATT.attachData:
        if (current && attribute.level === LEVEL.attachment) current.data = Buffer.from(attribute.data);
        break;
      case ATT.attachment:
        if (current && attribute.level === LEVEL.attachment) current.properties = readMapiProperties(attribute.data);
        break;
      default:
        break;
    }
  }
  const files: TnefFile[] = [];
  drafts.forEach((draft, index) => {
    const file = toFile(draft, index);
    if (typeof file === 'string') problems.push(file);
    else files.push(file);
  });
  const byId = (id: number) => messageProperties.find((p) => p.id === id);
  const htmlProperty = byId(PR.bodyHtml);
  const html = htmlProperty?.values[0] ? (htmlProperty.type === PT.UNICODE ? propertyText(htmlProperty) : htmlProperty.values[0].toString('utf8').replace(/\0+$/, '')) : null;
  let rtf: Buffer | null = null;
  const compressed = byId(PR.rtfCompressed)?.values[0];
  if (compressed) {
    try {
      rtf = decompressRtf(compressed);
    } catch (error) {
      problems.push(`the RTF body of winmail.dat could not be decompressed (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { subject, text: text ?? propertyText(byId(PR.body)), html, rtf, files, problems };
}

function toFile(draft: FileDraft, index: number): TnefFile | string {
  const property = (id: number) => draft.properties.find((p) => p.id === id);
  const fileName = propertyText(property(PR.attachLongFilename)) ?? propertyText(property(PR.attachFilename)) ?? draft.title ?? propertyText(property(PR.displayName)) ?? `attachment-${index + 1}`;
  const dataProperty = property(PR.attachDataBin);
  const content = dataProperty?.type === PT.BINARY ? dataProperty.values[0] : draft.data;
  if (dataProperty?.type === PT.OBJECT || !content) return `"${fileName}" in winmail.dat is an embedded Outlook item or has no data and was not unpacked; winmail.dat is kept as it came`;
  const mimeTag = propertyText(property(PR.attachMimeTag))?.trim().toLowerCase();
  const contentId = propertyText(property(PR.attachContentId))?.trim().replace(/^<|>$/g, '') || null;
  return { fileName, contentType: mimeTag && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(mimeTag) ? mimeTag : contentTypeOf(fileName), contentId, content: Buffer.from(content) };
}

function decode8bit(data: Buffer, codepage: number): string {
  const label = codepage === 65001 ? 'utf-8' : codepage >= 874 && codepage <= 1258 ? `windows-${codepage}` : 'windows-1252';
  let text: string;
  try {
    text = new TextDecoder(label).decode(data);
  } catch {
    // A code page this Node has no decoder for: windows-1252 keeps ASCII and most Latin text.
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.replace(/\0+$/, '');
}

// TNEF usually names the type (PR_ATTACH_MIME_TAG); these cover the files Outlook sends without it.
const TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', htm: 'text/html', html: 'text/html', xml: 'application/xml', rtf: 'application/rtf',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', zip: 'application/zip', eml: 'message/rfc822', msg: 'application/vnd.ms-outlook',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function contentTypeOf(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && TYPES[extension]) || 'application/octet-stream';
}
