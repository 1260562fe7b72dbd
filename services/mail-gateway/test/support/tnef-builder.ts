/**
 * Builds winmail.dat (TNEF) files byte for byte as [MS-OXTNEF] lays them out and Outlook writes
 * them: the signature and key, then attributes (level, id, length, data, checksum), with MAPI
 * property lists for the message and each attachment. No real winmail.dat was at hand (none on
 * this machine or in the npm packages used), so the tests build their fixtures with this.
 */
export const ATTRIBUTE = {
  tnefVersion: 0x00089006, oemCodepage: 0x00069007, messageClass: 0x00078008, subject: 0x00018004, body: 0x0002800c,
  mapiProps: 0x00069003, attachRendData: 0x00069002, attachTitle: 0x00018010, attachData: 0x0006800f, attachment: 0x00069005,
} as const;

export const PROP = {
  body: 0x1000, rtfCompressed: 0x1009, bodyHtml: 0x1013, attachDataObject: 0x3701, attachDataBinary: 0x3701, attachMethod: 0x3705,
  attachLongFilename: 0x3707, attachMimeTag: 0x370e, attachContentId: 0x3712,
} as const;

export const TYPE = { long: 0x0003, string8: 0x001e, unicode: 0x001f, binary: 0x0102, object: 0x000d } as const;

export interface Property {
  readonly type: number;
  readonly id: number;
  readonly value: Buffer;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const pad = (data: Buffer) => Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);

export const string8 = (text: string, encoding: BufferEncoding = 'latin1') => Buffer.concat([Buffer.from(text, encoding), Buffer.from([0])]);
export const unicode = (text: string) => Buffer.concat([Buffer.from(text, 'utf16le'), Buffer.from([0, 0])]);

/** One attribute with its checksum (sum of the data bytes mod 65536); `checksum` overrides it (damaged files). */
export function attribute(level: 1 | 2, id: number, data: Buffer, checksum?: number): Buffer {
  let sum = 0;
  for (const byte of data) sum = (sum + byte) & 0xffff;
  return Buffer.concat([Buffer.from([level]), u32(id), u32(data.length), data, u16(checksum ?? sum)]);
}

/** A MAPI property list as attMAPIProps / attAttachment carry it. */
export function properties(list: readonly Property[]): Buffer {
  const parts = list.map(({ type, id, value }) => {
    const head = Buffer.concat([u16(type), u16(id)]);
    if (type === TYPE.long) return Buffer.concat([head, pad(value)]);
    return Buffer.concat([head, u32(1), u32(value.length), pad(value)]);
  });
  return Buffer.concat([u32(list.length), ...parts]);
}

/** A whole TNEF stream: signature 0x223e9f78, a legacy key, the attributes. */
export function tnef(attributes: readonly Buffer[], key = 0x4c3a): Buffer {
  return Buffer.concat([u32(0x223e9f78), u16(key), ...attributes]);
}

/** The attributes Outlook writes before the message's own (version, code page, class). */
export function outlookPreamble(codepage = 1252): Buffer[] {
  return [
    attribute(1, ATTRIBUTE.tnefVersion, u32(0x00010000)),
    attribute(1, ATTRIBUTE.oemCodepage, Buffer.concat([u32(codepage), u32(0)])),
    attribute(1, ATTRIBUTE.messageClass, string8('IPM.Microsoft Mail.Note')),
  ];
}

/** An attachment as Outlook writes it: rendering data, 8.3 title, data, MAPI properties (long name, MIME type). */
export function fileAttachment(file: { shortName: string; longName: string; mimeType?: string; contentId?: string; content: Buffer }): Buffer[] {
  const list: Property[] = [
    { type: TYPE.long, id: PROP.attachMethod, value: u32(1) },
    { type: TYPE.unicode, id: PROP.attachLongFilename, value: unicode(file.longName) },
    ...(file.mimeType ? [{ type: TYPE.string8, id: PROP.attachMimeTag, value: string8(file.mimeType) }] : []),
    ...(file.contentId ? [{ type: TYPE.string8, id: PROP.attachContentId, value: string8(file.contentId) }] : []),
  ];
  return [
    attribute(2, ATTRIBUTE.attachRendData, Buffer.concat([u16(1), u32(0xffffffff), u32(0), u32(0)])),
    attribute(2, ATTRIBUTE.attachTitle, string8(file.shortName)),
    attribute(2, ATTRIBUTE.attachData, file.content),
    attribute(2, ATTRIBUTE.attachment, properties(list)),
  ];
}

/** An embedded Outlook item (attach method 5): its data is a MAPI object, not a file. */
export function embeddedItem(title: string): Buffer[] {
  const object = Buffer.concat([Buffer.alloc(16, 0x11), tnef([])]);
  return [
    attribute(2, ATTRIBUTE.attachRendData, Buffer.concat([u16(1), u32(0xffffffff), u32(0), u32(0)])),
    attribute(2, ATTRIBUTE.attachTitle, string8(title)),
    attribute(2, ATTRIBUTE.attachment, properties([
      { type: TYPE.long, id: PROP.attachMethod, value: u32(5) },
      { type: TYPE.object, id: PROP.attachDataObject, value: object },
    ])),
  ];
}

/** [MS-OXRTFCP] 4.1.1's compressed RTF example: `{\rtf1\ansi\ansicpg1252\pard hello world}` CRLF. */
export const SPEC_COMPRESSED_RTF = Buffer.from('2d0000002b0000004c5a4675f1c5c7a703000a00726370673132354232' + '0af32068656c090020627705b06c647d0a800fa0', 'hex');

/** A typical Outlook rich-text winmail.dat: a German subject and body, two files, the RTF body, an HTML body. */
export function outlookWinmail(): Buffer {
  return tnef([
    ...outlookPreamble(),
    attribute(1, ATTRIBUTE.subject, string8('Drucker im Büro')),
    attribute(1, ATTRIBUTE.body, string8('Grüße aus dem Büro, der Bericht hängt an.')),
    attribute(1, ATTRIBUTE.mapiProps, properties([
      { type: TYPE.binary, id: PROP.rtfCompressed, value: SPEC_COMPRESSED_RTF },
      { type: TYPE.binary, id: PROP.bodyHtml, value: Buffer.from('<p>Grüße aus dem <b>Büro</b></p>', 'utf8') },
    ])),
    ...fileAttachment({ shortName: 'QUARTA~1.PDF', longName: 'Quartalsbericht Müller.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF-1.4\n% fixture\n%%EOF\n') }),
    ...fileAttachment({ shortName: 'LOG.TXT', longName: 'drucker-log.txt', content: Buffer.from('error 0x51 at 08:12\n') }),
  ]);
}
