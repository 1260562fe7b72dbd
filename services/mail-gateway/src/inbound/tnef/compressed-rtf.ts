/**
 * Decompression of Outlook's compressed RTF (PR_RTF_COMPRESSED, [MS-OXRTFCP]): the message body
 * of a winmail.dat is often only here. A 16-byte header (compressed size, raw size, magic, CRC),
 * then either the raw RTF ("MELA") or LZ77 runs ("LZFu") against a 4 KiB ring buffer pre-filled
 * with a fixed RTF dictionary. The header's CRC is not checked: a damaged body shows as garbled
 * RTF, and the raw original is kept either way.
 */
const DICTIONARY =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier' +
  '{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';
const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"

export function decompressRtf(data: Buffer): Buffer {
  if (data.length < 16) throw new Error('compressed RTF shorter than its 16-byte header');
  const compressedSize = data.readUInt32LE(0);
  const rawSize = data.readUInt32LE(4);
  const magic = data.readUInt32LE(8);
  const end = Math.min(data.length, compressedSize + 4);
  if (magic === UNCOMPRESSED) return Buffer.from(data.subarray(16, Math.min(16 + rawSize, data.length)));
  if (magic !== COMPRESSED) throw new Error(`compressed RTF has the unknown magic 0x${magic.toString(16)}`);
  const ring = Buffer.alloc(4096);
  ring.write(DICTIONARY, 'latin1');
  let write = DICTIONARY.length;
  const out: number[] = [];
  let pos = 16;
  while (pos < end) {
    const control = data[pos++] ?? 0;
    for (let bit = 0; bit < 8 && pos < end; bit++) {
      if ((control & (1 << bit)) === 0) {
        const byte = data[pos++] ?? 0;
        out.push(byte);
        ring[write] = byte;
        write = (write + 1) % 4096;
        continue;
      }
      if (pos + 2 > end) throw new Error('compressed RTF ends inside a reference');
      const reference = ((data[pos] ?? 0) << 8) | (data[pos + 1] ?? 0);
      pos += 2;
      const offset = reference >> 4;
      const length = (reference & 0x0f) + 2;
      // A reference to the write position itself marks the end of the stream.
      if (offset === write) return Buffer.from(out);
      for (let i = 0; i < length; i++) {
        const byte = ring[(offset + i) % 4096] ?? 0;
        out.push(byte);
        ring[write] = byte;
        write = (write + 1) % 4096;
      }
    }
  }
  return Buffer.from(out);
}
