import { ByteCursor } from './mapi-properties';

export const TNEF_SIGNATURE = 0x223e9f78;

/** TNEF attribute ids (type in the high word, id in the low word), [MS-OXTNEF] 2.1.3.3. */
export const ATT = {
  subject: 0x00018004,
  body: 0x0002800c,
  messageClass: 0x00078008,
  attachTitle: 0x00018010,
  attachData: 0x0006800f,
  attachRendData: 0x00069002,
  mapiProps: 0x00069003,
  attachment: 0x00069005,
  oemCodepage: 0x00069007,
  tnefVersion: 0x00089006,
} as const;

export const LEVEL = { message: 1, attachment: 2 } as const;

/** One attribute of a TNEF stream. */
export interface TnefAttribute {
  readonly level: number;
  readonly id: number;
  readonly data: Buffer;
  /** False when the stored checksum (sum of the data bytes mod 2^16) does not match. */
  readonly checksumOk: boolean;
}

/** Whether `data` starts like a TNEF stream (winmail.dat). */
export function isTnef(data: Buffer): boolean {
  return data.length >= 6 && data.readUInt32LE(0) === TNEF_SIGNATURE;
}

/** Splits a TNEF stream into its attributes; throws naming the offset when the stream is cut or not TNEF. */
export function readTnefAttributes(data: Buffer): TnefAttribute[] {
  if (!isTnef(data)) throw new Error('not a TNEF stream (signature 0x223e9f78 missing)');
  const cursor = new ByteCursor(data, 6);
  const attributes: TnefAttribute[] = [];
  while (cursor.remaining > 0) {
    const level = cursor.take(1, 'an attribute level')[0] ?? 0;
    if (level !== LEVEL.message && level !== LEVEL.attachment) throw new Error(`TNEF attribute at offset ${cursor.pos - 1} has the unknown level ${level}`);
    const id = cursor.u32('an attribute id');
    const length = cursor.u32('an attribute length');
    const value = cursor.take(length, `attribute 0x${id.toString(16)}`);
    const checksum = cursor.u16('an attribute checksum');
    attributes.push({ level, id, data: value, checksumOk: checksum === checksumOf(value) });
  }
  return attributes;
}

/** The TNEF checksum: the sum of the bytes, modulo 65536. */
export function checksumOf(data: Buffer): number {
  let sum = 0;
  for (const byte of data) sum = (sum + byte) & 0xffff;
  return sum;
}
