/**
 * MAPI property lists as TNEF carries them in attMAPIProps and attAttachment ([MS-OXTNEF]
 * 2.1.3.4): a count, then per property its type and id (named properties with GUID and name),
 * then the value — fixed-size values padded to 4 bytes, variable ones (strings, binaries,
 * objects) as a value count followed by length-prefixed, 4-byte-padded values.
 */
export interface MapiProperty {
  readonly id: number;
  readonly type: number;
  /** Variable-size values (strings, binaries, objects) as raw bytes; fixed-size ones as their bytes too. */
  readonly values: readonly Buffer[];
}

export const PT = { STRING8: 0x001e, UNICODE: 0x001f, BINARY: 0x0102, OBJECT: 0x000d } as const;

const FIXED_SIZES: Readonly<Record<number, number>> = {
  0x0002: 2, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 2, 0x0014: 8, 0x0040: 8, 0x0048: 16,
};
const MULTI = 0x1000;

/** A bounds-checked little-endian cursor; running past the end throws naming what was being read. */
export class ByteCursor {
  constructor(
    private readonly data: Buffer,
    public pos = 0,
  ) {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  take(length: number, what: string): Buffer {
    if (length < 0 || this.pos + length > this.data.length) throw new Error(`TNEF ends inside ${what} (needs ${length} bytes at offset ${this.pos}, has ${this.remaining})`);
    const slice = this.data.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  u16(what: string): number {
    return this.take(2, what).readUInt16LE(0);
  }

  u32(what: string): number {
    return this.take(4, what).readUInt32LE(0);
  }

  skipPadding(length: number): void {
    const pad = (4 - (length % 4)) % 4;
    this.take(Math.min(pad, this.remaining), 'padding');
  }
}

export function readMapiProperties(data: Buffer): MapiProperty[] {
  const cursor = new ByteCursor(data);
  const count = cursor.u32('the property count');
  const properties: MapiProperty[] = [];
  for (let i = 0; i < count; i++) {
    const type = cursor.u16('a property type');
    const id = cursor.u16('a property id');
    if (id >= 0x8000) skipName(cursor);
    properties.push({ id, type: type & ~MULTI, values: readValues(cursor, type) });
  }
  return properties;
}

function skipName(cursor: ByteCursor): void {
  cursor.take(16, 'a named property GUID');
  const kind = cursor.u32('a named property kind');
  if (kind === 0) {
    cursor.u32('a named property id');
    return;
  }
  const length = cursor.u32('a named property name length');
  cursor.take(length, 'a named property name');
  cursor.skipPadding(length);
}

function readValues(cursor: ByteCursor, type: number): Buffer[] {
  const base = type & ~MULTI;
  const fixed = FIXED_SIZES[base];
  if (fixed !== undefined) {
    const count = type & MULTI ? cursor.u32('a value count') : 1;
    return Array.from({ length: count }, () => {
      const value = cursor.take(fixed, 'a property value');
      cursor.skipPadding(fixed);
      return value;
    });
  }
  if (base !== PT.STRING8 && base !== PT.UNICODE && base !== PT.BINARY && base !== PT.OBJECT) throw new Error(`unknown MAPI property type 0x${base.toString(16)}`);
  const count = cursor.u32('a value count');
  return Array.from({ length: count }, () => {
    const length = cursor.u32('a value length');
    const value = cursor.take(length, 'a property value');
    cursor.skipPadding(length);
    return value;
  });
}

/** A string property's text: UTF-16LE or 8-bit (in the TNEF's code page, read as windows-1252), without the trailing NUL. */
export function propertyText(property: MapiProperty | undefined): string | null {
  const value = property?.values[0];
  if (!value) return null;
  const text = property.type === PT.UNICODE ? value.toString('utf16le') : new TextDecoder('windows-1252').decode(value);
  return text.replace(/\0+$/, '');
}
